/**
 * The per-account state the http client keeps: a limiter and a circuit breaker for each account
 * it has called, created on first use and living as long as the client.
 */
import {
  type AccountLimiter,
  createAccountLimiter,
  DEFAULT_BUDGET,
  type RequestBudget,
} from './account-limiter.js';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';
import type { ResolvedHttpClientOptions } from './options.js';
import { budgetPart } from './worker-share.js';

export interface AccountGuard {
  readonly limiter: AccountLimiter;
  readonly breaker: CircuitBreaker;
}

export interface AccountGuards {
  /** `budget`: the provider's own, for an account seen for the first time. */
  of(accountId: string, budget?: RequestBudget): AccountGuard;
  /** A pause another process heard for the account: kept until the account is first called. */
  pause(accountId: string, until: number): void;
  close(): void;
}

/** The budget allowing fewer requests per millisecond; null (none) only when both are none. */
function stricter(
  configured: RequestBudget | null | undefined,
  provider: RequestBudget | undefined,
): RequestBudget | null {
  const own = configured === undefined ? DEFAULT_BUDGET : configured;
  if (!provider) return own;
  if (!own) return provider;
  return provider.requests / provider.intervalMs < own.requests / own.intervalMs ? provider : own;
}

export function createAccountGuards(config: ResolvedHttpClientOptions): AccountGuards {
  const guards = new Map<string, AccountGuard>();
  const heard = new Map<string, number>();
  return {
    of(accountId, budget) {
      let guard = guards.get(accountId);
      if (!guard) {
        const limits = config.accountLimits;
        const whole = stricter(limits.budget, budget);
        guard = {
          limiter: createAccountLimiter(
            { ...limits, budget: budgetPart(whole, config.budgetShare) },
            config,
          ),
          breaker: createCircuitBreaker(config.circuitBreaker, config.now),
        };
        const until = heard.get(accountId);
        if (until !== undefined) guard.limiter.pause(until);
        heard.delete(accountId);
        guards.set(accountId, guard);
      }
      return guard;
    },
    pause(accountId, until) {
      const guard = guards.get(accountId);
      if (guard) guard.limiter.pause(until);
      else heard.set(accountId, Math.max(until, heard.get(accountId) ?? 0));
    },
    close() {
      for (const guard of guards.values()) guard.limiter.close();
    },
  };
}
