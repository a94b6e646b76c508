import { describe, expect, test } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import type { FakeCall } from '../support/fake-hr-loaders.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

interface Page {
  totalCount: number | null;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { firstName: string } }[];
}

const pageDoc = /* GraphQL */ `query($first: Int, $after: String, $last: Int, $before: String) {
  employees(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { firstName } }
  }
}`;

const lists = (calls: FakeCall[]) =>
  calls
    .filter((c) => c.op === 'list')
    .map((c) => (c.op === 'list' ? `${c.direction} ${c.native ?? '-'} ${c.limit}` : ''));

describe('Query.employees (Relay Cursor Connections)', () => {
  test('paging forward by endCursor returns everyone once, in order, with correct pageInfo', async () => {
    const { query } = testServer([{ id: 'acme', people: people(10), maxPageSize: 3 }]);
    const names: string[] = [];
    let after: string | null = null;
    const infos: Page['pageInfo'][] = [];
    for (let guard = 0; guard < 5; guard++) {
      const { body } = await query(pageDoc, { first: 4, after });
      const page = body.data?.employees as Page;
      names.push(...page.edges.map((e) => e.node.firstName));
      infos.push(page.pageInfo);
      expect(page.totalCount).toBe(10);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(people(10).map((p) => p.firstName));
    expect(infos.map((i) => [i.hasPreviousPage, i.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  test('any edge cursor resumes right after its edge, with skip against the native page', async () => {
    const { query, fake } = testServer([{ id: 'acme', people: people(10), maxPageSize: 5 }]);
    const first = (await query(pageDoc, { first: 4 })).body.data?.employees as Page;
    fake.calls.length = 0;
    const resumed = (await query(pageDoc, { first: 2, after: first.edges[1]!.cursor })).body.data
      ?.employees as Page;
    expect(resumed.edges.map((e) => e.node.firstName)).toEqual(['First3', 'First4']);
    // Edge 2 of the page fetched from the start: ask for skip (2) + first (2) from the start.
    expect(lists(fake.calls)).toEqual(['forward - 4']);
  });

  test('last/before page backward from the end, edges in list order', async () => {
    const { query } = testServer([{ id: 'acme', people: people(7), maxPageSize: 3 }]);
    const tail = (await query(pageDoc, { last: 3 })).body.data?.employees as Page;
    expect(tail.edges.map((e) => e.node.firstName)).toEqual(['First5', 'First6', 'First7']);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await query(pageDoc, { last: 3, before: tail.pageInfo.startCursor })).body.data
      ?.employees as Page;
    expect(before.edges.map((e) => e.node.firstName)).toEqual(['First2', 'First3', 'First4']);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  test('a failing field is null with an error at its path; the rest of the page resolves', async () => {
    const { query } = testServer([
      { id: 'acme', people: people(3, (i) => ({ failing: i === 1 })) },
    ]);
    const { status, body } = await query(
      '{ employees(first: 3) { edges { node { firstName lastName } } } }',
    );
    expect(status).toBe(200);
    expect(body.data?.employees).toEqual({
      edges: [
        { node: { firstName: 'First1', lastName: 'Last1' } },
        { node: { firstName: null, lastName: null } },
        { node: { firstName: 'First3', lastName: 'Last3' } },
      ],
    });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['employees', 'edges', 1, 'node', 'firstName'], 'UPSTREAM_UNAVAILABLE'],
      [['employees', 'edges', 1, 'node', 'lastName'], 'UPSTREAM_UNAVAILABLE'],
    ]);
  });

  test('with several accounts, leaving out `account` is BAD_USER_INPUT listing the choice', async () => {
    const { query } = testServer([
      { id: 'acme', people: people(2) },
      { id: 'globex', people: people(2) },
    ]);
    const { body } = await query('{ employees { nodes { id } } }');
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', choices: ['acme', 'globex'] },
    });
    expect(body.errors?.[0]?.message).toMatch(/one of: acme, globex/);
    const named = await query('{ employees(account: "globex") { nodes { firstName } } }');
    expect(named.body.data?.employees).toEqual({
      nodes: [{ firstName: 'First1' }, { firstName: 'First2' }],
    });
    const unknown = await query('{ employees(account: "initech") { nodes { id } } }');
    expect(unknown.body.errors?.[0]?.message).toMatch(/Unknown account "initech"/);
  });

  test('a filter the provider cannot apply is BAD_USER_INPUT naming what it can', async () => {
    const { query } = testServer([
      { id: 'acme', people: people(2), capabilities: { filters: ['status'] } },
    ]);
    const { body } = await query('{ employees(filter: { jobTitle: "Eng" }) { nodes { id } } }');
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toMatch(
      /cannot filter employees by `jobTitle`; it can filter by: status/,
    );
  });

  test('filters reach the provider; ids of another account match nothing without a call', async () => {
    const { query, fake } = testServer([
      { id: 'acme', people: people(4, (i) => ({ status: i % 2 ? 'INACTIVE' : 'ACTIVE' })) },
    ]);
    const active = await query(
      '{ employees(filter: { status: ACTIVE }) { totalCount nodes { firstName } } }',
    );
    expect(active.body.data?.employees).toEqual({
      totalCount: 2,
      nodes: [{ firstName: 'First1' }, { firstName: 'First3' }],
    });
    fake.calls.length = 0;
    const foreign = toGlobalId('Employee', {
      accountId: accountId('globex'),
      remoteId: remoteId('1'),
    });
    const none = await query(
      'query($ids: [ID!]) { employees(filter: { ids: $ids }) { totalCount nodes { id } } }',
      { ids: [foreign] },
    );
    expect(none.body.data?.employees).toEqual({ totalCount: 0, nodes: [] });
    expect(lists(fake.calls)).toEqual([]);
  });

  const orgChart = people(6, (i) => ({ manager: i === 0 ? undefined : i < 4 ? '1' : '2' }));
  const reportsDoc = /* GraphQL */ `{
    employees(first: 2) { nodes { firstName directReports(first: 10) { totalCount nodes { firstName jobTitle } } } }
  }`;
  const expectedReports = {
    nodes: [
      {
        firstName: 'First1',
        directReports: {
          totalCount: 3,
          nodes: ['First2', 'First3', 'First4'].map((firstName) => ({ firstName, jobTitle: null })),
        },
      },
      {
        firstName: 'First2',
        directReports: {
          totalCount: 2,
          nodes: ['First5', 'First6'].map((firstName) => ({ firstName, jobTitle: null })),
        },
      },
    ],
  };

  test('directReports with a manager filter: one filtered list for every manager on the page', async () => {
    const { query, fake } = testServer([
      {
        id: 'acme',
        people: orgChart,
        maxPageSize: 10,
        capabilities: { filters: ['status', 'managers'] },
      },
    ]);
    const { body } = await query(reportsDoc);
    expect(body.data?.employees).toEqual(expectedReports);
    const calls = fake.calls.filter((c) => c.op === 'list');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      filter: { managers: ['1', '2'] },
      fields: ['firstName', 'jobTitle', 'manager'],
    });
  });

  test('directReports without a manager filter: the whole list read once, whatever the managers', async () => {
    const { query, fake } = testServer([{ id: 'acme', people: orgChart, maxPageSize: 2 }]);
    const { body } = await query(reportsDoc);
    expect(body.data?.employees).toEqual(expectedReports);
    // One list for the page of two managers, then ceil(6 / 2) pages of the whole list.
    expect(lists(fake.calls)).toEqual([
      'forward - 2',
      'forward - 2',
      'forward f:2 2',
      'forward f:4 2',
    ]);
  });

  test('customFields are keyed by the names asked; remoteData adds named fields to the defaults', async () => {
    const { query } = testServer([{ id: 'acme', people: people(1) }]);
    const { body } = await query(
      '{ employees { nodes { customFields(names: ["Shirt Size"]) remoteData(fields: ["hireDate"]) } } }',
    );
    expect(body.data?.employees).toEqual({
      nodes: [
        {
          customFields: { 'Shirt Size': 'shirt size-of-1' },
          remoteData: { id: 'id-of-1', firstname: 'firstname-of-1', hiredate: 'hiredate-of-1' },
        },
      ],
    });
  });

  test('timeOff defaults to the current month', async () => {
    const { query, fake } = testServer([{ id: 'acme', people: people(1) }]);
    await query('{ employees { nodes { timeOff { id } } } }');
    expect(fake.calls).toContainEqual({ op: 'other', what: 'timeOff:1:2026-03-01..2026-03-31' });
    const wrong = await query(
      '{ employees { nodes { timeOff(start: "2026-04-02", end: "2026-04-01") { id } } } }',
    );
    expect(wrong.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('Account lists capabilities, and its groups connection', async () => {
    const { query } = testServer([
      {
        id: 'acme',
        people: people(1),
        groups: [
          { id: 'g1', name: 'Eng' },
          { id: 'g2', name: 'Ops' },
        ],
      },
    ]);
    const { body } = await query(/* GraphQL */ `{
      accounts { id provider authKind status capabilities { employeeFields maxPageSize employeeOrders }
        groups(first: 1) { totalCount pageInfo { hasNextPage } nodes { name type } } }
    }`);
    const [account] = body.data!.accounts as { capabilities: { employeeFields: string[] } }[];
    expect(account).toMatchObject({
      id: 'acme',
      provider: 'BAMBOOHR',
      authKind: 'API_KEY',
      status: 'ACTIVE',
      capabilities: { maxPageSize: 3, employeeOrders: ['REMOTE_ID', 'LAST_NAME'] },
      groups: {
        totalCount: 2,
        pageInfo: { hasNextPage: true },
        nodes: [{ name: 'Eng', type: 'DEPARTMENT' }],
      },
    });
    expect(account?.capabilities.employeeFields).toEqual(
      expect.arrayContaining([
        'firstName',
        'employmentStatus',
        'employmentStatusRaw',
        'manager',
        'directReports',
      ]),
    );
    expect(account?.capabilities.employeeFields).not.toContain('groups');
  });
});
