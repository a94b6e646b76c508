/**
 * Pages over a list already in memory (groups, locations, direct reports) with the same token
 * protocol a provider uses, so one paginator and one cursor format serve every connection. The
 * token is the offset of a boundary between records.
 */
import type { NativePage } from '../../core/contract/index.js';
import type { PageFetch } from './paginate.js';

function boundary(native: string | null, fallback: number, length: number): number {
  if (native === null) return fallback;
  const offset = Number(native);
  // The list may have shrunk since the cursor was issued: clamp rather than fail.
  return Number.isSafeInteger(offset) ? Math.min(Math.max(offset, 0), length) : fallback;
}

export function arrayPages<T>(items: readonly T[]): PageFetch<T> {
  return async function fetchArrayPage({ direction, native, limit }): Promise<NativePage<T>> {
    const length = items.length;
    const [start, end] =
      direction === 'forward'
        ? ((s) => [s, Math.min(s + limit, length)])(boundary(native, 0, length))
        : ((e) => [Math.max(e - limit, 0), e])(boundary(native, length, length));
    return {
      records: items.slice(start, end),
      next: end < length ? String(end) : null,
      prev: start > 0 ? String(start) : null,
      totalCount: length,
    };
  };
}
