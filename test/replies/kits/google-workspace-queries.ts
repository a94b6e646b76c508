/** GraphQL queries that reach every read hrgraph makes of Google Workspace, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

const employee = (account: string, id: string) =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(id) });

const person = /* GraphQL */ `
  __typename id remoteId firstName lastName displayName workEmail jobTitle employeeNumber
  employmentStatus employmentStatusRaw createdAt avatarUrl
  homeAddress { line1 line2 city state postalCode country }
  department { __typename id remoteId name }
  manager { __typename id remoteId displayName jobTitle }
`;

const page = (account: string) => /* GraphQL */ `
  query ($after: String) {
    employees(account: "${account}", first: 3, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ${person} }
    }
  }
`;

export const googleWorkspaceQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through users.list (customer id)',
    document: page('acme'),
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'a walk of pages through users.list (primary domain)',
    document: page('acme-domain'),
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'employees looked up by id: node, employee, nodes (users.get)',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!) {
        node(id: $a) {
          __typename
          ... on Employee { id remoteId firstName gender genderRaw personalEmail workPhone }
        }
        employee(id: $b) { id remoteId mobilePhone homePhone avatarUrl employeeNumber jobTitle manager { remoteId displayName } }
        nodes(ids: [$a, $b]) { __typename ... on Employee { id remoteId lastName department { remoteId name } } }
      }
    `,
    variables: { a: employee('acme', '101'), b: employee('acme', '102') },
    asked: [
      { path: ['node'], account: 'acme', id: '101' },
      { path: ['employee'], account: 'acme', id: '102' },
      { path: ['nodes', 0], account: 'acme', id: '101' },
      { path: ['nodes', 1], account: 'acme', id: '102' },
    ],
  },
  {
    name: 'a page filtered by department (org unit paths in the search)',
    document: /* GraphQL */ `
      {
        employees(account: "acme", first: 3, filter: { departments: ["id:01", "id:02"] }) {
          nodes { id remoteId firstName department { remoteId name } }
        }
      }
    `,
  },
  {
    name: 'direct reports of a page (directManagerId searches)',
    document: /* GraphQL */ `
      {
        employees(account: "acme", first: 2) {
          nodes { id remoteId directReports(first: 3) { nodes { __typename id remoteId firstName } } }
        }
      }
    `,
  },
  {
    name: 'the account: company, groups, custom fields, raw data',
    document: /* GraphQL */ `
      {
        account(id: "acme-domain") {
          company { legalName displayName phone address { line1 city state postalCode country } }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          customFields { label type }
          employees(first: 2) {
            nodes { id remoteId remoteData customFields(names: ["Employment.hireDate", "orgUnitPath"]) }
          }
        }
      }
    `,
  },
];
