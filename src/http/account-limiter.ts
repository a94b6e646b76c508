/**
 * Per-account admission, so hrgraph never hammers a provider: at most `maxConcurrent` attempts in
 * flight, a token-bucket request budget, and a pause while the provider has asked us to wait
 * (`Retry-After`). An attempt that cannot start now waits in a bounded FIFO queue, or fails fast
 * when the account is configured so. One limiter per account, owned by the http client.
 */
import { abortError } from './abort.js';
import type { Sleep } from './types.js';

/** `requests` per `intervalMs`, refilled continuously; a full bucket may be spent in a burst. */
export interface RequestBudget {
  readonly requests: number;
  readonly intervalMs: number;
}

/** BambooHR publishes no number (reference §6.3): 50 a second on average, bursts kept polite. */
export const DEFAULT_BUDGET: RequestBudget = { requests: 3_000, intervalMs: 60_000 };

export interface AccountLimiterOptions {
  /** Attempts in flight per account at once; the rest wait their turn. @default 8 */
  maxConcurrent?: number;
  /**
   * Attempts per account per interval. BambooHR publishes no number (reference §6.3); this
   * averages 50 a second, and the concurrency cap keeps bursts polite. Null for no budget.
   * @default { requests: 3000, intervalMs: 60000 }
   */
  budget?: RequestBudget | null;
  /**
   * When the budget is spent, or the provider asked us to pause: `queue` waits (never past the
   * request's deadline), `fail` fails a new call at once with UPSTREAM_RATE_LIMITED. Retries of
   * a call already under way always wait. @default 'queue'
   */
  whenBudgetSpent?: 'queue' | 'fail';
  /** Calls that may wait per account; the next fails fast with UPSTREAM_RATE_LIMITED. @default 1000 */
  maxQueued?: number;
}

export type RefusalReason = 'BUDGET_SPENT' | 'QUEUE_FULL' | 'QUEUE_DEADLINE' | 'CLOSED';

/** Why an attempt was not let through; `retryAfterMs` when the wait is known. */
export class LimiterRefusal extends Error {
  override readonly name = 'LimiterRefusal';
  constructor(
    readonly reason: RefusalReason,
    readonly retryAfterMs: number | null,
  ) {
    super(`account limiter refused: ${reason}`);
  }
}

export type Release = () => void;

export interface AcquireOptions {
  readonly signal: AbortSignal;
  readonly deadline?: number;
  /** A retry of a call under way: waits even when the account fails fast. */
  readonly retry: boolean;
}

export interface AccountLimiter {
  /** Resolves when an attempt may start, with the function that ends it. */
  acquire(options: AcquireOptions): Promise<Release>;
  /** The provider asked for quiet until `until` (epoch ms): no attempt starts before then. */
  pause(until: number): void;
  /** Refuses every waiting and future attempt. */
  close(): void;
}

interface Waiter {
  grant(release: Release): void;
  refuse(error: Error): void;
}

export function createAccountLimiter(
  options: AccountLimiterOptions,
  clock: { now: () => number; sleep: Sleep },
): AccountLimiter {
  const {
    maxConcurrent = 8,
    budget = DEFAULT_BUDGET,
    whenBudgetSpent = 'queue',
    maxQueued = 1_000,
  } = options;
  const { now, sleep } = clock;
  const perMs = budget === null ? Number.POSITIVE_INFINITY : budget.requests / budget.intervalMs;
  let tokens = budget?.requests ?? 0;
  let refilledAt = now();
  let pausedUntil = 0;
  let active = 0;
  let closed = false;
  const waiters: Waiter[] = [];
  const timers = new AbortController();
  let timerPending = false;

  function refill(at: number): void {
    if (budget === null) return;
    tokens = Math.min(budget.requests, tokens + (at - refilledAt) * perMs);
    refilledAt = at;
  }

  /** How long until the `nth` attempt from now (1-based) may start, ignoring concurrency. */
  function waitMs(nth: number): number {
    const at = now();
    refill(at);
    const tokenWait = budget === null ? 0 : Math.max(0, Math.ceil((nth - tokens) / perMs));
    return Math.max(0, pausedUntil - at, tokenWait);
  }

  function take(): Release {
    if (budget !== null) tokens -= 1;
    active += 1;
    let released = false;
    return function release() {
      if (released) return;
      released = true;
      active -= 1;
      pump();
    };
  }

  function pump(): void {
    while (waiters.length > 0 && active < maxConcurrent) {
      const wait = waitMs(1);
      if (wait > 0) {
        schedule(wait);
        return;
      }
      waiters.shift()!.grant(take());
    }
  }

  // One timer at a time: it wakes the queue's head when its token (or the pause) is due.
  function schedule(wait: number): void {
    if (timerPending) return;
    timerPending = true;
    void sleep(wait, timers.signal).then(function wake() {
      timerPending = false;
      if (!closed) pump();
    });
  }

  function acquire({ signal, deadline, retry }: AcquireOptions): Promise<Release> {
    if (signal.aborted) return Promise.reject(abortError(signal));
    if (closed) return Promise.reject(new LimiterRefusal('CLOSED', null));
    const wait = waitMs(waiters.length + 1);
    if (waiters.length === 0 && active < maxConcurrent && wait === 0) {
      return Promise.resolve(take());
    }
    if (waiters.length >= maxQueued) {
      return Promise.reject(new LimiterRefusal('QUEUE_FULL', wait > 0 ? wait : null));
    }
    const pastDeadline = deadline !== undefined && now() + wait >= deadline;
    if (wait > 0 && (pastDeadline || (whenBudgetSpent === 'fail' && !retry))) {
      return Promise.reject(new LimiterRefusal('BUDGET_SPENT', wait));
    }
    return enqueue(signal, deadline);
  }

  function enqueue(signal: AbortSignal, deadline: number | undefined): Promise<Release> {
    return new Promise<Release>((resolve, reject) => {
      function leave() {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        signal.removeEventListener('abort', onAbort);
        if (timer !== null) clearTimeout(timer);
      }
      function onAbort() {
        leave();
        reject(abortError(signal));
        pump();
      }
      function onDeadline() {
        leave();
        reject(new LimiterRefusal('QUEUE_DEADLINE', null));
        pump();
      }
      const waiter: Waiter = {
        grant(release) {
          leave();
          resolve(release);
        },
        refuse(error) {
          leave();
          reject(error);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      // Real time, as for an attempt's own deadline timer (abort.ts).
      const timer =
        deadline === undefined ? null : setTimeout(onDeadline, Math.max(0, deadline - now()));
      waiters.push(waiter);
      pump();
    });
  }

  return {
    acquire,
    pause(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    close() {
      closed = true;
      timers.abort();
      for (const waiter of [...waiters]) waiter.refuse(new LimiterRefusal('CLOSED', null));
    },
  };
}
