/** GraphQL queries that reach every read hrgraph makes of Okta, for the replies suite. */
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import type { ReplyQuery } from '../support/kit.js';

const employee = (id: string) =>
  toGlobalId('Employee', { accountId: accountId('okta'), remoteId: remoteId(id) });

const person = /* GraphQL */ `
  __typename id remoteId employeeNumber firstName middleName lastName preferredName displayName
  workEmail personalEmail workPhone mobilePhone jobTitle employmentStatus employmentStatusRaw
  employmentRelationship homeAddress { line1 line2 city state postalCode country }
  department { __typename id remoteId name } division { __typename id remoteId name }
  manager { __typename id remoteId displayName jobTitle }
`;

export const oktaQueries: readonly ReplyQuery[] = [
  {
    name: 'a walk of pages through listUsers (filter: everyone)',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "okta", first: 3, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ${person} }
        }
      }
    `,
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    // The spec makes a user's id optional, so a page of several users rarely gets past the
    // loaders' id check; one user a page, without the groups, reaches the values more often.
    name: 'one user a page through listUsers, its own fields (no groups)',
    document: /* GraphQL */ `
      query ($after: String) {
        employees(account: "okta", first: 1, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            id remoteId employeeNumber firstName middleName lastName preferredName displayName
            workEmail personalEmail workPhone mobilePhone jobTitle employmentStatus
            employmentStatusRaw employmentRelationship createdAt modifiedAt
            homeAddress { line1 line2 city state postalCode country }
            manager { remoteId } remoteData
          }
        }
      }
    `,
    walk: { path: ['employees'], variable: 'after', pages: 3 },
  },
  {
    name: 'a page of active users (listUsers, plain) and their direct reports (search)',
    document: /* GraphQL */ `
      {
        employees(account: "okta", first: 2, filter: { status: ACTIVE }) {
          nodes {
            id remoteId employmentStatus
            directReports(first: 3) { nodes { __typename id remoteId firstName manager { remoteId } } }
          }
        }
      }
    `,
  },
  {
    name: 'employees looked up by id: node, employee, nodes (getUser, listUsers by id)',
    document: /* GraphQL */ `
      query ($a: ID!, $b: ID!, $c: ID!) {
        node(id: $a) {
          __typename
          ... on Employee { id remoteId firstName preferredName personalEmail createdAt modifiedAt }
        }
        employee(id: $b) { id remoteId mobilePhone workPhone middleName employeeNumber jobTitle }
        nodes(ids: [$a, $b, $c]) { __typename ... on Employee { id remoteId lastName workEmail } }
      }
    `,
    variables: { a: employee('00u1'), b: employee('00u2'), c: employee('00u3') },
    asked: [
      { path: ['node'], account: 'okta', id: '00u1' },
      { path: ['employee'], account: 'okta', id: '00u2' },
      { path: ['nodes', 0], account: 'okta', id: '00u1' },
      { path: ['nodes', 1], account: 'okta', id: '00u2' },
      { path: ['nodes', 2], account: 'okta', id: '00u3' },
    ],
  },
  {
    name: 'one employee by id, whole (getUser)',
    document: /* GraphQL */ `
      query ($id: ID!) { employee(id: $id) { ${person} remoteData } }
    `,
    variables: { id: employee('00u3') },
    asked: [{ path: ['employee'], account: 'okta', id: '00u3' }],
  },
  {
    name: 'the account: company, groups, custom fields, raw data',
    document: /* GraphQL */ `
      {
        account(id: "okta") {
          company { legalName displayName phone address { line1 line2 city state postalCode country } }
          groups(first: 5) { totalCount nodes { remoteId name type } }
          customFields { name key label type }
          employees(first: 2) {
            nodes { id remoteId remoteData customFields(names: ["customShirtSize"]) }
          }
        }
      }
    `,
  },
];
