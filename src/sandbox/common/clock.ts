/** A clock the tests can move: token expiry, lockouts and budgets read it, never `Date.now()`. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to: token expiry, lockouts and budgets read it. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/**
 * @param start epoch milliseconds the clock starts at.
 * @default Date.parse('2026-06-15T09:00:00Z'), the synthetic company's default "today"
 */
export function createManualClock(start = Date.parse('2026-06-15T09:00:00Z')): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    set(ms) {
      now = ms;
    },
  };
}

export const systemClock: Clock = { now: () => Date.now() };
