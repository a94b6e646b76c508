/**
 * nested: the 100 newest employees, each with their manager, department, pay history and this
 * year's time off. The managers outside the page need a second call, which must wait for the page; pay and
 * time off are whole-company reads.
 */

import { createCompany } from '../../src/sandbox/company/index.js';
import { handNested } from '../baselines/hand-written/nested.js';
import { type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import { nestedPage } from '../minimums.js';
import { bambooKeysOf, nestedManagerFields, nestedPageFields, selectionOf } from './fields.js';
import { iterated, scriptRun } from './iterated.js';
import { withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{ company: number; people: number; runs: number; naiveRuns: number }> = {
  full: { company: 1000, people: 100, runs: 15, naiveRuns: 3 },
  quick: { company: 300, people: 50, runs: 5, naiveRuns: 1 },
  tiny: { company: 30, people: 10, runs: 1, naiveRuns: 1 },
};

export const nestedQuery = /* GraphQL */ `
  query Nested($account: ID!, $first: Int!, $start: Date!, $end: Date!) {
    employees(account: $account, first: $first, orderBy: [{ field: REMOTE_ID, direction: DESC }]) {
      nodes {
        remoteId ${selectionOf(nestedPageFields)}
        manager { ${selectionOf(nestedManagerFields)} }
        compensations { effectiveDate pay { amount currency } payType payPeriod }
        timeOff(start: $start, end: $end) { startDate endDate amount unit status type { name } }
      }
    }
  }
`;

interface NestedPage {
  readonly employees: { readonly nodes: readonly { readonly remoteId: string }[] };
}

async function graphNested(
  client: GraphQLClient,
  people: number,
  window: { start: string; end: string },
) {
  const reply = await client.query<NestedPage>(nestedQuery, {
    account: ACCOUNT,
    first: people,
    ...window,
  });
  return { spans: spansOf(reply.upstream), ids: reply.data.employees.nodes.map((n) => n.remoteId) };
}

export const nested: Scenario = {
  name: 'nested',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const company = createCompany({ size: size.company, customFieldCount: 0 });
    // The newest records (highest ids first): their managers mostly sit outside the page, where
    // the first page by id holds the founders, who manage one another.
    const page = company.people.slice(-size.people).reverse();
    const inPage = new Set(page.map((p) => p.id));
    const outside = new Set(
      page
        .map((p) => company.currentJob(p).managerId)
        .filter((id) => id !== null && !inPage.has(id)),
    );
    const year = company.today.slice(0, 4);
    const window = { start: `${year}-01-01`, end: `${year}-12-31` };
    const pageKeys = bambooKeysOf(nestedPageFields);
    const managerKeys = bambooKeysOf(nestedManagerFields);
    const row = await withStack(
      ctx,
      { people: size.company, customFields: 0 },
      { endpoint: 'nested' },
      (stack) =>
        iterated(ctx, stack, {
          scenario: 'nested',
          shape: `the ${size.people} newest employees with department, manager (${outside.size} outside the page), pay history and ${year}'s time off`,
          minimum: nestedPage(size.people, pageKeys, outside.size, managerKeys),
          runs: size.runs,
          naiveRuns: size.naiveRuns,
          graph: (client) => graphNested(client, size.people, window),
          script: (api) =>
            scriptRun(api, async () =>
              (
                await handNested(api, size.people, pageKeys, managerKeys, window, '-employeeId')
              ).map((r) => String(r.employee.employeeId)),
            ),
          naiveWarm: (client) => graphNested(client, 1, window),
        }),
    );
    return [row];
  },
};
