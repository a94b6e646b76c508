/** GraphQL queries that reach every read hrgraph makes of Personio, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

const employee = (id: string) =>
  toGlobalId('Employee', { accountId: accountId('personio'), remoteId: remoteId(id) });

const person = /* GraphQL */ `
  __typename id remoteId firstName lastName preferredName displayName workEmail jobTitle
  employmentStatus employmentStatusRaw employmentRelationship employmentSchedule startDate
  hireDate terminationDate gender avatarUrl createdAt modifiedAt
  department { __typename remoteId name } location { __typename remoteId name }
  manager { __typename remoteId displayName }
`;

export const personioQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through the v1 employee list',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "personio", first: 2, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ${person} }
        }
      }
    `,
    walk: { path: ['employees'], variable: 'after', pages: 2 },
  },
  {
    name: 'the newest first (REMOTE_ID descending: the org lookup, then the list from its end)',
    document: /* GraphQL */ `
      {
        employees(account: "personio", first: 2, orderBy: [{ field: REMOTE_ID, direction: DESC }]) {
          nodes { remoteId firstName directReports(first: 2) { nodes { remoteId lastName } } }
        }
      }
    `,
  },
  {
    name: 'employees looked up by id: node, employee, nodes (GET /company/employees/{id})',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!) {
        node(id: $a) { __typename ... on Employee { ${person} } }
        employee(id: $b) { id remoteId jobTitle remoteData }
        nodes(ids: [$a, $b]) { __typename ... on Employee { id remoteId workEmail } }
      }
    `,
    variables: { a: employee('1'), b: employee('2') },
    asked: [
      { path: ['node'], account: 'personio', id: '1' },
      { path: ['employee'], account: 'personio', id: '2' },
      { path: ['nodes', 0], account: 'personio', id: '1' },
      { path: ['nodes', 1], account: 'personio', id: '2' },
    ],
  },
  {
    name: "one employee's histories: v2 employments, salaries, time-offs and balances",
    document: /* GraphQL */ `
      query ($id: ID!) {
        employee(id: $id) {
          id remoteId
          employments { __typename remoteId effectiveDate jobTitle department { remoteId } location { remoteId } manager { remoteId } }
          compensations { __typename remoteId pay { amount currency } payPeriod payPeriodRaw payType }
          timeOff(start: "2026-12-01", end: "2026-12-31") { __typename remoteId status statusRaw startDate endDate amount unit type { remoteId name } }
          timeOffBalances { __typename balance unit type { remoteId name } }
        }
      }
    `,
    variables: { id: employee('3') },
    asked: [{ path: ['employee'], account: 'personio', id: '3' }],
  },
  {
    name: 'the account: company, groups, locations, custom fields, raw data',
    document: /* GraphQL */ `
      {
        account(id: "personio") {
          company { legalName displayName }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          locations(first: 5) { nodes { remoteId name } }
          customFields { name key label type }
          employees(first: 2) {
            nodes { id remoteId remoteData customFields(names: ["dynamic_1", "first_name"]) }
          }
        }
      }
    `,
  },
];
