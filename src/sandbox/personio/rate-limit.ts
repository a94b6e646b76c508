/**
 * Personio's published limits, as fixed windows per API client: GET /company/employees 300 a
 * minute (changelog, May 2024), POST /auth 60 a minute (v1 auth page), POST /v2/auth/token 150 a
 * minute (v2 authentication page). Going over is a 429; Personio documents no rate-limit
 * headers and asks for a wait of at least a second, so the sandbox sends none by default.
 */
import type { Clock } from '../common/clock.js';

export interface RateLimits {
  /** Requests per minute per limited route and client. */
  readonly employees: number;
  readonly v1Auth: number;
  readonly v2Token: number;
}

export const PERSONIO_RATE_LIMITS: RateLimits = { employees: 300, v1Auth: 60, v2Token: 150 };

export interface RateLimiter {
  /** Counts one request; false when it is over the route's limit for this minute. */
  take(route: keyof RateLimits, client: string): boolean;
  reset(): void;
}

export function createRateLimiter(clock: Clock, limits: RateLimits): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(route, client) {
      const key = `${route}|${client}`;
      const now = clock.now();
      const window = windows.get(key);
      if (!window || now - window.start >= 60_000) {
        windows.set(key, { start: now, count: 1 });
        return limits[route] >= 1;
      }
      window.count += 1;
      return window.count <= limits[route];
    },
    reset: () => windows.clear(),
  };
}
