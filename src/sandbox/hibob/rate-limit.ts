/**
 * HiBob's rate limits are set per endpoint (apidocs.hibob.com "Rate limiting"): `POST
 * /people/search` allows 50 requests a minute; the sandbox gives every other endpoint 100 (Bob
 * publishes a figure per endpoint; the sandbox's is an assumption, configurable). Going over is
 * 429. The `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds) headers are named by a
 * third-party summary only (reference ⚠); the sandbox sends them on every authenticated answer.
 * Windows are fixed minutes per service user and endpoint; refused requests do not count.
 */
import type { Clock } from '../common/clock.js';

export interface RateState {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch seconds when the window ends. */
  readonly reset: number;
}

export interface RateLimiter {
  /** Counts a request to `endpoint` by `user`; `allowed` false when the window is spent. */
  take(user: string, endpoint: string): RateState & { readonly allowed: boolean };
  reset(): void;
}

export interface RateLimitOptions {
  /** Requests a minute for `POST /people/search`. @default 50 */
  readonly search?: number;
  /** Requests a minute for every other endpoint. @default 100 */
  readonly other?: number;
}

export function createRateLimiter(clock: Clock, options: RateLimitOptions = {}): RateLimiter {
  const { search = 50, other = 100 } = options;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(user, endpoint) {
      const limit = endpoint === 'POST /v1/people/search' ? search : other;
      const now = clock.now();
      const key = `${user}|${endpoint}`;
      let window = windows.get(key);
      if (!window || now >= window.start + 60_000) {
        window = { start: now - (now % 60_000), count: 0 };
        windows.set(key, window);
      }
      const allowed = window.count < limit;
      if (allowed) window.count++;
      return {
        allowed,
        limit,
        remaining: limit - window.count,
        reset: Math.ceil((window.start + 60_000) / 1000),
      };
    },
    reset: () => windows.clear(),
  };
}

export function rateHeaders(state: RateState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.reset),
  };
}
