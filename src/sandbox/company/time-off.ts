/**
 * Each person's time-off requests from the start of last year to a quarter after
 * `today`: past requests are mostly approved, future ones mostly approved or still requested.
 * Requests never overlap and cover weekdays only.
 */
import { isWeekday, NO_DAY, nextWeekday, startOfYear, yearOf } from './dates.js';
import type { Rng } from './random.js';
import { POLICIES, POLICY_WEIGHTS } from './time-off-types.js';
import type { IsoDate, TimeOffRequest, TimeOffStatus } from './types.js';

const DENIAL_NOTES = ['Team coverage is thin that week', 'Release week, please pick other dates'];

export interface RequestContext {
  readonly personId: number;
  readonly hireDay: number;
  /** Last day employed, or NO_DAY while still employed. */
  readonly terminationDay: number;
  readonly todayDay: number;
  readonly hoursPerDay: number;
  /** Takes the id for the next request; ids rise across the whole company. */
  readonly nextId: () => number;
  readonly formatDay: (day: number) => IsoDate;
  readonly spans: SpanCache;
}

export interface Span {
  readonly dates: Readonly<Record<IsoDate, number>>;
  /** Day number of the last weekday. */
  readonly end: number;
}

/** The `dates` map of `length` weekdays from `start`, each worth `amount`. */
export type SpanCache = (start: number, length: number, amount: number) => Span;

/**
 * Many requests cover the same weekdays at the same daily amount, so they share one frozen
 * `dates` object: at 100,000 people this saves hundreds of megabytes and most of the time.
 */
export function createSpanCache(formatDay: (day: number) => IsoDate): SpanCache {
  const spans = new Map<number, Span>();
  return function span(start, length, amount) {
    // Lengths and amounts stay below 16, so this packs the three into one small number.
    const key = (start * 16 + length) * 16 + amount;
    let found = spans.get(key);
    if (found === undefined) {
      const dates: Record<IsoDate, number> = {};
      let end = start;
      for (let day = start, taken = 0; taken < length; day++) {
        if (!isWeekday(day)) continue;
        dates[formatDay(day)] = amount;
        end = day;
        taken++;
      }
      found = { dates: Object.freeze(dates), end };
      spans.set(key, found);
    }
    return found;
  };
}

function statusFor(rng: Rng, start: number, end: number, today: number): TimeOffStatus {
  const roll = rng.next();
  if (end < today) {
    return roll < 0.82
      ? 'approved'
      : roll < 0.87
        ? 'denied'
        : roll < 0.94
          ? 'canceled'
          : 'superceded';
  }
  if (start > today) {
    return roll < 0.47
      ? 'approved'
      : roll < 0.92
        ? 'requested'
        : roll < 0.96
          ? 'canceled'
          : 'denied';
  }
  return 'approved';
}

/** The requests, and the latest day any of them changed (or NO_DAY), for `lastChanged`. */
export function buildRequests(rng: Rng, ctx: RequestContext): [TimeOffRequest[], number] {
  const { todayDay: today, formatDay } = ctx;
  const from = Math.max(ctx.hireDay + 7, startOfYear(yearOf(today) - 1));
  const until =
    ctx.terminationDay !== NO_DAY ? Math.min(ctx.terminationDay, today + 90) : today + 90;
  const requests: TimeOffRequest[] = [];
  let lastChange = NO_DAY;
  let cursor = from + rng.int(0, 60);
  while (cursor < until) {
    const pattern = POLICIES[rng.weighted(POLICY_WEIGHTS)] as (typeof POLICIES)[number];
    const type = pattern.type;
    const length = rng.int(pattern.minDays, pattern.maxDays);
    const start = nextWeekday(cursor);
    const amount = type.units === 'hours' ? ctx.hoursPerDay : 1;
    const { dates, end } = ctx.spans(start, length, amount);
    cursor = end + rng.int(14, 120);
    if (end > until) break;
    const created = Math.max(
      ctx.hireDay,
      pattern.planned ? start - rng.int(5, 45) : Math.min(today, start + rng.int(0, 2)),
    );
    // A request dated after `today` has not been made yet.
    if (created > today) continue;
    const status = statusFor(rng, start, end, today);
    const statusChanged =
      status === 'requested' ? created : Math.min(today, created + rng.int(0, 3));
    lastChange = Math.max(lastChange, statusChanged);
    requests.push({
      id: ctx.nextId(),
      personId: ctx.personId,
      typeId: type.id,
      start: formatDay(start),
      end: formatDay(end),
      created: formatDay(created),
      status,
      statusChanged: formatDay(statusChanged),
      dates,
      employeeNote: rng.chance(0.3) ? rng.pick(pattern.notes) : null,
      managerNote: status === 'denied' ? rng.pick(DENIAL_NOTES) : null,
    });
  }
  return [requests, lastChange];
}
