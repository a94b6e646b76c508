/**
 * Gusto's rate limit: 200 requests per rolling 60 s per application–user pair (docs.gusto.com
 * "Rate Limits"); the sandbox keys it by the token's client and company. Refused requests do not
 * count (a choice: "rejected … until the violating window closes" reads as the window of accepted
 * requests). Headers per the embedded v2024-04-01 docs: X-RateLimit-Limit, -Remaining, -Reset on
 * every authenticated answer, Retry-After on a 429.
 */
import type { Clock } from '../common/clock.js';

export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Epoch ms when the oldest counted request leaves the window. */
  readonly resetAt: number;
  /** Whole seconds until a request would be accepted (only when refused). */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): RateDecision;
  reset(): void;
}

export function createRateLimiter(
  clock: Clock,
  options: { limit: number; windowSeconds: number },
): RateLimiter {
  const windowMs = options.windowSeconds * 1000;
  // Accepted request times per key, oldest first.
  const windows = new Map<string, number[]>();

  return {
    take(key) {
      const now = clock.now();
      const times = windows.get(key) ?? [];
      windows.set(key, times);
      let drop = 0;
      while (drop < times.length && times[drop]! <= now - windowMs) drop++;
      if (drop > 0) times.splice(0, drop);
      const allowed = times.length < options.limit;
      if (allowed) times.push(now);
      const oldest = times[0] ?? now;
      const resetAt = oldest + windowMs;
      return {
        allowed,
        limit: options.limit,
        remaining: Math.max(0, options.limit - times.length),
        resetAt,
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - now) / 1000)),
      };
    },
    reset: () => windows.clear(),
  };
}
