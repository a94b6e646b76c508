/**
 * List Employees cursors: opaque base64 JSON naming the boundary employee, the direction it may
 * be used in and a fingerprint of the filters and sort, so a cursor from another query, used the
 * wrong way round, or tampered with is a `BadPage` (reference §2.1), never a 500.
 */
import { createHash } from 'node:crypto';
import type { ListQuery } from './employee-list-query.js';

export type Direction = 'after' | 'before';

interface CursorBody {
  /** 'a' for page[after], 'b' for page[before]. */
  d: 'a' | 'b';
  /** Boundary employee id. */
  e: number;
  /** Query fingerprint. */
  q: string;
}

/** Stable across requests: limit and fields may change between pages, filters and sort may not. */
export function queryFingerprint(query: Pick<ListQuery, 'filters' | 'sort'>): string {
  const { filters } = query;
  const normal = {
    f: filters.firstName?.toLowerCase() ?? null,
    l: filters.lastName?.toLowerCase() ?? null,
    j: filters.jobTitleName?.toLowerCase() ?? null,
    s: filters.status ?? null,
    i: filters.ids ? [...new Set(filters.ids)].sort((a, b) => a - b) : null,
    o: query.sort.map(({ key, desc }) => `${desc ? '-' : ''}${key}`),
  };
  return createHash('sha1').update(JSON.stringify(normal)).digest('base64url').slice(0, 16);
}

export function encodeCursor(
  direction: Direction,
  employeeId: number,
  fingerprint: string,
): string {
  const body: CursorBody = { d: direction === 'after' ? 'a' : 'b', e: employeeId, q: fingerprint };
  return Buffer.from(JSON.stringify(body)).toString('base64');
}

/** The boundary employee id, or a reason the cursor is unusable here. */
export function decodeCursor(
  cursor: string,
  direction: Direction,
  fingerprint: string,
): { employeeId: number } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    return { error: 'Malformed page cursor' };
  }
  if (!isCursorBody(body)) return { error: 'Malformed page cursor' };
  if (body.d !== (direction === 'after' ? 'a' : 'b'))
    return { error: `This cursor cannot be used with page[${direction}]` };
  if (body.q !== fingerprint) return { error: 'The cursor belongs to a different query' };
  return { employeeId: body.e };
}

function isCursorBody(value: unknown): value is CursorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    (body.d === 'a' || body.d === 'b') && Number.isInteger(body.e) && typeof body.q === 'string'
  );
}
