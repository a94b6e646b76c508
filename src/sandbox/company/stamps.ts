/** Record timestamps: when the HR system first held a person, and when anything last changed. */
import { startOfYear, yearOf } from './dates.js';
import type { Rng } from './random.js';
import { flat } from './strings.js';
import type { IsoDate, IsoDateTime } from './types.js';

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * People hired before the company adopted its HR system were all imported then, which is why
 * older records share a `created` date, as they do in real accounts.
 */
export function recordStamps(
  rng: Rng,
  formatDay: (day: number) => IsoDate,
  hireDay: number,
  lastEventDay: number,
  todayDay: number,
): [IsoDateTime, IsoDateTime] {
  const adoption = startOfYear(yearOf(todayDay) - 12) + 59;
  const createdDay = Math.min(todayDay, Math.max(adoption, hireDay - rng.int(3, 30)));
  const createdSeconds = rng.int(8 * 3600, 18 * 3600);
  const changedDay = Math.min(todayDay, Math.max(createdDay, lastEventDay) + rng.int(0, 30));
  const changedSeconds =
    changedDay === createdDay ? rng.int(createdSeconds, 86_399) : rng.int(0, 86_399);
  return [
    flat(`${formatDay(createdDay)}T${clock(createdSeconds)}+00:00`),
    flat(`${formatDay(changedDay)}T${clock(changedSeconds)}+00:00`),
  ];
}
