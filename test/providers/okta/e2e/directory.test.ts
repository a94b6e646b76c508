/**
 * Okta end to end (reference §6): GraphQL over the Okta sandbox, data checked against the
 * synthetic company, and the exact provider calls each query makes against the fewest it can.
 *
 * Minimums: a page is one listUsers call (projection carries every field asked); managers outside
 * the page cost ⌈M / 100⌉ listUsers calls filtered by `id eq` (Okta has no batch get; 100 ids
 * keep the URL under 8 KB); N `nodes` cost ⌈N / 100⌉ such calls, or one getUser when N = 1;
 * departments and divisions cost one listGroups per adapter (cached five minutes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { operations } from '../../../support/hrgraph.js';
import { type OktaFixture, startOkta } from '../../../support/okta.js';
import { expectedEmployee } from './expected.js';

let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({ company: { size: 1000, seed: 7, customFieldCount: 3 } });
});
afterAll(() => okta.close());

const page = /* GraphQL */ `
  query Page($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      edges {
        node {
          id
          remoteId
          firstName
          lastName
          workEmail
          personalEmail
          jobTitle
          employeeNumber
          employmentStatus
          employmentStatusRaw
          department { remoteId name }
          division { name }
          manager { remoteId firstName lastName workEmail }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Node {
  id: string;
  remoteId: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  personalEmail: string | null;
  jobTitle: string | null;
  employeeNumber: string | null;
  employmentStatus: string;
  employmentStatusRaw: string;
  department: { remoteId: string; name: string } | null;
  division: { name: string } | null;
  manager: { remoteId: string; firstName: string; lastName: string; workEmail: string } | null;
}
interface PageData {
  employees: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

function checkAgainstCompany(node: Node) {
  const company = okta.sandbox.company;
  const person = company.people.find((p) => p.workEmail === node.workEmail)!;
  const expected = expectedEmployee(company, person);
  expect({
    remoteId: node.remoteId,
    firstName: node.firstName,
    lastName: node.lastName,
    workEmail: node.workEmail,
    personalEmail: node.personalEmail,
    jobTitle: node.jobTitle,
    department: node.department?.name ?? null,
    division: node.division?.name ?? null,
    manager: node.manager?.remoteId ?? null,
    employmentStatus: node.employmentStatus,
    employmentStatusRaw: node.employmentStatusRaw,
    employeeNumber: node.employeeNumber,
  }).toEqual(expected);
  if (node.manager) {
    const manager = company.people.find((p) => p.workEmail === node.manager!.workEmail)!;
    expect(node.manager.firstName).toBe(manager.firstName);
  }
  // The department's id resolves through listGroups to the Okta group of that name.
  if (node.department) {
    const group = okta.sandbox.directory.groups.all.find((g) => g.name === node.department!.name);
    expect(node.department.remoteId).toBe(group?.id);
  }
}

async function pageAfter(account: string, after: string | null) {
  return okta.query<PageData>(page, { account, first: 200, after });
}

describe.each(['okta', 'okta-app'])('a directory page of 200 with managers (%s)', (account) => {
  it('matches the company, in one list call plus ⌈M/100⌉ calls for managers off the page', async () => {
    // Warm the adapter's groups (and the app's token): cached across requests.
    await okta.query('query($a: ID!) { account(id: $a) { groups(first: 1) { totalCount } } }', {
      a: account,
    });
    const first = await pageAfter(account, null);
    expect(first.errors).toBeUndefined();
    // The second page: its people's managers mostly sit on the first.
    const result = await pageAfter(account, first.data!.employees.pageInfo.endCursor);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.employees.edges.map((e) => e.node);
    expect(nodes).toHaveLength(200);
    for (const node of nodes) checkAgainstCompany(node);
    const onPage = new Set(nodes.map((n) => n.remoteId));
    const offPage = new Set(
      nodes.flatMap((n) =>
        n.manager && !onPage.has(n.manager.remoteId) ? [n.manager.remoteId] : [],
      ),
    );
    expect(offPage.size).toBeGreaterThan(1);
    const managerCalls = Math.ceil(offPage.size / 100);
    expect(operations(result.upstream)).toEqual([
      'okta.listUsers',
      ...Array(managerCalls).fill('okta.listUsersById'),
    ]);
    const byId = result.upstream.entries.filter((e) => e.operation === 'okta.listUsersById');
    expect(byId.reduce((n, e) => n + e.ids, 0)).toBe(offPage.size);
  });
});

describe('node and nodes', () => {
  const nodesQuery = /* GraphQL */ `
    query Nodes($ids: [ID!]!) {
      nodes(ids: $ids) {
        ... on Employee { remoteId firstName lastName workEmail jobTitle employmentStatusRaw }
      }
    }
  `;
  interface NodesData {
    nodes: ({ remoteId: string; workEmail: string; firstName: string } | null)[];
  }

  it('nodes of 50 ids: one listUsers filtered by id, where 50 getUser calls would be the naive cost', async () => {
    const first = await pageAfter('okta', null);
    const ids = first.data!.employees.edges.slice(100, 150).map((e) => e.node.id);
    const result = await okta.query<NodesData>(nodesQuery, { ids });
    expect(result.errors).toBeUndefined();
    const company = okta.sandbox.company;
    const expected = first.data!.employees.edges.slice(100, 150).map((e) => e.node.remoteId);
    expect(result.data!.nodes.map((n) => n?.remoteId)).toEqual(expected);
    for (const node of result.data!.nodes) {
      const person = company.people.find((p) => p.workEmail === node!.workEmail)!;
      expect(node!.firstName).toBe(person.firstName);
    }
    expect(operations(result.upstream)).toEqual(['okta.listUsersById']);
    expect(result.upstream.entries[0]!.ids).toBe(50);
  });

  it('node(id) is one getUser; an id that does not exist is null', async () => {
    const first = await pageAfter('okta', null);
    const id = first.data!.employees.edges[7]!.node.id;
    const one = await okta.query<{ node: { remoteId: string } | null }>(
      'query($id: ID!) { node(id: $id) { ... on Employee { remoteId workEmail } } }',
      { id },
    );
    expect(one.data!.node?.remoteId).toBe(first.data!.employees.edges[7]!.node.remoteId);
    expect(operations(one.upstream)).toEqual(['okta.getUser']);
    const missing = toGlobalId('Employee', {
      accountId: accountId('okta'),
      remoteId: remoteId('00uDoesNotExist000000'),
    });
    const none = await okta.query<{ node: null }>(
      'query($id: ID!) { node(id: $id) { ... on Employee { remoteId } } }',
      { id: missing },
    );
    expect(none.errors).toBeUndefined();
    expect(none.data!.node).toBeNull();
    expect(operations(none.upstream)).toEqual(['okta.getUser']);
  });
});

describe('fields Okta cannot supply', () => {
  it('hireDate, compensations and time off are null with no call beyond the page', async () => {
    const result = await okta.query<{
      employees: { nodes: { hireDate: null; compensations: null; timeOff: null }[] };
    }>(
      /* GraphQL */ `
        query {
          employees(account: "okta", first: 5) {
            nodes { remoteId hireDate terminationDate compensations { effectiveDate } timeOff { startDate } timeOffBalances { balance } employments { jobTitle } location { name } }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.employees.nodes) {
      expect(node).toMatchObject({ hireDate: null, compensations: null, timeOff: null });
    }
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
  });
});
