/** GraphQL queries that reach every read hrgraph makes of Gusto, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

/** Uuids the generated replies favour: employees, departments, locations, the company. */
export const gustoReplyIds = {
  employees: [
    '11111111-1111-4111-8111-111111111111',
    '22222222-2222-4222-8222-222222222222',
    '33333333-3333-4333-8333-333333333333',
  ],
  departments: ['d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'],
  locations: ['10c00000-0000-4000-8000-000000000001', '10c00000-0000-4000-8000-000000000002'],
  company: 'c0000000-0000-4000-8000-00000000000c',
} as const;

const [ann, bob, cy] = gustoReplyIds.employees;

const employee = (id: string) =>
  toGlobalId('Employee', { accountId: accountId('acme'), remoteId: remoteId(id) });

// employmentStatusRaw is left out: a termination shows the raw 'terminated', the name of the
// flag Gusto sets (normalize.ts), which no reply holds as text; see the report of issue 14.
const person = /* GraphQL */ `
  __typename id remoteId firstName middleName lastName preferredName displayName workEmail
  personalEmail mobilePhone jobTitle employeeNumber hireDate startDate terminationDate dateOfBirth
  employmentStatus employmentRelationship employmentSchedule
  homeAddress { line1 line2 city state postalCode country }
  department { __typename id remoteId name }
  location { __typename id remoteId name }
  manager { __typename id remoteId displayName jobTitle }
`;

export const gustoQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through the employee list',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "acme", first: 3, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { ${person} }
        }
      }
    `,
    // Three pages: a page that repeats someone of any earlier one (offset pages over a list that
    // moved) is UPSTREAM_BAD_RESPONSE, never a person twice (the walk memory).
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'the last page of the employee list',
    document: /* GraphQL */ `
      {
        employees(account: "acme", last: 2) {
          totalCount pageInfo { hasPreviousPage startCursor }
          nodes { id remoteId firstName lastName displayName }
        }
      }
    `,
  },
  {
    name: 'employees looked up by uuid: node, employee, nodes',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!) {
        node(id: $a) { __typename ... on Employee { ${person} } }
        employee(id: $b) { id remoteId firstName lastName jobTitle startDate homeAddress { line1 city country } }
        nodes(ids: [$a, $b]) { __typename ... on Employee { id remoteId lastName hireDate } }
      }
    `,
    variables: { a: employee(ann), b: employee(bob) },
    asked: [
      { path: ['node'], account: 'acme', id: ann },
      { path: ['employee'], account: 'acme', id: bob },
      { path: ['nodes', 0], account: 'acme', id: ann },
      { path: ['nodes', 1], account: 'acme', id: bob },
    ],
  },
  {
    name: "one employee's histories: jobs, pay, status, balances",
    document: /* GraphQL */ `
      query ($id: ID!) {
        employee(id: $id) {
          id remoteId
          employments { __typename remoteId effectiveDate jobTitle department { remoteId } location { remoteId } manager { remoteId } }
          compensations { __typename remoteId effectiveDate pay { amount currency } payPeriod payPeriodRaw payType flsaStatus reason }
          statusHistory { __typename remoteId effectiveDate employmentStatus employmentStatusRaw terminationReason }
          timeOffBalances { __typename balance used unit policyType policyTypeRaw asOf type { remoteId name } }
        }
      }
    `,
    variables: { id: employee(cy) },
    asked: [{ path: ['employee'], account: 'acme', id: cy }],
  },
  {
    name: "a page's histories and balances",
    document: /* GraphQL */ `
      {
        employees(account: "acme", first: 3) {
          nodes {
            id remoteId
            employments { __typename remoteId jobTitle effectiveDate }
            compensations { __typename remoteId effectiveDate pay { amount currency } }
            statusHistory { __typename remoteId employmentStatus employmentStatusRaw }
            timeOffBalances { __typename balance unit type { remoteId name } }
          }
        }
      }
    `,
  },
  {
    name: 'direct reports of a page',
    document: /* GraphQL */ `
      {
        employees(account: "acme", first: 2) {
          nodes { id remoteId directReports(first: 3) { nodes { __typename id remoteId firstName } } }
        }
      }
    `,
  },
  {
    name: 'the account: company, groups, locations, custom fields, raw data',
    document: /* GraphQL */ `
      {
        account(id: "acme") {
          company { legalName displayName phone }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          locations(first: 5) { nodes { remoteId name address { line1 city country } } }
          customFields { name label type }
          employees(first: 2) { nodes { id remoteId remoteData } }
        }
      }
    `,
  },
];
