/** GraphQL queries that reach every read hrgraph makes of BambooHR, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

const employee = (account: string, id: string) =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(id) });

const person = /* GraphQL */ `
  __typename id remoteId firstName lastName displayName workEmail jobTitle hireDate terminationDate
  employmentStatus employmentStatusRaw employmentRelationship employmentSchedule
  homeAddress { line1 line2 city state postalCode country }
  department { __typename id remoteId name } division { __typename id remoteId name }
  location { __typename id remoteId name }
  manager { __typename id remoteId displayName jobTitle }
`;

const page = (account: string) => /* GraphQL */ `
  query ($after: String) {
    employees(account: "${account}", first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${person} }
    }
  }
`;

export const bambooHrQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through the employee dataset (API key)',
    document: page('acme'),
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'a walk of pages through GET /v1/employees (OAuth)',
    document: page('acme-oauth'),
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'employees looked up by id: node, employee, nodes',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!) {
        node(id: $a) {
          __typename
          ... on Employee { id remoteId firstName preferredName gender genderRaw dateOfBirth personalEmail maritalStatus maritalStatusRaw }
        }
        employee(id: $b) { id remoteId mobilePhone workPhone homePhone avatarUrl modifiedAt middleName employeeNumber }
        nodes(ids: [$a, $b]) { __typename ... on Employee { id remoteId lastName startDate } }
      }
    `,
    variables: { a: employee('acme', '1'), b: employee('acme', '2') },
    asked: [
      { path: ['node'], account: 'acme', id: '1' },
      { path: ['employee'], account: 'acme', id: '2' },
      { path: ['nodes', 0], account: 'acme', id: '1' },
      { path: ['nodes', 1], account: 'acme', id: '2' },
    ],
  },
  {
    name: "one employee's histories: tables, time off, balances",
    document: /* GraphQL */ `
      query ($id: ID!) {
        employee(id: $id) {
          id remoteId
          employments { __typename remoteId effectiveDate jobTitle department { remoteId } }
          compensations { __typename remoteId effectiveDate pay { amount currency } payPeriod payPeriodRaw payType reason }
          statusHistory { __typename remoteId effectiveDate employmentStatus employmentStatusRaw employmentRelationship terminationReason }
          timeOff(start: "2026-06-01", end: "2026-06-30") { __typename remoteId status statusRaw startDate endDate amount unit employeeNote }
          timeOffBalances { __typename balance used unit policyType policyTypeRaw asOf type { remoteId name } }
        }
      }
    `,
    variables: { id: employee('acme', '3') },
    asked: [{ path: ['employee'], account: 'acme', id: '3' }],
  },
  {
    name: "a page's histories: whole-company tables and time off",
    document: /* GraphQL */ `
      {
        employees(account: "acme", first: 3) {
          nodes {
            id remoteId
            employments { __typename remoteId jobTitle effectiveDate }
            statusHistory { __typename remoteId employmentStatus employmentStatusRaw }
            timeOff(start: "2026-06-01", end: "2026-06-30") { __typename remoteId startDate endDate }
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
        account(id: "acme-oauth") {
          company { legalName displayName phone address { line1 line2 city state postalCode country } }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          locations(first: 5) { nodes { remoteId name } }
          customFields { name key label type }
          employees(first: 2) { nodes { id remoteId remoteData } }
        }
      }
    `,
  },
];
