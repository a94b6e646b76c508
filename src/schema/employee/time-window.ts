/** The date window of `Employee.timeOff`: the current month unless the client says otherwise. */
import { badInput } from '../../errors.js';
import type { DateWindow } from '../../providers/provider.js';

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
  const from = start ?? firstOfMonth(end ?? now);
  const to = end ?? lastOfMonth(start ?? now);
  if (from.getTime() > to.getTime()) {
    throw badInput('`start` must not be after `end`.', { argument: 'start' });
  }
  return { start: isoDate(from), end: isoDate(to) };
}
