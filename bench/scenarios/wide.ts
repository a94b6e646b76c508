/**
 * wide: 1,000 employees × 650 fields — every standard field BambooHR has, and custom fields to
 * make up the rest. The list call carries what it can; the rest takes custom reports of at most
 * 400 fields, which need the page's ids first.
 */
import { handWide } from '../baselines/hand-written/wide.js';
import { type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import { pagedList } from '../minimums.js';
import { bambooKeysOf, customAliases, selectionOf, standardFields } from './fields.js';
import { iterated, scriptRun } from './iterated.js';
import { withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{
  company: number;
  people: number;
  fields: number;
  definedCustom: number;
  runs: number;
  naiveRuns: number;
}> = {
  full: { company: 2000, people: 1000, fields: 650, definedCustom: 650, runs: 8, naiveRuns: 1 },
  quick: { company: 400, people: 200, fields: 650, definedCustom: 650, runs: 3, naiveRuns: 1 },
  tiny: { company: 30, people: 20, fields: 36, definedCustom: 5, runs: 1, naiveRuns: 1 },
};

export const wideQuery = /* GraphQL */ `
  query Wide($account: ID!, $first: Int!, $names: [String!]!) {
    employees(account: $account, first: $first) {
      nodes { remoteId ${selectionOf(standardFields)} customFields(names: $names) }
    }
  }
`;

interface WidePage {
  readonly employees: { readonly nodes: readonly { readonly remoteId: string }[] };
}

async function graphWide(client: GraphQLClient, people: number, names: readonly string[]) {
  const reply = await client.query<WidePage>(wideQuery, { account: ACCOUNT, first: people, names });
  return { spans: spansOf(reply.upstream), ids: reply.data.employees.nodes.map((n) => n.remoteId) };
}

export const wide: Scenario = {
  name: 'wide',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const standard = bambooKeysOf(standardFields);
    const names = customAliases(size.definedCustom, size.fields - standard.length);
    const keys = [...standard, ...names];
    const company = { people: size.company, customFields: size.definedCustom };
    const row = await withStack(ctx, company, { endpoint: 'wide' }, (stack) =>
      iterated(ctx, stack, {
        scenario: 'wide',
        shape: `${size.people} employees × ${keys.length} fields (${standard.length} standard, ${names.length} custom), one page`,
        minimum: pagedList(size.people, size.people, keys),
        runs: size.runs,
        naiveRuns: size.naiveRuns,
        graph: (client) => graphWide(client, size.people, names),
        script: (api) =>
          scriptRun(api, async () => [...(await handWide(api, size.people, keys)).keys()]),
        naiveWarm: (client) => graphWide(client, 1, names.slice(0, 1)),
        employeeFieldsPerRequest: size.people * keys.length,
      }),
    );
    return [row];
  },
};
