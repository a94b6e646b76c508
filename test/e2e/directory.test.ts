/**
 * End to end: GraphQL documents over hrgraph's HTTP interface, against the BambooHR sandbox,
 * checking data against the synthetic company and the exact upstream calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HrGraphFixture, operations, startHrGraph } from '../support/hrgraph.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 300, seed: 11 } });
});
afterAll(() => hr.close());

const directory = /* GraphQL */ `
  query Directory($account: ID!, $first: Int!) {
    employees(account: $account, first: $first) {
      totalCount
      edges {
        node {
          remoteId
          firstName
          lastName
          workEmail
          jobTitle
          department { name }
          manager { remoteId displayName }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface DirectoryData {
  employees: {
    totalCount: number;
    edges: {
      node: {
        remoteId: string;
        firstName: string;
        lastName: string;
        workEmail: string;
        jobTitle: string;
        department: { name: string } | null;
        manager: { remoteId: string; displayName: string } | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

describe.each(['acme-oauth', 'acme'])(
  'a directory page with managers and departments (%s)',
  (account) => {
    it('returns the company’s people, with the fewest calls', async () => {
      // Warm the account's list metadata, cached across requests for five minutes.
      await hr.query('query($a: ID!) { account(id: $a) { groups(first: 1) { totalCount } } }', {
        a: account,
      });
      const result = await hr.query<DirectoryData>(directory, { account, first: 50 });
      expect(result.errors).toBeUndefined();
      const company = hr.bamboo.sandbox.company.data;
      const { edges, totalCount } = result.data!.employees;
      expect(totalCount).toBe(company.people.length);
      expect(edges).toHaveLength(50);
      for (const { node } of edges) {
        const person = company.person(Number(node.remoteId))!;
        const job = company.currentJob(person);
        expect(node.firstName).toBe(person.firstName);
        expect(node.workEmail).toBe(person.workEmail);
        expect(node.department?.name).toBe(
          company.departments.find((d) => d.id === job.departmentId)?.name,
        );
        expect(node.manager?.remoteId ?? null).toBe(
          job.managerId === null ? null : String(job.managerId),
        );
      }
      // The page carries names, emails, titles, departments and manager ids. Every manager of
      // the first 50 by id is on the page (a manager is hired before their reports): through
      // the dataset the page carries the managers' display names too, while GET /v1/employees
      // cannot return `displayName`, so their names are one batched report for all of them.
      expect(operations(result.upstream)).toEqual(
        account === 'acme'
          ? ['bamboohr.datasetEmployees']
          : ['bamboohr.listEmployees', 'bamboohr.customReport'],
      );
    });
  },
);
