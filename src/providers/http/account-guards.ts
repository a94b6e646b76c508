/**
 * The per-account state the http client keeps: a limiter and a circuit breaker for each account
 * it has called, created on first use and living as long as the client.
 */
import { type AccountLimiter, createAccountLimiter } from './account-limiter.js';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';
import type { ResolvedHttpClientOptions } from './options.js';

export interface AccountGuard {
  readonly limiter: AccountLimiter;
  readonly breaker: CircuitBreaker;
}

export interface AccountGuards {
  of(accountId: string): AccountGuard;
  close(): void;
}

export function createAccountGuards(config: ResolvedHttpClientOptions): AccountGuards {
  const guards = new Map<string, AccountGuard>();
  return {
    of(accountId) {
      let guard = guards.get(accountId);
      if (!guard) {
        guard = {
          limiter: createAccountLimiter(config.accountLimits, config),
          breaker: createCircuitBreaker(config.circuitBreaker, config.now),
        };
        guards.set(accountId, guard);
      }
      return guard;
    },
    close() {
      for (const guard of guards.values()) guard.limiter.close();
    },
  };
}
