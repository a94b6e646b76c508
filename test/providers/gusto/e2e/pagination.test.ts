/**
 * Relay connections over Gusto's numbered pages: walking a company forward and backward sees
 * every person exactly once, in order. Forward each page is one call. Backward, `last: N` first
 * reads page 1 for the total (X-Total-Count), and a window that straddles two Gusto pages of the
 * maximum size costs two calls: Gusto cannot start a page between its page boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gustoEmployeeUuid } from '../../../../src/sandbox/gusto/index.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';
import type { GraphQLResult } from '../../../support/hrgraph.js';

let even: GustoFixture;
let odd: GustoFixture;
beforeAll(async () => {
  [even, odd] = await Promise.all([
    startGusto({ company: { seed: 21, size: 2_100, customFieldCount: 0 } }),
    startGusto({ company: { seed: 22, size: 2_037, customFieldCount: 0 } }),
  ]);
});
afterAll(() => Promise.all([even.close(), odd.close()]));

interface Page {
  employees: {
    totalCount: number | null;
    nodes: { remoteId: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
  };
}

const forward = /* GraphQL */ `query ($first: Int!, $after: String) {
  employees(account: "gusto", first: $first, after: $after) {
    totalCount nodes { remoteId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const backward = /* GraphQL */ `query ($last: Int!, $before: String) {
  employees(account: "gusto", last: $last, before: $before) {
    totalCount nodes { remoteId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function walk(fixture: GustoFixture, direction: 'forward' | 'backward', size: number) {
  const seen: string[] = [];
  const calls: number[] = [];
  const totals: (number | null)[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const result: GraphQLResult<Page> = await fixture.query<Page>(
      direction === 'forward' ? forward : backward,
      direction === 'forward' ? { first: size, after: cursor } : { last: size, before: cursor },
    );
    expect(result.errors).toBeUndefined();
    const page: Page['employees'] = result.data!.employees;
    calls.push(result.upstream.calls);
    totals.push(page.totalCount);
    const ids = page.nodes.map((n) => n.remoteId);
    if (direction === 'forward') seen.push(...ids);
    else seen.unshift(...ids);
    const more =
      direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) break;
    expect(ids).toHaveLength(size);
    cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  return { seen, calls, totals };
}

const everyone = (fixture: GustoFixture) =>
  fixture.sandbox.company.people.map((p) => gustoEmployeeUuid(p.id));

describe('Gusto paging: every person exactly once, both directions', () => {
  it('forward, 100 a page over 2,100 people: one call a page', async () => {
    const { seen, calls } = await walk(even, 'forward', 100);
    expect(seen).toEqual(everyone(even));
    expect(calls).toEqual(Array(21).fill(1));
  });

  it('backward, 100 a page over 2,100 people: the total first, then one call a page', async () => {
    const { seen, calls } = await walk(even, 'backward', 100);
    expect(seen).toEqual(everyone(even));
    expect(calls).toEqual([2, ...Array(20).fill(1)]);
  });

  it('forward over 2,037 people: one call a page, the last one short', async () => {
    const { seen, calls } = await walk(odd, 'forward', 100);
    expect(seen).toEqual(everyone(odd));
    expect(calls).toEqual(Array(21).fill(1));
  });

  it('backward over 2,037 people: every window straddles two Gusto pages, so two calls each', async () => {
    odd.resetCounts();
    const { seen, calls } = await walk(odd, 'backward', 100);
    expect(seen).toEqual(everyone(odd));
    // 20 windows of 100 and one of 37; the first also reads page 1 for the total.
    expect(calls[0]).toBe(3);
    expect(calls.slice(1, 20)).toEqual(Array(19).fill(2));
    expect(calls.at(-1)).toBeLessThanOrEqual(2);
    expect(odd.apiCalls()).toBe(calls.reduce((a, b) => a + b, 0));
  });

  it('a 37-a-page walk (no divisor of 100) still sees everyone once, forward and backward', async () => {
    const there = await walk(even, 'forward', 37);
    expect(there.seen).toEqual(everyone(even));
    expect(Math.max(...there.calls)).toBeLessThanOrEqual(2);
    const back = await walk(even, 'backward', 37);
    expect(back.seen).toEqual(everyone(even));
  });

  it('a cursor that is not a Gusto page is BAD_USER_INPUT, never a provider call', async () => {
    even.resetCounts();
    const result = await even.query(forward, { first: 10, after: 'bm90IGEgY3Vyc29y.x' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(even.apiCalls()).toBe(0);
  });

  it('status and ids filter natively (terminated_today, uuids); LAST_NAME orders by sort_by=name', async () => {
    const { company } = even.sandbox;
    even.resetCounts();
    const inactive = await even.query<Page>(
      `{ employees(account: "gusto", first: 100, filter: { status: INACTIVE }) { totalCount nodes { remoteId } } }`,
    );
    const ended = company.people.filter(
      (p) =>
        company.currentStatus(p).status === 'Terminated' && p.terminationDate! <= company.today,
    );
    expect(inactive.data!.employees.totalCount).toBe(ended.length);
    const sorted = await even.query<Page>(
      `{ employees(account: "gusto", first: 5, orderBy: [{ field: LAST_NAME }]) { nodes { remoteId } } }`,
    );
    const byName = [...company.people].sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName, 'en') ||
        a.firstName.localeCompare(b.firstName, 'en') ||
        a.id - b.id,
    );
    expect(sorted.data!.employees.nodes.map((n) => n.remoteId)).toEqual(
      byName.slice(0, 5).map((p) => gustoEmployeeUuid(p.id)),
    );
    expect(even.apiCalls()).toBe(2);
    const desc = await even.query(
      `{ employees(account: "gusto", first: 5, orderBy: [{ field: LAST_NAME, direction: DESC }]) { nodes { remoteId } } }`,
    );
    expect(desc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(even.apiCalls()).toBe(2);
  });
});

describe('Gusto paging without X-Total-Count (issue 14: the official spec declares no response headers)', () => {
  let bare: GustoFixture;
  let bareOdd: GustoFixture;
  let pagesOnly: GustoFixture;
  beforeAll(async () => {
    [bare, bareOdd, pagesOnly] = await Promise.all([
      startGusto({
        company: { seed: 23, size: 1_000, customFieldCount: 0 },
        sandbox: { pagingHeaders: [] },
      }),
      startGusto({
        company: { seed: 24, size: 937, customFieldCount: 0 },
        sandbox: { pagingHeaders: [] },
      }),
      startGusto({
        company: { seed: 23, size: 1_000, customFieldCount: 0 },
        sandbox: { pagingHeaders: ['X-Total-Pages'] },
      }),
    ]);
  });
  afterAll(() => Promise.all([bare.close(), bareOdd.close(), pagesOnly.close()]));

  it('forward over 1,000 people: one call a page, totalCount null; a full last page may have more, and the empty page after it ends the walk', async () => {
    const { seen, calls, totals } = await walk(bare, 'forward', 100);
    expect(seen).toEqual(everyone(bare));
    expect(calls).toEqual(Array(11).fill(1));
    expect(new Set(totals)).toEqual(new Set([null]));
  });

  it('forward over 937 people: the short last page ends the walk, at no extra call', async () => {
    const { seen, calls } = await walk(bareOdd, 'forward', 100);
    expect(seen).toEqual(everyone(bareOdd));
    expect(calls).toEqual(Array(10).fill(1));
  });

  it('backward over 1,000 people: the end found by doubling then halving pages (2, 4, 8, 16, 12, 10, 11), then one call a page', async () => {
    const { seen, calls, totals } = await walk(bare, 'backward', 100);
    expect(seen).toEqual(everyone(bare));
    // Page 1 (full, so not everything), 7 pages to find the end, then the last 100.
    expect(calls).toEqual([1 + 7 + 1, ...Array(9).fill(1)]);
    expect(new Set(totals)).toEqual(new Set([null]));
  });

  it('backward over 937 and at 37 a page: everyone exactly once', async () => {
    expect((await walk(bareOdd, 'backward', 100)).seen).toEqual(everyone(bareOdd));
    expect((await walk(bareOdd, 'backward', 37)).seen).toEqual(everyone(bareOdd));
    expect((await walk(bareOdd, 'forward', 37)).seen).toEqual(everyone(bareOdd));
  });

  it('X-Total-Pages alone tells the end: no empty page after the full last one, totalCount still null', async () => {
    const { seen, calls, totals } = await walk(pagesOnly, 'forward', 100);
    expect(seen).toEqual(everyone(pagesOnly));
    expect(calls).toEqual(Array(10).fill(1));
    expect(new Set(totals)).toEqual(new Set([null]));
  });
});
