/** GraphQL queries that reach every read hrgraph makes of Microsoft Graph, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

/** Object ids the replies favour: GUIDs, as Graph's are. */
export const REPLY_IDS = [
  '00000001-9acf-4cee-ab07-3c66bc9fb417',
  '00000002-7bd7-4d6c-8f58-0bf00dcb566d',
  '00000003-2de5-4604-94ea-168f5c1ce003',
];

const employee = (id: string) =>
  toGlobalId('Employee', { accountId: accountId('entra'), remoteId: remoteId(id) });

const person = /* GraphQL */ `
  __typename id remoteId employeeNumber firstName lastName displayName workEmail workPhone
  mobilePhone jobTitle employmentStatus employmentStatusRaw employmentRelationship
  employmentRelationshipRaw hireDate terminationDate createdAt
  department { __typename id remoteId name } division { __typename id remoteId name }
  manager { __typename id remoteId displayName jobTitle }
`;
const [a, b, c] = REPLY_IDS as [string, string, string];

export const entraQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through List users ($select, $expand=manager)',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "entra", first: 3, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ${person} }
        }
      }
    `,
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'one user a page, its own fields (no groups)',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "entra", first: 1, after: $after, filter: { status: ACTIVE }) {
          pageInfo { hasNextPage endCursor }
          nodes {
            id remoteId employeeNumber firstName lastName displayName workEmail workPhone
            mobilePhone jobTitle employmentStatus employmentStatusRaw employmentRelationship
            hireDate terminationDate createdAt manager { remoteId } remoteData
          }
        }
      }
    `,
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'employees looked up by id: node, employee, nodes ($batch of GETs) and an ids filter ($batch of lists)',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!, $c: ID!) {
        node(id: $a) { __typename ... on Employee { id remoteId firstName hireDate } }
        employee(id: $b) { id remoteId mobilePhone workPhone employeeNumber jobTitle }
        nodes(ids: [$a, $b, $c]) { __typename ... on Employee { id remoteId lastName workEmail } }
        employees(account: "entra", first: 3, filter: { ids: [$a, $b, $c] }) {
          nodes { id remoteId displayName }
        }
      }
    `,
    variables: { a: employee(a), b: employee(b), c: employee(c) },
    asked: [
      { path: ['node'], account: 'entra', id: a },
      { path: ['employee'], account: 'entra', id: b },
      { path: ['nodes', 0], account: 'entra', id: a },
      { path: ['nodes', 1], account: 'entra', id: b },
      { path: ['nodes', 2], account: 'entra', id: c },
    ],
  },
  {
    name: 'the account: company, groups, custom fields, raw data, direct reports',
    document: /* GraphQL */ `
      {
        account(id: "entra") {
          company { legalName displayName phone address { line1 line2 city state postalCode country } }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          customFields { name key label type }
          employees(first: 2) {
            nodes {
              id remoteId remoteData customFields(names: ["extensionAttribute1"])
              directReports(first: 3) { nodes { id remoteId displayName } }
            }
          }
        }
      }
    `,
  },
];
