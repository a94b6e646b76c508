/**
 * Cancellation: the request's abort signal, its deadline, and waits that both can cut short.
 */
import type { Sleep } from './types.js';

/** The rejection for an aborted call: always named `AbortError`, the abort reason as `cause`. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new DOMException('The upstream call was aborted', 'AbortError');
  // @types/node 20 lacks DOMException's options bag, so the cause is set by hand.
  Object.defineProperty(error, 'cause', { value: reason, enumerable: false });
  return error;
}

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when the deadline, not the caller, ended the attempt. */
  deadlineHit(): boolean;
  dispose(): void;
}

/**
 * A signal for one attempt: aborted by the request's signal or when `remainingMs` run out.
 * Hand-linked rather than `AbortSignal.any` so every listener and timer goes when the attempt ends.
 */
export function attemptSignal(parent: AbortSignal, remainingMs: number | null): AttemptSignal {
  const controller = new AbortController();
  let hit = false;
  function onParentAbort() {
    controller.abort(parent.reason);
  }
  function onDeadline() {
    hit = true;
    controller.abort(new DOMException('The request deadline passed', 'TimeoutError'));
  }
  parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = remainingMs === null ? null : setTimeout(onDeadline, Math.max(0, remainingMs));
  return {
    signal: controller.signal,
    deadlineHit: () => hit,
    dispose() {
      parent.removeEventListener('abort', onParentAbort);
      if (timer !== null) clearTimeout(timer);
    },
  };
}

/** Real waiting: resolves after `ms`, or as soon as `signal` aborts. */
export const realSleep: Sleep = function realSleep(ms, signal) {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
};
