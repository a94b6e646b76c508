/**
 * Okta paging end to end (reference §6 "User list"): listUsers pages follow the `after` of the
 * `Link: rel="next"` header, forward only; a plain list leaves DEPROVISIONED users out while a
 * filter or search includes them; hrgraph's filters become Okta's own `filter`/`search`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oktaUserId, oktaUserStatus } from '../../../../src/sandbox/okta/index.js';
import type { GraphQLResult } from '../../../support/hrgraph.js';
import { type OktaFixture, startOkta } from '../../../support/okta.js';
import { peopleWhere } from './expected.js';

let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({ company: { size: 2100, seed: 3, customFieldCount: 0 } });
});
afterAll(() => okta.close());

const list = /* GraphQL */ `
  query List($first: Int!, $after: String, $filter: EmployeeFilter) {
    employees(account: "okta", first: $first, after: $after, filter: $filter) {
      edges { node { id remoteId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
interface ListData {
  employees: {
    edges: { node: { id: string; remoteId: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function walk(filter: Record<string, unknown> | null, first = 200) {
  const seen: string[] = [];
  let after: string | null = null;
  let calls = 0;
  let pages = 0;
  for (;;) {
    const result: GraphQLResult<ListData> = await okta.query<ListData>(list, {
      first,
      after,
      filter,
    });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!.employees;
    seen.push(...edges.map((e) => e.node.remoteId));
    calls += result.upstream.calls;
    pages++;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  return { seen, calls, pages };
}

const deprovisioned = () =>
  peopleWhere(
    okta.sandbox.company,
    (p) => oktaUserStatus(okta.sandbox.company, p) === 'DEPROVISIONED',
  );

describe('walking 2,100 users at first: 200', () => {
  it('sees every user exactly once, in id order, one call per page, each after taken from the Link header', async () => {
    okta.resetCounts();
    const { seen, calls } = await walk(null);
    const everyone = okta.sandbox.company.people.map((p) => oktaUserId(p.id));
    expect(seen).toEqual(everyone);
    expect(deprovisioned().length).toBeGreaterThan(0);
    expect(calls).toBe(Math.ceil(2100 / 200));
    const requests = okta.sandbox.log.entries({ path: '/api/v1/users' }).slice(-calls);
    requests.forEach((request, k) => {
      // Unfiltered means everyone: a filter, because the plain list leaves DEPROVISIONED out.
      expect(request.query.filter).toBe('lastUpdated gt "1970-01-01T00:00:00.000Z"');
      expect(request.query.limit).toBe('200');
      // The sandbox's next link carries the last id of the page before.
      expect(request.query.after).toBe(k === 0 ? undefined : seen[k * 200 - 1]);
    });
  });

  it('status ACTIVE is the plain list: DEPROVISIONED users left out, no filter sent', async () => {
    okta.resetCounts();
    const { seen, calls } = await walk({ status: 'ACTIVE' });
    const gone = new Set(deprovisioned());
    expect(seen).toEqual(
      okta.sandbox.company.people.map((p) => oktaUserId(p.id)).filter((id) => !gone.has(id)),
    );
    expect(calls).toBe(Math.ceil(seen.length / 200));
    for (const request of okta.sandbox.log.entries({ path: '/api/v1/users' }).slice(-calls)) {
      expect(request.query.filter).toBeUndefined();
      expect(request.query.search).toBeUndefined();
    }
  });

  it('status INACTIVE is exactly the DEPROVISIONED users, through filter', async () => {
    const { seen, calls } = await walk({ status: 'INACTIVE' });
    expect(seen).toEqual(deprovisioned());
    expect(calls).toBe(Math.max(1, Math.ceil(seen.length / 200)));
  });

  it('`last` and `before` are refused by name, with no call', async () => {
    const result = await okta.query(
      /* GraphQL */ `{ employees(account: "okta", last: 5) { nodes { remoteId } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/last|forward/i);
    expect(result.upstream.calls).toBe(0);
  });
});

describe('filters go to Okta natively', () => {
  it('firstName: a case-insensitive substring, through search co', async () => {
    const company = okta.sandbox.company;
    const needle = company.people[10]!.firstName.slice(1, 4).toUpperCase();
    const { seen } = await walk({ firstName: needle });
    expect(seen).toEqual(
      peopleWhere(company, (p) => p.firstName.toLowerCase().includes(needle.toLowerCase())),
    );
    const last = okta.sandbox.log.entries({ path: '/api/v1/users' }).at(-1)!;
    expect(last.query.search).toBe(`profile.firstName co ${JSON.stringify(needle)}`);
  });

  it('departments: the group ids become profile.department eq its name', async () => {
    const company = okta.sandbox.company;
    const department = company.departments[2]!;
    const group = okta.sandbox.directory.groups.all.find((g) => g.name === department.name)!;
    const probe = await okta.query<{
      employees: { nodes: { department: { id: string; remoteId: string } }[] };
    }>(
      /* GraphQL */ `{ employees(account: "okta", first: 200) { nodes { department { id remoteId } } } }`,
    );
    const groupId = probe.data!.employees.nodes.find((n) => n.department?.remoteId === group.id)!
      .department.id;
    const { seen } = await walk({ departments: [groupId], status: 'ACTIVE' });
    expect(seen).toEqual(
      peopleWhere(
        company,
        (p) =>
          company.currentJob(p).departmentId === department.id &&
          oktaUserStatus(company, p) !== 'DEPROVISIONED',
      ),
    );
    const last = okta.sandbox.log.entries({ path: '/api/v1/users' }).at(-1)!;
    expect(last.query.search).toBe(
      `(status lt "DEPROVISIONED" or status gt "DEPROVISIONED") and profile.department eq ${JSON.stringify(department.name)}`,
    );
  });

  it('ids: 150 ids walk two chunks of 100 and 50, each user once', async () => {
    const everyone = await okta.query<ListData>(list, { first: 1000 });
    const picked = everyone.data!.employees.edges.filter((_, i) => i % 6 === 0).slice(0, 150);
    okta.resetCounts();
    const { seen, calls } = await walk({ ids: picked.map((e) => e.node.id) }, 1000);
    expect(seen).toEqual(picked.map((e) => e.node.remoteId));
    expect(calls).toBe(2);
    const requests = okta.sandbox.log.entries({ path: '/api/v1/users' }).slice(-2);
    expect(requests.map((r) => String(r.query.filter).split(' or ').length)).toEqual([100, 50]);
  });

  it('managers: direct reports through profile.managerId eq, one call for the page', async () => {
    const company = okta.sandbox.company;
    const result = await okta.query<{
      employees: {
        nodes: { remoteId: string; directReports: { nodes: { remoteId: string }[] } }[];
      };
    }>(/* GraphQL */ `{
      employees(account: "okta", first: 20) {
        nodes { remoteId directReports(first: 1000) { nodes { remoteId } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.employees.nodes) {
      const id = company.people.find((p) => oktaUserId(p.id) === node.remoteId)!.id;
      expect(node.directReports.nodes.map((n) => n.remoteId)).toEqual(
        peopleWhere(company, (p) => company.currentJob(p).managerId === id),
      );
    }
    const ops = result.upstream.entries.map((e) => e.operation);
    expect(ops[0]).toBe('okta.listUsers');
    const reportCalls = ops.length - 1;
    const reports = result.data!.employees.nodes.reduce(
      (n, x) => n + x.directReports.nodes.length,
      0,
    );
    expect(reportCalls).toBe(Math.max(1, Math.ceil(reports / 200)));
  });
});
