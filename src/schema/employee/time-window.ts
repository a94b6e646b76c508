/**
 * The dates of `Employee.timeOff` (a window, the current month unless the client says otherwise)
 * and `Employee.timeOffBalances` (a day). The Date scalar accepts years 0000 to 9999; HR records
 * live in a far narrower span, and a date outside it is a mistake to name, not a provider call.
 */

import type { DateWindow } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';

/** The span a date argument may fall in, inclusive. */
export const dateRange = { earliest: '1900-01-01', latest: '2100-12-31' } as const;

function checkInRange(date: Date, argument: string): Date {
  const day = isoDate(date);
  if (day < dateRange.earliest || day > dateRange.latest) {
    throw badInput(
      `\`${argument}\` must be between ${dateRange.earliest} and ${dateRange.latest}.`,
      { argument, min: dateRange.earliest, max: dateRange.latest },
    );
  }
  return date;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function firstOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

function lastOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
}

/**
 * Neither bound: the month of `now` (UTC). One bound: the rest of that bound's month. A window
 * ending before it starts is a BAD_USER_INPUT.
 */
export function timeOffWindow(
  start: Date | null | undefined,
  end: Date | null | undefined,
  now: Date,
): DateWindow {
  if (start) checkInRange(start, 'start');
  if (end) checkInRange(end, 'end');
  const from = start ?? firstOfMonth(end ?? now);
  const to = end ?? lastOfMonth(start ?? now);
  if (from.getTime() > to.getTime()) {
    throw badInput('`start` must not be after `end`.', { argument: 'start' });
  }
  return { start: isoDate(from), end: isoDate(to) };
}

/** The day of `Employee.timeOffBalances(asOf:)`, or null for "today" (the provider's). */
export function balanceDate(asOf: Date | null | undefined): string | null {
  return asOf ? isoDate(checkInRange(asOf, 'asOf')) : null;
}
