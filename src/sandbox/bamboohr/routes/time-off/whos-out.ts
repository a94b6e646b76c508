/**
 * GET /v1/time_off/whos_out (spec list-whos-out): approved time off and company holidays that
 * overlap [start, end], sorted by date. The window defaults to the company's `today` through 14
 * days later — the synthetic company's today, not the wall clock or the sandbox clock, so the
 * answer is the same on every run and matches the time off the generator laid around that day.
 */
import type { SyntheticCompany } from '../../../company/types.js';
import { addDays, isIsoDate } from '../changed/since.js';
import { displayName } from './requests.js';

export interface WhosOutEntry {
  id: number;
  type: 'timeOff' | 'holiday';
  employeeId?: number;
  name: string;
  start: string;
  end: string;
}

export type WhosOutResult =
  | { readonly ok: true; readonly entries: WhosOutEntry[] }
  | { readonly ok: false; readonly message: string };

/** Fixed-date holidays; the synthetic company has no holiday calendar of its own. */
const HOLIDAYS: ReadonlyArray<{ readonly monthDay: string; readonly name: string }> = [
  { monthDay: '01-01', name: "New Year's Day" },
  { monthDay: '07-04', name: 'Independence Day' },
  { monthDay: '12-25', name: 'Christmas Day' },
];

function holidaysBetween(start: string, end: string): WhosOutEntry[] {
  const entries: WhosOutEntry[] = [];
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    HOLIDAYS.forEach(function addHoliday(holiday, index) {
      const date = `${year}-${holiday.monthDay}`;
      if (date < start || date > end) return;
      entries.push({
        id: year * 10 + index + 1,
        type: 'holiday',
        name: holiday.name,
        start: date,
        end: date,
      });
    });
  }
  return entries;
}

export function whosOut(
  company: SyntheticCompany,
  startParam: string | undefined,
  endParam: string | undefined,
): WhosOutResult {
  if (startParam !== undefined && !isIsoDate(startParam)) {
    return { ok: false, message: 'start must be a date in YYYY-MM-DD format' };
  }
  if (endParam !== undefined && !isIsoDate(endParam)) {
    return { ok: false, message: 'end must be a date in YYYY-MM-DD format' };
  }
  const start = startParam ?? company.today;
  const end = endParam ?? addDays(start, 14);
  const entries = holidaysBetween(start, end);
  for (const person of company.people) {
    for (const request of person.timeOffRequests) {
      if (request.status !== 'approved' || request.end < start || request.start > end) continue;
      entries.push({
        id: request.id,
        type: 'timeOff',
        employeeId: person.id,
        name: displayName(person),
        start: request.start,
        end: request.end,
      });
    }
  }
  return { ok: true, entries: entries.sort(byDate) };
}

function byDate(a: WhosOutEntry, b: WhosOutEntry): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.type !== b.type) return a.type === 'holiday' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}
