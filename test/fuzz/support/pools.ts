/**
 * The values a fuzz case draws its IDs, cursors and names from: real ones harvested from the
 * served instance (every node type, every account the token reads), and their corruptions: IDs of
 * the account outside the token or of no account, IDs and cursors with a character flipped or
 * cut, and strings that were never either.
 */
import { buildClientSchema, type GraphQLSchema, getIntrospectionQuery } from 'graphql';
import { accountId, remoteId } from '../../../src/core/ids.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import { postGraphQL, type ServedHrGraph } from './served-hrgraph.js';

export interface Pools {
  /** Global IDs the token can read, of every type found. */
  readonly ids: readonly string[];
  /** Well-formed IDs it cannot: another account's, an account that does not exist. */
  readonly foreignIds: readonly string[];
  /** Real IDs with one character changed or cut off. */
  readonly tamperedIds: readonly string[];
  readonly cursors: readonly string[];
  readonly tamperedCursors: readonly string[];
  /** Account ids, the outside one and ones that do not exist. */
  readonly accounts: readonly string[];
  /** Provider field names for `customFields(names:)`/`remoteData(fields:)`, good and bad. */
  readonly fieldNames: readonly string[];
}

export async function introspect(served: ServedHrGraph): Promise<GraphQLSchema> {
  const { text } = await postGraphQL(served, getIntrospectionQuery());
  return buildClientSchema(JSON.parse(text).data);
}

const harvestQuery = /* GraphQL */ `
  query Harvest($account: ID!) {
    employees(account: $account, first: 12) {
      edges {
        cursor
        node {
          id
          department { id } location { id } company { id } manager { id }
          employments { id } compensations { id }
          timeOff(start: "2025-01-01", end: "2026-12-31") { id }
          directReports(first: 2) { edges { cursor } }
        }
      }
      pageInfo { startCursor endCursor }
    }
    account(id: $account) {
      groups(first: 3) { edges { cursor node { id } } }
      locations(first: 3) { edges { cursor node { id } } }
    }
  }
`;

function collect(value: unknown, ids: Set<string>, cursors: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, ids, cursors);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' && key === 'id') ids.add(child);
    else if (typeof child === 'string' && /cursor$/i.test(key)) cursors.add(child);
    else collect(child, ids, cursors);
  }
}

/** One character flipped, or the string cut short: both must be refused, never looked up. */
function tamper(values: readonly string[]): string[] {
  return values.flatMap((value, i) => {
    const at = (i * 7) % value.length;
    const flipped = value[at] === 'A' ? 'B' : 'A';
    return [`${value.slice(0, at)}${flipped}${value.slice(at + 1)}`, value.slice(0, -1 - (i % 5))];
  });
}

export async function harvestPools(served: ServedHrGraph): Promise<Pools> {
  const ids = new Set<string>();
  const cursors = new Set<string>();
  for (const account of served.accounts) {
    const { text } = await postGraphQL(served, harvestQuery, { account });
    const { data, errors } = JSON.parse(text);
    // Every account must serve before faults begin, or the fuzz would not reach its provider.
    if (errors || !(data?.employees?.edges?.length > 0)) {
      throw new Error(`harvest: account ${account} answered no employees: ${text.slice(0, 300)}`);
    }
    collect(data, ids, cursors);
  }
  if (ids.size < 20 || cursors.size < 10) {
    throw new Error(
      `harvest found too little to fuzz with: ${ids.size} ids, ${cursors.size} cursors`,
    );
  }
  const foreignIds = ['1', '2', '999999'].flatMap((remote) =>
    [served.outside, 'nope'].map((account) =>
      toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(remote) }),
    ),
  );
  const idList = [...ids];
  const cursorList = [...cursors];
  return {
    ids: idList,
    foreignIds,
    tamperedIds: tamper(idList.slice(0, 20)),
    cursors: cursorList,
    tamperedCursors: tamper(cursorList.slice(0, 20)),
    accounts: [...served.accounts, served.outside, 'nope', ''],
    fieldNames: ['firstName', 'Job Title', 'hireDate', 'department', 'nope', '', 'x'.repeat(300)],
  };
}
