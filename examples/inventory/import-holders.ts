/**
 * The inventory's one-off import of the people who can hold devices, from hrgraph: everyone in
 * every account hrgraph serves. One person is often in several accounts (an HR system and an
 * identity directory, or one HR system through two credentials), each giving them a different
 * global ID; people are matched across accounts by work email, as an IT team would, so a device
 * shows up whichever account the person is looked up through.
 */
import type { Endpoint } from '../common/endpoints.js';
import {
  firstError,
  type PostOptions,
  pointAt,
  postGraphQL,
  unavailable,
} from '../common/post-graphql.js';

export interface ImportedHolders {
  /** One hrgraph ID per person: from the first account listing them, in hrgraph's order. */
  readonly holderIds: readonly string[];
  /** Every other ID of a holder (the same work email in another account) → their holder ID. */
  readonly sameAs: ReadonlyMap<string, string>;
  /** The accounts read, in hrgraph's order. */
  readonly accounts: readonly string[];
}

export interface ImportHoldersOptions extends PostOptions {
  /** People read per account, at most: an example has no business walking 100,000. @default 1000 */
  maxPerAccount?: number;
}

const accountsQuery = /* GraphQL */ `{ accounts { id } }`;
const pageQuery = /* GraphQL */ `
  query InventoryImport($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id workEmail }
    }
  }
`;

interface Page {
  employees: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; workEmail: string | null }[];
  } | null;
}

export async function importHolders(
  hrgraph: Endpoint,
  options: ImportHoldersOptions = {},
): Promise<ImportedHolders> {
  const { maxPerAccount = 1000, ...post } = options;
  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const reply = await postGraphQL<T>(hrgraph, query, variables, post);
    if (reply.errors?.length || !reply.data) {
      throw unavailable(
        hrgraph,
        `answered HTTP ${reply.status} without the directory${firstError(reply)}`,
        pointAt(hrgraph),
      );
    }
    return reply.data;
  }

  const { accounts } = await ask<{ accounts: { id: string }[] }>(accountsQuery);
  const holderIds: string[] = [];
  const sameAs = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const { id: account } of accounts) {
    let after: string | null = null;
    let read = 0;
    do {
      const first = Math.min(500, maxPerAccount - read);
      const { employees }: Page = await ask<Page>(pageQuery, { account, first, after });
      if (!employees) break;
      for (const { id, workEmail } of employees.nodes) {
        const email = workEmail?.toLowerCase();
        const holder = email === undefined ? undefined : byEmail.get(email);
        if (holder !== undefined) {
          sameAs.set(id, holder);
        } else {
          holderIds.push(id);
          if (email !== undefined) byEmail.set(email, id);
        }
      }
      read += employees.nodes.length;
      after = employees.pageInfo.hasNextPage ? employees.pageInfo.endCursor : null;
    } while (after !== null && read < maxPerAccount);
  }
  return { holderIds, sameAs, accounts: accounts.map((a) => a.id) };
}
