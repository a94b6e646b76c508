/**
 * federation: 200 Employee entities through a gateway. A client asks the example Apollo Gateway
 * for everyone holding a laptop in the example inventory subgraph, with 30 HR fields each; the
 * gateway asks the inventory for the holders, then hrgraph's `_entities` for their fields, which
 * hrgraph plans like any lookup by id: one report. The hand-written server stands behind the same
 * gateway as a subgraph of its own, answering the gateway's `_entities` request by hand: both then
 * pay the gateway's planning and hop alike, and differ only by what answers the hop.
 */

import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { handFederation } from '../baselines/hand-written/federation.js';
import { createGraphQLClient, type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import { lookups as lookupsMinimum } from '../minimums.js';
import { bambooKeysOf, customAliases, directoryFields, selectionOf } from './fields.js';
import { iterated, scriptRun } from './iterated.js';
import { spreadIds } from './lookups.js';
import { withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{
  company: number;
  holders: number;
  fields: number;
  definedCustom: number;
  runs: number;
  naiveRuns: number;
}> = {
  full: { company: 1000, holders: 200, fields: 30, definedCustom: 50, runs: 15, naiveRuns: 3 },
  quick: { company: 300, holders: 100, fields: 30, definedCustom: 50, runs: 5, naiveRuns: 1 },
  tiny: { company: 30, holders: 10, fields: 15, definedCustom: 5, runs: 1, naiveRuns: 1 },
};

const federationQuery = /* GraphQL */ `
  query Holders($names: [String!]!) {
    deviceHolders(kind: LAPTOP) { remoteId ${selectionOf(directoryFields)} customFields(names: $names) }
  }
`;

interface HoldersReply {
  readonly deviceHolders: readonly { readonly remoteId: string }[];
}

async function throughGateway(client: GraphQLClient, names: readonly string[]) {
  const reply = await client.query<HoldersReply>(federationQuery, { names });
  return { spans: spansOf(reply.upstream), ids: reply.data.deviceHolders.map((h) => h.remoteId) };
}

export const federation: Scenario = {
  name: 'federation',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const standard = bambooKeysOf(directoryFields);
    const names = customAliases(size.definedCustom, size.fields - standard.length);
    const keys = [...standard, ...names];
    const holderIds = spreadIds(size.company, size.holders).map((id) =>
      toGlobalId('Employee', { accountId: accountId(ACCOUNT), remoteId: remoteId(id) }),
    );
    const company = { people: size.company, customFields: size.definedCustom };
    const row = await withStack(ctx, company, { endpoint: 'entities' }, async (stack) => {
      const gateway = await ctx.hosts.gateway({
        subgraphs: {
          hrgraph: stack.hrgraphServer.url,
          server: `${stack.handServer.url}/entities`,
          naive: stack.naiveServer?.url ?? null,
        },
        holderIds,
      });
      const viaHrgraph = createGraphQLClient(gateway.hrgraph);
      const viaServer = createGraphQLClient(gateway.server);
      const viaNaive = gateway.naive ? createGraphQLClient(gateway.naive) : null;
      try {
        return await iterated(
          ctx,
          { ...stack, hrgraph: viaHrgraph, server: viaServer, naive: viaNaive },
          {
            scenario: 'federation',
            shape: `${holderIds.length} Employee entities × ${keys.length} fields through Apollo Gateway, after the example inventory subgraph`,
            minimum: lookupsMinimum(holderIds.length, keys),
            runs: size.runs,
            naiveRuns: size.naiveRuns,
            graph: (client) => throughGateway(client, names),
            script: (api) =>
              scriptRun(api, async () => [
                ...(await handFederation(api, gateway.inventory, keys)).keys(),
              ]),
            naiveWarm: (client) => throughGateway(client, names.slice(0, 1)),
            notes: [
              "hrgraph, the hand-written server and the naive baseline are each a subgraph behind the same gateway (a hop over HTTP); the hand-written server answers the gateway's `_entities` request by hand, composed with hrgraph's SDL. The hand-written script asks the inventory, then BambooHR.",
            ],
          },
        );
      } finally {
        await Promise.all([viaHrgraph.close(), viaServer.close(), viaNaive?.close()]);
        await gateway.close();
      }
    });
    return [row];
  },
};
