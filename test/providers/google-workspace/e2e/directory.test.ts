/**
 * Google Workspace end to end: GraphQL over hrgraph against the Directory API sandbox, data
 * checked against the synthetic company, exact upstream call counts against computed minimums.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../../src/sandbox/company/types.js';
import { googleUserId } from '../../../../src/sandbox/google-workspace/index.js';
import {
  countOf,
  dataCalls,
  type GoogleFixture,
  startGoogleWorkspace,
} from '../../../support/google-workspace.js';

let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({ company: { seed: 7, size: 300 } });
  // Warm the token and the org-unit catalogue (cached per account): counts below are data calls.
  const warm = await g.query('{ account(id: "acme-google") { groups(first: 1) { totalCount } } }');
  expect(warm.errors).toBeUndefined();
});
afterAll(() => g.close());

const page = /* GraphQL */ `
  query Page($first: Int!, $after: String) {
    employees(account: "acme-google", first: $first, after: $after, orderBy: [{ field: LAST_NAME }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        remoteId
        firstName
        lastName
        displayName
        workEmail
        jobTitle
        employeeNumber
        employmentStatus
        employmentStatusRaw
        department { name type }
        manager { remoteId displayName jobTitle }
      }
    }
  }
`;

interface Node {
  remoteId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  workEmail: string;
  jobTitle: string;
  employeeNumber: string;
  employmentStatus: string;
  employmentStatusRaw: string;
  department: { name: string; type: string } | null;
  manager: { remoteId: string; displayName: string; jobTitle: string } | null;
}
interface PageData {
  employees: {
    totalCount: number | null;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    nodes: Node[];
  };
}

function givenName(p: Person) {
  return p.preferredName ?? p.firstName;
}

describe('Google Workspace: a directory page of 100 with departments and managers', () => {
  it('maps users.list onto Employee, and costs 1 list + 1 users.get per manager outside the page', async () => {
    const result = await g.query<PageData>(page, { first: 100 });
    expect(result.errors).toBeUndefined();
    const company = g.sandbox.company;
    const { nodes, totalCount, pageInfo } = result.data!.employees;
    expect(totalCount).toBeNull();
    expect(pageInfo.hasNextPage).toBe(true);
    expect(nodes).toHaveLength(100);
    const onPage = new Set<number>();
    const managersOutside = new Set<number>();
    // By family name, ties in Google id order (the sandbox's stable order): managers are spread
    // over the whole directory, so many sit outside the page.
    const ordered = [...company.people].sort((a, b) => {
      const [x, y] = [a.lastName.toLowerCase(), b.lastName.toLowerCase()];
      return x < y ? -1 : x > y ? 1 : a.id - b.id;
    });
    for (const [i, node] of nodes.entries()) {
      const person = ordered[i]!;
      onPage.add(person.id);
      const job = company.currentJob(person);
      expect(node.remoteId).toBe(googleUserId(person.id));
      expect(node.firstName).toBe(givenName(person));
      expect(node.lastName).toBe(person.lastName);
      expect(node.displayName).toBe(`${givenName(person)} ${person.lastName}`);
      expect(node.workEmail).toBe(person.workEmail);
      expect(node.jobTitle).toBe(company.jobTitles.find((t) => t.id === job.jobTitleId)?.name);
      expect(node.employeeNumber).toBe(person.employeeNumber);
      expect(node.employmentStatus).toBe(person.terminationDate === null ? 'ACTIVE' : 'INACTIVE');
      expect(node.department?.type).toBe('ORG_UNIT');
      expect(node.department?.name).toBe(
        company.departments.find((d) => d.id === job.departmentId)?.name,
      );
      if (job.managerId === null) {
        expect(node.manager).toBeNull();
      } else {
        const manager = company.person(job.managerId)!;
        expect(node.manager?.remoteId).toBe(googleUserId(manager.id));
        expect(node.manager?.displayName).toBe(`${givenName(manager)} ${manager.lastName}`);
        managersOutside.add(manager.id);
      }
    }
    for (const id of onPage) managersOutside.delete(id);
    // Minimum: one users.list for the page; Google names managers by email and has no lookup of
    // many emails at once, so one users.get per distinct manager not on the page (their whole
    // record, which also answers `manager { displayName jobTitle }`); org units and groups are
    // cached per account (warmed above).
    const ops = dataCalls(result.upstream);
    expect(countOf(ops, 'google.users.list')).toBe(1);
    expect(countOf(ops, 'google.users.get')).toBe(managersOutside.size);
    expect(ops).toHaveLength(1 + managersOutside.size);
    expect(managersOutside.size).toBeGreaterThan(10);
    // The page asked Google only for what the selection needs.
    const list = g.sandbox.log.entries({ path: '/admin/directory/v1/users' }).at(-1)!;
    expect(list.query.fields).toBe(
      'kind,nextPageToken,users(archived,externalIds,id,name,orgUnitPath,organizations,primaryEmail,relations,suspended)',
    );
    expect(list.query).toMatchObject({
      maxResults: '100',
      orderBy: 'familyName',
      sortOrder: 'ASCENDING',
    });
  });
});
