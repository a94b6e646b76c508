/**
 * Okta's rate limits: a per-minute bucket per endpoint family, reported on every response in
 * `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (UTC epoch seconds of the window's end;
 * developer.okta.com/docs/reference/rl-best-practices/). Over the limit → 429 E0000047.
 */
import type { Clock } from '../common/clock.js';

export type RateFamily = 'users' | 'groups' | 'schemas' | 'org' | 'token' | 'other';

/**
 * Requests per minute per family. Okta's limits vary by org and plan; these defaults are of the
 * order Okta documents for a one-app org (sandbox choice).
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateFamily, number>> = {
  users: 600,
  groups: 500,
  schemas: 100,
  org: 100,
  token: 600,
  other: 300,
};

export function rateFamily(path: string): RateFamily {
  if (path.startsWith('/api/v1/users')) return 'users';
  if (path.startsWith('/api/v1/groups')) return 'groups';
  if (path.startsWith('/api/v1/meta')) return 'schemas';
  if (path.startsWith('/api/v1/org') || path.startsWith('/.well-known')) return 'org';
  if (path.startsWith('/oauth2/v1/token')) return 'token';
  return 'other';
}

export interface RateState {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch seconds. */
  readonly reset: number;
  readonly exceeded: boolean;
}

export interface RateLimiter {
  /** Counts one request of the path's family. */
  take(path: string): RateState;
  /** The family's state without counting (for injected faults). */
  peek(path: string): RateState;
  reset(): void;
}

export function createRateLimiter(
  clock: Clock,
  limits: Partial<Record<RateFamily, number>> = {},
): RateLimiter {
  const perMinute = { ...DEFAULT_RATE_LIMITS, ...limits };
  const windows = new Map<RateFamily, { start: number; count: number }>();

  function current(family: RateFamily) {
    const start = Math.floor(clock.now() / 60_000) * 60_000;
    let window = windows.get(family);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      windows.set(family, window);
    }
    return window;
  }
  function state(family: RateFamily, exceeded: boolean): RateState {
    const window = current(family);
    const limit = perMinute[family];
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      reset: (window.start + 60_000) / 1000,
      exceeded,
    };
  }

  return {
    take(path) {
      const family = rateFamily(path);
      const window = current(family);
      const exceeded = window.count >= perMinute[family];
      if (!exceeded) window.count++;
      return state(family, exceeded);
    },
    peek: (path) => state(rateFamily(path), false),
    reset: () => windows.clear(),
  };
}

export function rateHeaders(state: RateState): Record<string, string> {
  return {
    'X-Rate-Limit-Limit': String(state.limit),
    'X-Rate-Limit-Remaining': String(state.remaining),
    'X-Rate-Limit-Reset': String(state.reset),
  };
}
