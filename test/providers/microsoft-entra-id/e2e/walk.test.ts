/**
 * Issue 17: "a 2,000-person walk sees everyone once". List users pages follow the `$skiptoken`
 * of `@odata.nextLink` (Graph's paging guide: forward only, no `$skip`), `$top` up to 999; the
 * status filter is `accountEnabled eq`, and `last`/`before` is refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraUserId } from '../../../../src/sandbox/microsoft-entra-id/index.js';
import type { GraphQLResult } from '../../../support/hrgraph.js';
import { type EntraFixture, startEntra } from './fixture.js';

const SIZE = 2_000;
let entra: EntraFixture;
beforeAll(async () => {
  entra = await startEntra({ company: { size: SIZE, seed: 3, customFieldCount: 0 } });
});
afterAll(() => entra.close());

const list = /* GraphQL */ `
  query List($first: Int!, $after: String, $filter: EmployeeFilter) {
    employees(account: "entra", first: $first, after: $after, filter: $filter) {
      nodes { remoteId }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
interface ListData {
  employees: {
    nodes: { remoteId: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function walk(first: number, filter: Record<string, unknown> | null = null) {
  const seen: string[] = [];
  let after: string | null = null;
  let calls = 0;
  for (;;) {
    const result: GraphQLResult<ListData> = await entra.query<ListData>(list, {
      first,
      after,
      filter,
    });
    expect(result.errors).toBeUndefined();
    seen.push(...result.data!.employees.nodes.map((n) => n.remoteId));
    calls += result.upstream.entries.filter((e) => e.operation === 'entra.listUsers').length;
    if (!result.data!.employees.pageInfo.hasNextPage) break;
    after = result.data!.employees.pageInfo.endCursor;
  }
  return { seen, calls };
}

describe(`walking ${SIZE.toLocaleString('en')} users`, () => {
  it.each([100, 999])(
    'at first: %i sees everyone exactly once, one call per page',
    async (first) => {
      entra.resetCounts();
      const { seen, calls } = await walk(first);
      const everyone = entra.sandbox.company.people.map((p) =>
        entraUserId(entra.sandbox.company.domain, p.id),
      );
      expect(seen).toEqual(everyone);
      expect(new Set(seen).size).toBe(SIZE);
      expect(calls).toBe(Math.ceil(SIZE / first));
      expect(entra.served('/v1.0/users')).toBe(Math.ceil(SIZE / first));
      const requests = entra.sandbox.log.entries({ path: '/v1.0/users' }).slice(-calls);
      expect(requests[0]!.query.$skiptoken).toBeUndefined();
      expect(requests.slice(1).every((r) => typeof r.query.$skiptoken === 'string')).toBe(true);
      expect(requests.every((r) => r.query.$top === String(first))).toBe(true);
    },
  );

  it('status INACTIVE is accountEnabled eq false: exactly the disabled accounts', async () => {
    const { seen } = await walk(500, { status: 'INACTIVE' });
    const inactive = entra.sandbox.company.people
      .filter((p) => p.status === 'Inactive')
      .map((p) => entraUserId(entra.sandbox.company.domain, p.id));
    expect(inactive.length).toBeGreaterThan(0);
    expect(seen).toEqual(inactive);
    const request = entra.sandbox.log.entries({ path: '/v1.0/users' }).at(-1)!;
    expect(request.query.$filter).toBe('accountEnabled eq false');
  });

  it('first above 999 is refused by the schema or capped at 999 per call, never a 400 from Graph', async () => {
    entra.resetCounts();
    const result = await entra.query<ListData>(list, { first: 1000, after: null, filter: null });
    const top = entra.sandbox.log.entries({ path: '/v1.0/users' }).at(-1)?.query.$top;
    if (result.errors) expect(result.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
    else expect(Number(top)).toBeLessThanOrEqual(999);
  });

  it('last/before on the forward-only list is BAD_USER_INPUT, with no call', async () => {
    entra.resetCounts();
    const result = await entra.query(
      /* GraphQL */ `{ employees(account: "entra", last: 5) { nodes { remoteId } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(entra.served()).toBe(0);
  });
});
