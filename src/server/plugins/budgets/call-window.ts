/**
 * Provider calls made in the last minute, per holder of a budget (a token, an account): a
 * sliding window of timestamped counts, in memory, one per server. Under `serve --workers N`
 * each worker keeps its own, so a per-minute budget holds per worker.
 */

export interface CallWindow {
  /** Calls counted for `key` within the window, as of now. */
  spent(key: string): number;
  add(key: string, calls: number): void;
  /** Seconds until `calls` more fit under `limit` (0 when they already do). */
  waitFor(key: string, calls: number, limit: number): number;
}

export interface CallWindowOptions {
  /** @default 60000 */
  readonly windowMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export function createCallWindow(options: CallWindowOptions = {}): CallWindow {
  const { windowMs = 60_000, now = Date.now } = options;
  const entries = new Map<string, { at: number; calls: number }[]>();

  function live(key: string) {
    const since = now() - windowMs;
    const kept = (entries.get(key) ?? []).filter((entry) => entry.at > since);
    // A holder with nothing in the window takes no memory.
    if (kept.length === 0) entries.delete(key);
    else entries.set(key, kept);
    return kept;
  }

  return {
    spent: (key) => live(key).reduce((sum, entry) => sum + entry.calls, 0),
    add(key, calls) {
      if (calls <= 0) return;
      entries.set(key, [...live(key), { at: now(), calls }]);
    },
    waitFor(key, calls, limit) {
      let over = live(key).reduce((sum, entry) => sum + entry.calls, 0) + calls - limit;
      if (over <= 0) return 0;
      for (const entry of live(key)) {
        over -= entry.calls;
        if (over <= 0) return Math.max(1, Math.ceil((entry.at + windowMs - now()) / 1000));
      }
      return Math.ceil(windowMs / 1000);
    },
  };
}
