/**
 * What the http client tells about each logical call as it happens, for metrics, traces and logs
 * (src/server/observe/). The client knows no exporter: it calls whichever observers it was given,
 * with the call's account, its operation as the provider definition names it, counts and
 * outcome. Never a URL, a header or a body: an observer cannot leak what it is never handed.
 */
import type { CircuitState } from './circuit-breaker.js';

/** A call about to be sent (its first attempt may still wait for the account's limiter). */
export interface CallStart {
  readonly accountId: string;
  /** The provider operation, e.g. `bamboohr.customReport`: a bounded set, fit for a label. */
  readonly operation: string;
  readonly method: string;
  /** Provider fields the call asks for. */
  readonly fields: number;
  /** Records the call asks for by id. */
  readonly ids: number;
}

/** How a call that reached the provider ended. */
export interface CallEnd {
  /** The provider's last status; null when no attempt got an answer (reset, timeout). */
  readonly status: number | null;
  /** Attempts beyond the first. */
  readonly retries: number;
  readonly durationMs: number;
  /** Whether the caller got a response (any status it does not retry) or an error. */
  readonly outcome: 'answered' | 'failed';
  /** The error's `extensions.code` when it failed with one of hrgraph's codes. */
  readonly errorCode?: string;
  /** The account's circuit after the call. */
  readonly circuit: CircuitState;
}

/** Why a call was never sent. */
export type RefusalCause = 'circuit_open' | 'budget' | 'deadline';

/** What one call's observation does next: told when the call ends or is refused. */
export interface CallWatch {
  /** An attempt waited this long for the account's limiter (budget, concurrency, a pause). */
  waited?(waitedMs: number): void;
  ended?(end: CallEnd): void;
  refused?(cause: RefusalCause, circuit: CircuitState): void;
}

export interface CallObserver {
  /**
   * A call begins, in the async context of whoever made it (a trace's parent span is there).
   * Returns what hears the rest of the call, or nothing to hear no more of it.
   */
  callStarted(call: CallStart): CallWatch | undefined;
}

/** One observer telling several, so the client calls one whatever is configured. */
export function combineObservers(observers: readonly CallObserver[]): CallObserver | undefined {
  if (observers.length === 0) return undefined;
  if (observers.length === 1) return observers[0];
  return {
    callStarted(call) {
      const watches = observers.flatMap((observer) => observer.callStarted(call) ?? []);
      return {
        waited: (ms) => {
          for (const watch of watches) watch.waited?.(ms);
        },
        ended: (end) => {
          for (const watch of watches) watch.ended?.(end);
        },
        refused: (cause, circuit) => {
          for (const watch of watches) watch.refused?.(cause, circuit);
        },
      };
    },
  };
}
