/**
 * Issue 17: "a 2,000-person walk sees everyone once". `POST /people/search` has no paging, so each
 * page is one search that returns everyone (narrowed to the page's fields) and hrgraph cuts the
 * page from it: a walk at page size P costs ⌈N / P⌉ searches in either direction, each carrying
 * all N records. The test counts both from the sandbox's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hibobEmployeeId } from '../../../../src/sandbox/hibob/index.js';
import type { GraphQLResult } from '../../../support/hrgraph.js';
import { type HibobFixture, startHibob } from '../fixture.js';

const SIZE = 2000;
let bob: HibobFixture;
beforeAll(async () => {
  bob = await startHibob({ company: { seed: 5, size: SIZE, customFieldCount: 0 } });
});
afterAll(() => bob.close());

interface Page {
  employees: {
    totalCount: number;
    nodes: { remoteId: string; workEmail: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
  };
}

async function walk(direction: 'forward' | 'backward', size: number) {
  bob.resetCounts();
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages <= Math.ceil(SIZE / size); pages++) {
    const result: GraphQLResult<Page> = await bob.query<Page>(
      /* GraphQL */ `query ($first: Int, $after: String, $last: Int, $before: String) {
        employees(account: "hibob", first: $first, after: $after, last: $last, before: $before) {
          totalCount nodes { remoteId workEmail }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }`,
      direction === 'forward' ? { first: size, after: cursor } : { last: size, before: cursor },
    );
    expect(result.errors).toBeUndefined();
    const { nodes, pageInfo, totalCount } = result.data!.employees;
    expect(totalCount).toBe(SIZE);
    seen.push(...nodes.map((n) => n.remoteId));
    if (!(direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage)) break;
    cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
  }
  return seen;
}

describe('HiBob: walking 2,000 people', () => {
  const everyone = () => bob.sandbox.company.people.map((p) => hibobEmployeeId(p.id));

  it.each([
    ['forward', 300],
    ['backward', 300],
    ['forward', 1000],
  ] as const)(
    '%s at page size %i: everyone exactly once, one search a page',
    async (direction, size) => {
      const seen = await walk(direction, size);
      expect(seen).toHaveLength(SIZE);
      expect(new Set(seen).size).toBe(SIZE);
      expect([...seen].sort()).toEqual(everyone().sort());
      const calls = bob.calls();
      expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(
        Array(Math.ceil(SIZE / size)).fill('POST /v1/people/search'),
      );
      // Each search is narrowed to what the page shows (its reply still holds all 2,000 people).
      for (const call of calls) expect(call.fieldsAsked).toEqual(['root.id', 'root.email']);
    },
  );
});
