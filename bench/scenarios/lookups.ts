/**
 * lookups: 200 employees by global ID (`nodes(ids:)`) × 30 fields — what a client holding ids
 * from elsewhere does. One report answers every id and every field, and proves existence too.
 */

import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { handLookups } from '../baselines/hand-written/lookups.js';
import { type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import { lookups as lookupsMinimum } from '../minimums.js';
import { bambooKeysOf, customAliases, directoryFields, selectionOf } from './fields.js';
import { iterated, scriptRun } from './iterated.js';
import { withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{
  company: number;
  ids: number;
  fields: number;
  definedCustom: number;
  runs: number;
  naiveRuns: number;
}> = {
  full: { company: 1000, ids: 200, fields: 30, definedCustom: 50, runs: 15, naiveRuns: 3 },
  quick: { company: 300, ids: 100, fields: 30, definedCustom: 50, runs: 5, naiveRuns: 1 },
  tiny: { company: 30, ids: 10, fields: 15, definedCustom: 5, runs: 1, naiveRuns: 1 },
};

export const lookupsQuery = /* GraphQL */ `
  query Lookups($ids: [ID!]!, $names: [String!]!) {
    nodes(ids: $ids) { ... on Employee { remoteId ${selectionOf(directoryFields)} customFields(names: $names) } }
  }
`;

interface LookupsReply {
  readonly nodes: readonly ({ readonly remoteId: string } | null)[];
}

/** Ids spread over the whole company, not a run of neighbours. */
export function spreadIds(company: number, count: number): string[] {
  const step = Math.max(1, Math.floor(company / count));
  return Array.from({ length: count }, (_, i) => String(1 + i * step));
}

async function graphLookups(
  client: GraphQLClient,
  ids: readonly string[],
  names: readonly string[],
) {
  const globalIds = ids.map((id) =>
    toGlobalId('Employee', { accountId: accountId(ACCOUNT), remoteId: remoteId(id) }),
  );
  const reply = await client.query<LookupsReply>(lookupsQuery, { ids: globalIds, names });
  return {
    spans: spansOf(reply.upstream),
    ids: reply.data.nodes.flatMap((n) => (n ? [n.remoteId] : [])),
  };
}

export const lookups: Scenario = {
  name: 'lookups',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const standard = bambooKeysOf(directoryFields);
    const names = customAliases(size.definedCustom, size.fields - standard.length);
    const keys = [...standard, ...names];
    const ids = spreadIds(size.company, size.ids);
    const company = { people: size.company, customFields: size.definedCustom };
    const row = await withStack(ctx, company, { endpoint: 'lookups' }, (stack) =>
      iterated(ctx, stack, {
        scenario: 'lookups',
        shape: `${ids.length} employees by id × ${keys.length} fields (${standard.length} standard, ${names.length} custom)`,
        minimum: lookupsMinimum(ids.length, keys),
        runs: size.runs,
        naiveRuns: size.naiveRuns,
        graph: (client) => graphLookups(client, ids, names),
        script: (api) =>
          scriptRun(api, async () => [...(await handLookups(api, ids, keys)).keys()]),
        naiveWarm: (client) => graphLookups(client, ids.slice(0, 1), names.slice(0, 1)),
      }),
    );
    return [row];
  },
};
