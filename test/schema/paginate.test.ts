import { describe, expect, test } from 'vitest';
import type { CursorPosition } from '../../src/schema/connection/cursor.js';
import type { PageWindow } from '../../src/schema/connection/page-window.js';
import {
  type ConnectionSlice,
  type PageFetch,
  paginate,
} from '../../src/schema/connection/paginate.js';

/** A provider list over `count` records: direction-bound tokens, at most `max` per page. */
function provider(count: number, max: number) {
  const items = Array.from({ length: count }, (_, i) => `r${i + 1}`);
  const calls: string[] = [];
  const fetch: PageFetch<string> = async ({ direction, native, limit }) => {
    calls.push(`${direction} ${native ?? '-'} ${limit}`);
    if (limit > max) throw new Error(`limit ${limit} above ${max}`);
    if (native !== null && native[0] !== direction[0]) throw new Error('BadPage: wrong direction');
    const at = native === null ? (direction === 'forward' ? 0 : count) : Number(native.slice(2));
    const [start, end] =
      direction === 'forward' ? [at, Math.min(at + limit, count)] : [Math.max(at - limit, 0), at];
    return {
      records: items.slice(start, end),
      next: end < count ? `f:${end}` : null,
      prev: start > 0 ? `b:${start}` : null,
      totalCount: count,
    };
  };
  return { items, calls, fetch };
}

const forward = (count: number, from: CursorPosition | null = null): PageWindow => ({
  direction: 'forward',
  count,
  from,
});
const backward = (count: number, from: CursorPosition | null = null): PageWindow => ({
  direction: 'backward',
  count,
  from,
});

describe('paginate: Relay edges over provider page tokens', () => {
  test('walking forward by endCursor visits every record once, in order', async () => {
    const { items, fetch } = provider(10, 3);
    const seen: string[] = [];
    let from: CursorPosition | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const slice: ConnectionSlice<string> = await paginate(fetch, forward(4, from), 3);
      seen.push(...slice.edges.map((e) => e.node));
      if (!slice.hasNextPage) break;
      from = slice.edges.at(-1)!.position;
    }
    expect(seen).toEqual(items);
  });

  test('edge i of a page fetched from token N gets {N, skip: i+1}; the last edge {next, 0}', async () => {
    const { fetch } = provider(10, 5);
    const slice = await paginate(fetch, forward(3), 5);
    expect(slice.edges.map((e) => e.position)).toEqual([
      { direction: 'forward', native: null, skip: 1 },
      { direction: 'forward', native: null, skip: 2 },
      { direction: 'forward', native: 'f:3', skip: 0 },
    ]);
  });

  test('resuming from {N, skip} asks for skip + first from N and drops skip records', async () => {
    const { fetch, calls } = provider(10, 5);
    const first = await paginate(fetch, forward(3), 5);
    calls.length = 0;
    const resumed = await paginate(fetch, forward(2, first.edges[0]!.position), 5);
    expect(calls).toEqual(['forward - 3']);
    expect(resumed.edges.map((e) => e.node)).toEqual(['r2', 'r3']);
  });

  test('every edge cursor resumes right after its edge', async () => {
    const { items, fetch } = provider(9, 4);
    const page = await paginate(fetch, forward(6), 4);
    for (const [i, edge] of page.edges.entries()) {
      const next = await paginate(fetch, forward(1, edge.position), 4);
      expect(next.edges.map((e) => e.node)).toEqual([items[i + 1]]);
    }
  });

  test('skip + first beyond the provider page size splits into provider pages, never above it', async () => {
    const { fetch, calls } = provider(20, 4);
    const slice = await paginate(
      fetch,
      forward(3, { direction: 'forward', native: null, skip: 2 }),
      4,
    );
    expect(slice.edges.map((e) => e.node)).toEqual(['r3', 'r4', 'r5']);
    expect(calls).toEqual(['forward - 4', 'forward f:4 1']);
  });

  test('hasNextPage is false on the last page; hasPreviousPage is true after a cursor', async () => {
    const { fetch } = provider(4, 10);
    const all = await paginate(fetch, forward(4), 10);
    expect(all).toMatchObject({ hasNextPage: false, hasPreviousPage: false, totalCount: 4 });
    const rest = await paginate(fetch, forward(10, all.edges[1]!.position), 10);
    expect(rest.edges.map((e) => e.node)).toEqual(['r3', 'r4']);
    expect(rest).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  test('last without before is the end of the list, in list order', async () => {
    const { fetch, calls } = provider(10, 3);
    const slice = await paginate(fetch, backward(2), 3);
    expect(slice.edges.map((e) => e.node)).toEqual(['r9', 'r10']);
    expect(slice).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(calls).toEqual(['backward - 2']);
  });

  test('walking backward by startCursor visits every record once', async () => {
    const { items, fetch } = provider(10, 3);
    const seen: string[] = [];
    let from: CursorPosition | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const slice: ConnectionSlice<string> = await paginate(fetch, backward(4, from), 3);
      seen.unshift(...slice.edges.map((e) => e.node));
      if (!slice.hasPreviousPage) break;
      from = slice.edges[0]!.position;
    }
    expect(seen).toEqual(items);
  });

  test('before with a forward cursor (the previous page) returns the records right before it', async () => {
    const { fetch } = provider(10, 3);
    const page1 = await paginate(fetch, forward(4), 3);
    const page2 = await paginate(fetch, forward(4, page1.edges.at(-1)!.position), 3);
    expect(page2.edges.map((e) => e.node)).toEqual(['r5', 'r6', 'r7', 'r8']);
    const back = await paginate(fetch, backward(4, page2.edges[0]!.position), 3);
    expect(back.edges.map((e) => e.node)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(back.hasPreviousPage).toBe(false);
    const mid = await paginate(fetch, backward(2, page2.edges[2]!.position), 3);
    expect(mid.edges.map((e) => e.node)).toEqual(['r5', 'r6']);
    expect(mid.hasPreviousPage).toBe(true);
  });

  test('after with a backward cursor returns the records right after it', async () => {
    const { fetch } = provider(10, 3);
    const tail = await paginate(fetch, backward(5), 3);
    expect(tail.edges.map((e) => e.node)).toEqual(['r6', 'r7', 'r8', 'r9', 'r10']);
    for (const [i, edge] of tail.edges.entries()) {
      const after = await paginate(fetch, forward(2, edge.position), 3);
      expect(after.edges.map((e) => e.node)).toEqual(['r7', 'r8', 'r9', 'r10'].slice(i, i + 2));
      expect(after.hasNextPage).toBe(i + 2 < 4);
    }
  });

  test('first: 0 returns no edges but still knows hasNextPage and totalCount', async () => {
    const { fetch } = provider(5, 3);
    expect(await paginate(fetch, forward(0), 3)).toMatchObject({
      edges: [],
      hasNextPage: true,
      totalCount: 5,
    });
  });

  test('an empty list has no edges and no pages either way', async () => {
    const { fetch } = provider(0, 3);
    expect(await paginate(fetch, forward(5), 3)).toEqual({
      edges: [],
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: 0,
    });
  });

  test('a provider that answers empty pages with a next token forever does not loop', async () => {
    let calls = 0;
    const endless: PageFetch<string> = async () => {
      calls++;
      return { records: [], next: 'f:0', prev: null, totalCount: null };
    };
    const slice = await paginate(endless, forward(2), 3);
    expect(slice.edges).toEqual([]);
    expect(calls).toBeLessThan(10);
  });
});
