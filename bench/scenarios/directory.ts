/**
 * directory: 500 employees × 12 common fields, paged by 100 — the staff directory every HR
 * integration starts with. Every field rides on the list call, so the minimum is one call a page.
 */

import { handDirectory } from '../baselines/hand-written/directory.js';
import type { CallSpan } from '../measure/critical-path.js';
import { type GraphQLClient, type GraphQLReply, spansOf } from '../measure/graphql-client.js';
import { pagedList } from '../minimums.js';
import { bambooKeysOf, directoryFields, selectionOf } from './fields.js';
import { iterated, scriptRun } from './iterated.js';
import { withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{
  company: number;
  people: number;
  pageSize: number;
  runs: number;
  naiveRuns: number;
}> = {
  full: { company: 1000, people: 500, pageSize: 100, runs: 15, naiveRuns: 3 },
  quick: { company: 200, people: 100, pageSize: 25, runs: 5, naiveRuns: 1 },
  tiny: { company: 30, people: 20, pageSize: 10, runs: 1, naiveRuns: 1 },
};

export const directoryQuery = /* GraphQL */ `
  query Directory($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { remoteId ${selectionOf(directoryFields)} }
    }
  }
`;

export interface DirectoryPage {
  readonly employees: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly { readonly remoteId: string }[];
  };
}

/** The first `people` employees through GraphQL, a page at a time. */
export async function graphDirectory(client: GraphQLClient, people: number, pageSize: number) {
  const spans: CallSpan[] = [];
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const reply: GraphQLReply<DirectoryPage> = await client.query<DirectoryPage>(directoryQuery, {
      account: ACCOUNT,
      first: pageSize,
      after,
    });
    spans.push(...spansOf(reply.upstream));
    ids.push(...reply.data.employees.nodes.map((n) => n.remoteId));
    const { hasNextPage, endCursor } = reply.data.employees.pageInfo;
    if (!hasNextPage || ids.length >= people) break;
    after = endCursor;
  }
  return { spans, ids };
}

export const directory: Scenario = {
  name: 'directory',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const keys = bambooKeysOf(directoryFields);
    const row = await withStack(
      ctx,
      { people: size.company, customFields: 0 },
      { endpoint: 'directory' },
      (stack) =>
        iterated(ctx, stack, {
          scenario: 'directory',
          shape: `${size.people} employees × ${keys.length} fields, pages of ${size.pageSize}`,
          minimum: pagedList(size.people, size.pageSize, keys),
          runs: size.runs,
          naiveRuns: size.naiveRuns,
          graph: (client) => graphDirectory(client, size.people, size.pageSize),
          script: (api) =>
            scriptRun(api, async () =>
              (await handDirectory(api, size.people, size.pageSize, keys)).map((r) =>
                String(r.employeeId),
              ),
            ),
          naiveWarm: (client) => graphDirectory(client, 1, 1),
          employeeFieldsPerRequest: size.pageSize * keys.length,
        }),
    );
    return [row];
  },
};
