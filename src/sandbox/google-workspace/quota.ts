/**
 * The Directory API's per-user quota: queries per minute per user (`quotaUser` when given, else
 * the impersonated user), counted in fixed clock minutes. Over it: 403 `userRateLimitExceeded`.
 */
import type { Clock } from '../common/clock.js';

export interface Quota {
  /** Counts one query; false when it is over the limit. */
  take(user: string): boolean;
}

export function createQuota(clock: Clock, perMinute: number): Quota {
  let minute = -1;
  const counts = new Map<string, number>();
  return {
    take(user) {
      const now = Math.floor(clock.now() / 60_000);
      if (now !== minute) {
        minute = now;
        counts.clear();
      }
      const count = (counts.get(user) ?? 0) + 1;
      counts.set(user, count);
      return count <= perMinute;
    },
  };
}
