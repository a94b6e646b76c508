/**
 * Turns a provider's page-token pagination into Relay edges with a resumable cursor each.
 *
 * A page fetched in one direction from token N gives its k-th record (counted in that direction)
 * the position {N, skip: k+1}. Resuming from {N, skip} asks the provider for `skip + count`
 * records from N and drops the first `skip`, splitting into more provider pages only when that
 * exceeds the provider's page size. When the last edge is the last record of its provider page
 * and the provider returned a continuation token, the edge gets {continuation, skip: 0} instead,
 * so the next request is a plain page fetch.
 *
 * Provider tokens are direction-bound (BambooHR answers BadPage to a cursor used the other way),
 * so a cursor used against its direction (`before` with a forward cursor, the "previous page"
 * case) re-reads the records between the token and the edge, then continues with the opposite
 * token of that page.
 */
import type { NativePage, NativePageRequest } from '../../core/contract/index.js';
import type { CursorPosition, PageDirection } from './cursor.js';
import type { PageWindow } from './page-window.js';

export type PageFetch<T> = (request: NativePageRequest) => Promise<NativePage<T>>;

export interface PagedEdge<T> {
  readonly node: T;
  readonly position: CursorPosition;
}

export interface ConnectionSlice<T> {
  /** In list order, whatever the direction of paging. */
  readonly edges: readonly PagedEdge<T>[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number | null;
}

interface Walk<T> {
  /** In walking order. */
  readonly items: PagedEdge<T>[];
  /** Whether records exist beyond the last item in walking order. */
  readonly more: boolean;
}

function opposite(direction: PageDirection): PageDirection {
  return direction === 'forward' ? 'backward' : 'forward';
}

/** The page's records in walking order, and its tokens ahead of and behind it. */
function orient<T>(page: NativePage<T>, direction: PageDirection) {
  return direction === 'forward'
    ? { records: page.records, ahead: page.next, behind: page.prev }
    : { records: [...page.records].reverse(), ahead: page.prev, behind: page.next };
}

async function walk<T>(
  fetch: PageFetch<T>,
  direction: PageDirection,
  start: { native: string | null; skip: number },
  count: number,
  maxPageSize: number,
): Promise<Walk<T>> {
  const items: PagedEdge<T>[] = [];
  let { native, skip } = start;
  // A provider that keeps answering empty pages with a next token must not loop forever.
  let budget = Math.ceil((skip + count) / maxPageSize) + 3;
  while (budget-- > 0) {
    const limit = Math.max(1, Math.min(skip + count - items.length, maxPageSize));
    const { records, ahead } = orient(await fetch({ direction, native, limit }), direction);
    let k = skip;
    for (; k < records.length && items.length < count; k++) {
      items.push({ node: records[k] as T, position: { direction, native, skip: k + 1 } });
    }
    if (items.length === count) {
      const restOfPage = k < records.length;
      if (!restOfPage && ahead !== null && count > 0) {
        const last = items[items.length - 1] as PagedEdge<T>;
        items[items.length - 1] = {
          node: last.node,
          position: { direction, native: ahead, skip: 0 },
        };
      }
      return { items, more: restOfPage || ahead !== null };
    }
    if (ahead === null) return { items, more: false };
    skip = Math.max(0, skip - records.length);
    native = ahead;
  }
  return { items, more: true };
}

/** Walks away from `from` in the direction opposite to the one its page was fetched in. */
async function walkAgainst<T>(
  fetch: PageFetch<T>,
  from: CursorPosition,
  count: number,
  maxPageSize: number,
): Promise<Walk<T>> {
  const direction = opposite(from.direction);
  const page = await fetch({
    direction: from.direction,
    native: from.native,
    limit: Math.max(from.skip - 1, 1),
  });
  const { records, behind } = orient(page, from.direction);
  if (from.skip === 0) {
    // The edge is the record just behind `native`; walking back from this page's start meets
    // the edge first, so skip it.
    if (records.length === 0 || behind === null) return { items: [], more: false };
    return walk(fetch, direction, { native: behind, skip: 1 }, count, maxPageSize);
  }
  const between = records.slice(0, from.skip - 1).map(
    (node, k): PagedEdge<T> => ({
      node,
      position: { direction: from.direction, native: from.native, skip: k + 1 },
    }),
  );
  const items = between.reverse().slice(0, count);
  if (items.length === count) return { items, more: between.length > count || behind !== null };
  if (behind === null) return { items, more: false };
  const rest = await walk(
    fetch,
    direction,
    { native: behind, skip: 0 },
    count - items.length,
    maxPageSize,
  );
  return { items: [...items, ...rest.items], more: rest.more };
}

export async function paginate<T>(
  fetch: PageFetch<T>,
  window: PageWindow,
  maxPageSize: number,
): Promise<ConnectionSlice<T>> {
  let totalCount: number | null = null;
  const counted: PageFetch<T> = async function countedFetch(request) {
    const page = await fetch(request);
    totalCount ??= page.totalCount;
    return page;
  };
  const { direction, from } = window;
  // `first: 0` still answers hasNextPage and totalCount: probe one record.
  const count = Math.max(window.count, 1);
  const result =
    from === null || from.direction === direction
      ? await walk(counted, direction, from ?? { native: null, skip: 0 }, count, maxPageSize)
      : await walkAgainst(counted, from, count, maxPageSize);
  const items = window.count === 0 ? [] : result.items;
  const more = window.count === 0 ? result.items.length > 0 : result.more;
  return {
    edges: direction === 'forward' ? items : [...items].reverse(),
    hasNextPage: direction === 'forward' ? more : from !== null,
    hasPreviousPage: direction === 'backward' ? more : from !== null,
    totalCount,
  };
}
