/**
 * Issue 15, item 4: "paging both ways where supported (and the refusal where not)" and
 * "capabilities (unsupplied fields null at no cost)", over every provider with a kit and each of
 * its accounts. A walk of 7 at a time meets every person exactly once, at one provider call a
 * page; a provider that pages forward only refuses `last` with a coded error and no call.
 */
import { describe, expect, it } from 'vitest';
import type { EmployeeField } from '../../src/core/model.js';
import type { GraphQLResult } from '../support/hrgraph.js';
import { useKitGraph } from './graph.js';
import { loadKits } from './kits.js';

const kits = await loadKits();
const step = 7;

interface Page {
  employees: {
    nodes: { remoteId: string }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  } | null;
}

const pageDocument = /* GraphQL */ `
  query Walk($account: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    employees(account: $account, first: $first, after: $after, last: $last, before: $before) {
      nodes { remoteId }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

/** How a field is selected when it is an object. */
const objectSelection: Partial<Record<EmployeeField, string>> = {
  homeAddress: '{ city }',
  manager: '{ remoteId }',
  department: '{ name }',
  division: '{ name }',
  location: '{ name }',
};

describe.each(kits.map((kit) => [kit.provider, kit] as const))(
  '%s: paging and capabilities',
  (_, kit) => {
    const started = useKitGraph(kit);

    const everyone = () =>
      started()
        .sandbox.company.people.map((p) => started().sandbox.remoteId(p))
        .sort();
    const pagesOf = () => Math.ceil(started().sandbox.company.people.length / step);

    /** Walks the account 7 at a time in one direction: who came, and the provider calls it took. */
    async function walk(account: string, direction: 'forward' | 'backward') {
      // Credentials are proven (a token fetched) before counting: the walk's calls are its pages.
      await started().graph.query(pageDocument, { account, first: 1 });
      const seen: string[] = [];
      let cursor: string | null = null;
      let calls = 0;
      for (let pages = 0; pages <= pagesOf(); pages++) {
        const result: GraphQLResult<Page> = await started().graph.query<Page>(
          pageDocument,
          direction === 'forward'
            ? { account, first: step, after: cursor }
            : { account, last: step, before: cursor },
        );
        expect(result.errors, account).toBeUndefined();
        calls += result.upstream.calls;
        const { nodes, pageInfo } = result.data!.employees!;
        seen.push(...nodes.map((n) => n.remoteId));
        const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
        if (!more) break;
        cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
      }
      return { seen: [...seen].sort(), calls };
    }

    it.each(['forward', 'backward'] as const)(
      '%s, 7 at a time: everyone exactly once, one call a page (backward: and the end found first); or refused at no cost',
      async (direction) => {
        const { sandbox, graph } = started();
        for (const { config, limits } of sandbox.accounts) {
          if (!limits.directions.includes(direction)) {
            const refused = await graph.query<Page>(pageDocument, {
              account: config.id,
              last: step,
            });
            expect(refused.errors?.[0]?.extensions?.code, config.id).toBe('BAD_USER_INPUT');
            expect(refused.upstream.calls, config.id).toBe(0);
            continue;
          }
          expect(await walk(config.id, direction), config.id).toEqual({
            seen: everyone(),
            calls: pagesOf() + (direction === 'backward' ? limits.callsToFindTheEnd : 0),
          });
        }
      },
    );

    it('a field the provider cannot supply is null, says so in capabilities, and costs no call', async () => {
      const { sandbox, graph } = started();
      for (const { config } of sandbox.accounts) {
        const capabilities = await graph.query<{
          account: { capabilities: { employeeFields: string[] } };
        }>(
          /* GraphQL */ `query Capabilities($id: ID!) { account(id: $id) { capabilities { employeeFields } } }`,
          { id: config.id },
        );
        const supplied = capabilities.data!.account.capabilities.employeeFields;
        for (const field of sandbox.unsupplied) {
          expect(supplied, `${config.id} ${field}`).not.toContain(field);
          const result = await graph.query<{ employees: { nodes: Record<string, unknown>[] } }>(
            /* GraphQL */ `query Unsupplied($account: ID!) {
            employees(account: $account, first: 5) { nodes { remoteId ${field} ${objectSelection[field] ?? ''} } }
          }`,
            { account: config.id },
          );
          expect(result.errors, `${config.id} ${field}`).toBeUndefined();
          expect(
            result.data!.employees.nodes.map((n) => n[field]),
            `${config.id} ${field}`,
          ).toEqual(Array(5).fill(null));
          // The page alone: the unsupplied field adds nothing.
          expect(result.upstream.calls, `${config.id} ${field}`).toBe(1);
        }
      }
    });
  },
);
