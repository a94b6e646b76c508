/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), which is what the generator
 * works in: integers compare and add cheaply, and no time zone can shift a date.
 */
import type { IsoDate } from './types.js';

/**
 * "No such day". Day numbers go negative before 1970 (birth dates, or a `today` in the past), so
 * -1 cannot mean "none"; the smallest Int32 can, and it also sorts before every real day.
 */
export const NO_DAY = -0x80000000;

/** Days from 1970-01-01 to the given civil date (Howard Hinnant's days_from_civil). */
export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function partsFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isoFromDay(dayNumber: number): IsoDate {
  const [y, m, d] = partsFromDay(dayNumber);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` string, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dayNumber = dayFromParts(y, m, d);
  // Round-tripping rejects 2026-02-30 and friends.
  return isoFromDay(dayNumber) === value ? dayNumber : null;
}

/** Day number of a date already known to be valid. */
export function dayFromIso(value: IsoDate): number {
  const dayNumber = parseIsoDate(value);
  if (dayNumber === null) throw new RangeError(`not a calendar date: ${value}`);
  return dayNumber;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekday(dayNumber: number): boolean {
  const w = weekday(dayNumber);
  return w !== 0 && w !== 6;
}

/** The same day, or the next Monday when it falls on a weekend. */
export function nextWeekday(dayNumber: number): number {
  const w = weekday(dayNumber);
  return w === 6 ? dayNumber + 2 : w === 0 ? dayNumber + 1 : dayNumber;
}

export function yearOf(dayNumber: number): number {
  return partsFromDay(dayNumber)[0];
}

export function startOfYear(year: number): number {
  return dayFromParts(year, 1, 1);
}

/**
 * Formats day numbers through a cache, so that the millions of dates a large company holds share
 * one string per calendar day instead of one per use. An array around `anchor` is several times
 * faster than a Map at this volume; days outside it are formatted without caching.
 */
export function createDateFormatter(anchor: number): (dayNumber: number) => IsoDate {
  const from = anchor - 30_000;
  const cache: (IsoDate | undefined)[] = new Array(31_500);
  return function formatDay(dayNumber) {
    const index = dayNumber - from;
    if (index < 0 || index >= cache.length) return isoFromDay(dayNumber);
    let iso = cache[index];
    if (iso === undefined) {
      iso = isoFromDay(dayNumber);
      cache[index] = iso;
    }
    return iso;
  };
}
