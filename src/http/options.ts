/**
 * The http client's knobs, with the defaults a GraphQL request can live with.
 */
import type { Dispatcher } from 'undici';
import { realSleep } from './abort.js';
import type { AccountLimiterOptions } from './account-limiter.js';
import type { CircuitBreakerOptions } from './circuit-breaker.js';
import type { CallObserver } from './observer.js';
import type { Sleep } from './types.js';
import type { PauseChannel } from './worker-share.js';

export interface HttpClientOptions {
  /** Time to open a TCP (and TLS) connection. @default 5000 */
  connectTimeoutMs?: number;
  /** Time from sending the request to receiving the response headers. @default 15000 */
  headersTimeoutMs?: number;
  /** Longest silence between two chunks of a response body. @default 30000 */
  bodyTimeoutMs?: number;
  /** Most open connections to one origin (the Agent keeps one pool per origin). @default 16 */
  connectionsPerOrigin?: number;
  /** How long an idle kept-alive connection stays open. @default 4000 */
  keepAliveTimeoutMs?: number;
  /** Attempts per logical call, the first included. @default 4 */
  maxAttempts?: number;
  /** Ceiling of the first backoff wait, doubled per retry. @default 200 */
  backoffBaseMs?: number;
  /** Backoff ceilings never grow past this. @default 5000 */
  backoffCapMs?: number;
  /** The most a `Retry-After` (or provider hint) can make us wait before one retry. @default 30000 */
  maxRetryAfterMs?: number;
  /**
   * Per-account concurrency, request budget and queue (see account-limiter.ts).
   * @default { maxConcurrent: 8, budget: { requests: 3000, intervalMs: 60000 }, whenBudgetSpent: 'queue', maxQueued: 1000 }
   */
  accountLimits?: AccountLimiterOptions;
  /**
   * This process's share of every account's request budget, in (0, 1]: each of N processes
   * serving the same accounts keeps 1/N, so together they stay within the provider's budget
   * (worker-share.ts). @default 1
   */
  budgetShare?: number;
  /**
   * Where provider pauses (Retry-After) are told to, and heard from, the other processes serving
   * the same accounts. @default none: this process alone
   */
  pauses?: PauseChannel;
  /**
   * Per-account circuit breaker (see circuit-breaker.ts).
   * @default { failureThreshold: 5, openMs: 30000 }
   */
  circuitBreaker?: CircuitBreakerOptions;
  /**
   * Told of every logical call as it starts and ends (metrics, traces, logs: observer.ts).
   * @default none
   */
  observers?: readonly CallObserver[];
  /** Bodies larger than this fail with UPSTREAM_BAD_RESPONSE. @default 67108864 (64 MiB) */
  maxResponseBytes?: number;
  /** Clock in epoch ms, for durations, deadlines and HTTP-date `Retry-After`. @default Date.now */
  now?: () => number;
  /** Waits between attempts. @default real timers, cut short by the request's signal */
  sleep?: Sleep;
  /** Uniform in [0, 1), for backoff jitter. @default Math.random */
  random?: () => number;
  /**
   * Sends through this dispatcher instead of an Agent of the client's own (a proxy agent, a
   * MockAgent). The caller owns it: `close()` leaves it open.
   * @default a new undici Agent built from the options above
   */
  dispatcher?: Dispatcher;
}

export type ResolvedHttpClientOptions = Required<Omit<HttpClientOptions, 'dispatcher' | 'pauses'>> &
  Pick<HttpClientOptions, 'dispatcher' | 'pauses'>;

export function resolveHttpClientOptions(options: HttpClientOptions): ResolvedHttpClientOptions {
  const {
    connectTimeoutMs = 5_000,
    headersTimeoutMs = 15_000,
    bodyTimeoutMs = 30_000,
    connectionsPerOrigin = 16,
    keepAliveTimeoutMs = 4_000,
    maxAttempts = 4,
    backoffBaseMs = 200,
    backoffCapMs = 5_000,
    maxRetryAfterMs = 30_000,
    maxResponseBytes = 64 * 1024 * 1024,
    accountLimits = {},
    budgetShare = 1,
    pauses,
    circuitBreaker = {},
    observers = [],
    now = Date.now,
    sleep = realSleep,
    random = Math.random,
    dispatcher,
  } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError('maxAttempts must be a positive integer');
  }
  if (!(budgetShare > 0 && budgetShare <= 1)) {
    throw new RangeError('budgetShare must be in (0, 1]');
  }
  return {
    connectTimeoutMs,
    headersTimeoutMs,
    bodyTimeoutMs,
    connectionsPerOrigin,
    keepAliveTimeoutMs,
    maxAttempts,
    backoffBaseMs,
    backoffCapMs,
    maxRetryAfterMs,
    maxResponseBytes,
    accountLimits,
    budgetShare,
    pauses,
    circuitBreaker,
    observers,
    now,
    sleep,
    random,
    dispatcher,
  };
}
