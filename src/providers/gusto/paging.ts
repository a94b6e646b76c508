/**
 * Gusto pages by number (`page`, `per`; totals in `X-Total-*` headers only when it sends them).
 * hrgraph's native cursor for Gusto names a boundary between records as `{page}:{per}`: the
 * start of page `page` at page size `per`, i.e. offset (page − 1) × per. The page after page k is
 * `{k+1}:{per}` and the page before it ends at `{k}:{per}`, so both directions walk by number.
 *
 * The connection layer may ask for a window that does not start on a page boundary (after an edge
 * in the middle of a page, or `last: N` when N does not divide the total). Such a window is read
 * in one call when some page size up to the maximum holds it in one page (and trimmed); when none
 * does, the call returns the part up to the next page boundary and the connection layer asks for
 * the rest, so a walk falls back onto aligned pages after at most one extra call.
 */
import { badInput } from '../../core/errors.js';

export interface PageCall {
  readonly page: number;
  readonly per: number;
}

/** A range of offsets [start, end) and the one call that reads it (plus what to drop). */
export interface PlannedRange {
  readonly call: PageCall;
  /** Offset of the call's first record. */
  readonly callStart: number;
  readonly start: number;
  readonly end: number;
}

export function encodeBoundary(offset: number, per: number): string {
  return offset % per === 0 ? `${offset / per + 1}:${per}` : `${offset + 1}:1`;
}

/** A boundary's offset; BAD_USER_INPUT for anything hrgraph did not issue. */
export function decodeBoundary(native: string, maxPer: number): number {
  const match = /^(\d{1,9}):(\d{1,4})$/.exec(native);
  const page = match ? Number(match[1]) : 0;
  const per = match ? Number(match[2]) : 0;
  if (page < 1 || per < 1 || per > maxPer) {
    throw badInput('The cursor does not name a Gusto page.', { argument: 'cursor' });
  }
  return (page - 1) * per;
}

/**
 * The call that reads [start, end) in one page: the smallest page size from end − start up to
 * `maxPer` whose page holding `start` also holds `end − 1`. Null when no page size does.
 */
export function planRange(start: number, end: number, maxPer: number): PlannedRange | null {
  const length = end - start;
  if (length <= 0 || length > maxPer) return null;
  for (let per = length; per <= maxPer; per++) {
    const index = Math.floor(start / per);
    if (Math.floor((end - 1) / per) === index) {
      return { call: { page: index + 1, per }, callStart: index * per, start, end };
    }
  }
  return null;
}

/**
 * What to read for `limit` records forward from `start`: the window if one call holds it, else
 * the rest of the page of size `limit` that holds `start`.
 */
export function planForward(start: number, limit: number, maxPer: number): PlannedRange {
  const per = Math.min(limit, maxPer);
  const whole = planRange(start, start + per, maxPer);
  if (whole) return whole;
  const index = Math.floor(start / per);
  return { call: { page: index + 1, per }, callStart: index * per, start, end: (index + 1) * per };
}

/**
 * What to read for `limit` records backward from `end` (exclusive): the window if one call
 * holds it, else the part of the window in the page of size `limit` that holds `end − 1`.
 */
export function planBackward(end: number, limit: number, maxPer: number): PlannedRange | null {
  if (end <= 0) return null;
  const per = Math.min(limit, maxPer);
  const start = Math.max(0, end - per);
  const whole = planRange(start, end, maxPer);
  if (whole) return whole;
  const index = Math.floor((end - 1) / per);
  return { call: { page: index + 1, per }, callStart: index * per, start: index * per, end };
}
