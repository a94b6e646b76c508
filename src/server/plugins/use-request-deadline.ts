/**
 * An overall deadline per GraphQL request. It starts when the request arrives; the loaders put it
 * in every provider call's CallContext, so the http client never waits for a retry past it and
 * cuts a slow attempt short at it. A slow or throttling provider then costs the fields it serves
 * an UPSTREAM_* error, and the response still arrives in time with everything else.
 */
import type { Plugin } from 'graphql-yoga';

export interface RequestDeadlineOptions {
  /** How long one request may spend waiting on providers, from its arrival. @default 30000 */
  timeoutMs?: number;
  /** Clock in epoch ms: the http client's, since it compares the deadline with its own. @default Date.now */
  now?: () => number;
}

export interface RequestDeadlinePlugin extends Plugin {
  /** The request's deadline (epoch ms); a request this plugin did not see gets a fresh one. */
  deadlineOf(request: Request): number;
}

export function useRequestDeadline(options: RequestDeadlineOptions = {}): RequestDeadlinePlugin {
  const { timeoutMs = 30_000, now = Date.now } = options;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  // Keyed by the request, so nothing outlives it and concurrent requests never mix.
  const deadlines = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      deadlines.set(request, now() + timeoutMs);
    },
    deadlineOf(request) {
      return deadlines.get(request) ?? now() + timeoutMs;
    },
  };
}
