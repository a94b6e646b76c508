/**
 * Relay Cursor Connections over BambooHR's own paging, end to end: walking a 10,000-person
 * company forward and backward sees each person exactly once, in order, through both the native
 * cursor of GET /v1/employees (OAuth) and the employee dataset (API key); each page is one
 * provider call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResult, type HrGraphFixture, startHrGraph } from '../support/hrgraph.js';

let big: HrGraphFixture;
let small: HrGraphFixture;
beforeAll(async () => {
  [big, small] = await Promise.all([
    startHrGraph({ company: { size: 10_000, customFieldCount: 0, seed: 5 } }),
    startHrGraph({ company: { size: 500, customFieldCount: 0, seed: 6 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([big.close(), small.close()]);
});

interface Page {
  employees: {
    totalCount: number | null;
    edges: { cursor: string; node: { remoteId: string } }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const forward = /* GraphQL */ `
  query Forward($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      totalCount
      edges { cursor node { remoteId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;
const backward = /* GraphQL */ `
  query Backward($account: ID!, $last: Int!, $before: String) {
    employees(account: $account, last: $last, before: $before) {
      totalCount
      edges { cursor node { remoteId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

async function walk(
  hr: HrGraphFixture,
  account: string,
  size: number,
  direction: 'forward' | 'backward',
) {
  const seen: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let calls = 0;
  for (;;) {
    const result: GraphQLResult<Page> = await hr.query<Page>(
      direction === 'forward' ? forward : backward,
      direction === 'forward'
        ? { account, first: size, after: cursor }
        : { account, last: size, before: cursor },
    );
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo, totalCount } = result.data!.employees;
    expect(totalCount).toBe(hr.bamboo.sandbox.company.data.people.length);
    const ids = edges.map((e) => Number(e.node.remoteId));
    seen.push(...(direction === 'forward' ? ids : ids.reverse()));
    pages++;
    calls += result.upstream.calls;
    const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
    if (!more) break;
    cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
    expect(cursor).not.toBeNull();
  }
  return { seen, pages, calls };
}

function expectEveryoneOnce(seen: number[], people: number, direction: 'forward' | 'backward') {
  const expected = Array.from({ length: people }, (_, i) => i + 1);
  expect(seen).toEqual(direction === 'forward' ? expected : expected.reverse());
}

describe.each(['acme-oauth', 'acme'])('walking every employee (%s)', (account) => {
  it.each([
    [7, 'forward'],
    [7, 'backward'],
    [100, 'forward'],
    [100, 'backward'],
    [1000, 'forward'],
    [1000, 'backward'],
  ] as const)(
    '10,000 people at page size %i, %s: each exactly once, one call per page',
    async (size, direction) => {
      const { seen, pages, calls } = await walk(big, account, size, direction);
      expectEveryoneOnce(seen, 10_000, direction);
      expect(pages).toBe(Math.ceil(10_000 / size));
      expect(calls).toBe(pages);
    },
  );

  it.each(['forward', 'backward'] as const)('500 people at page size 1, %s', async (direction) => {
    const { seen, calls } = await walk(small, account, 1, direction);
    expectEveryoneOnce(seen, 500, direction);
    expect(calls).toBe(500);
  });
});

describe('Relay Cursor Connections §4.3: cursors from the middle of a page', () => {
  it('resuming after any edge continues right after it', async () => {
    const first = await big.query<Page>(forward, { account: 'acme-oauth', first: 10 });
    const edge = first.data!.employees.edges[3]!;
    const next = await big.query<Page>(forward, {
      account: 'acme-oauth',
      first: 5,
      after: edge.cursor,
    });
    expect(next.data!.employees.edges.map((e) => Number(e.node.remoteId))).toEqual([5, 6, 7, 8, 9]);
  });

  it('a cursor of one account is BAD_USER_INPUT on another', async () => {
    const first = await big.query<Page>(forward, { account: 'acme-oauth', first: 2 });
    const result = await big.query<Page>(forward, {
      account: 'acme',
      first: 2,
      after: first.data!.employees.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.upstream.calls).toBe(0);
  });
});
