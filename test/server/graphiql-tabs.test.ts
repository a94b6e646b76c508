import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from '../../src/cli/demo/index.js';
import { createHttpClient, type HttpClient } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { createAdapter } from '../../src/providers/registry.js';
import { schema } from '../../src/schema/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { graphiqlOptions } from '../../src/server/graphiql.js';
import { operationLimitRules } from '../../src/server/plugins/use-operation-limits.js';
import { queryThrough } from '../support/hrgraph.js';

// The schema is built with the CommonJS graphql (through Pothos), which vitest loads beside the
// ESM one; validate with the same instance.
const { parse, specifiedRules, validate, Kind } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

type SelectionSet = import('graphql').SelectionSetNode;

describe('GraphiQL starter tabs', () => {
  it.each([undefined, 'acme-oauth'])(
    'are valid against the schema and within the operation limits (example account %s)',
    (account) => {
      const tabs = graphiqlOptions(account).defaultTabs ?? [];
      expect(tabs.length).toBeGreaterThanOrEqual(4);
      for (const tab of tabs) {
        const rules = [...specifiedRules, ...operationLimitRules()];
        expect(validate(schema, parse(tab.query ?? ''), rules)).toEqual([]);
      }
    },
  );
});

/** Every field path a selection asks for (`employees.nodes.timeOff.type.name`), by response key. */
function selectedPaths(set: SelectionSet, prefix = ''): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) throw new Error('starter tabs select plain fields');
    const path = `${prefix}${(selection.alias ?? selection.name).value}`;
    return [
      path,
      ...(selection.selectionSet ? selectedPaths(selection.selectionSet, `${path}.`) : []),
    ];
  });
}

/** The paths where the response holds something: not null, not an empty list. */
function filledPaths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) filledPaths(item, prefix, into);
    return into;
  }
  if (value === null || typeof value !== 'object') return into;
  for (const [key, child] of Object.entries(value)) {
    const path = `${prefix}${key}`;
    if (child !== null && !(Array.isArray(child) && child.length === 0)) into.add(path);
    filledPaths(child, `${path}.`, into);
  }
  return into;
}

// The bug this guards: the demo company's time off ended in 2026-09 while "this month" followed
// the wall clock, so the time-off tab showed nobody. Dated by its reference day, the company has
// data around any "now": a year's start, a month's, a leap-less February's end, years ahead.
describe.each(['2026-01-01', '2026-12-03', '2027-02-28', '2030-06-15'])(
  'GraphiQL starter tabs on the demo company dated %s',
  (today) => {
    let demo: Demo;
    let http: HttpClient;
    let query: ReturnType<typeof queryThrough>;
    let exampleAccount: string;

    beforeAll(async () => {
      demo = await startDemo({ today });
      http = createHttpClient();
      const adapters = demo.accounts.map((config) => createAdapter(config, { http }));
      exampleAccount = adapters[0]!.accountId;
      query = queryThrough(
        createHrGraphServer({
          adapters,
          createLoaders,
          development: false,
          logging: false,
          now: () => new Date(`${today}T12:00:00Z`),
        }),
      );
    });
    afterAll(async () => {
      await http?.close();
      await demo?.stop();
    });

    it('every tab answers without errors, and every field it selects holds data somewhere', async () => {
      const tabs = graphiqlOptions(exampleAccount).defaultTabs ?? [];
      expect(tabs.length).toBeGreaterThanOrEqual(4);
      for (const tab of tabs) {
        const document = parse(tab.query ?? '');
        const [operation] = document.definitions;
        if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('a tab is one query');
        const name = operation.name?.value;
        // As GraphiQL sends it: with the tab's variables (its $account).
        const variables = JSON.parse(tab.variables ?? '{}') as Record<string, unknown>;
        const result = await query(tab.query ?? '', variables);
        expect([name, result.errors]).toEqual([name, undefined]);
        const filled = filledPaths(result.data);
        const empty = selectedPaths(operation.selectionSet).filter((path) => !filled.has(path));
        expect([name, empty]).toEqual([name, []]);
      }
    });

    it('the four sandboxes project one company: one work email, one person, one hire date', async () => {
      type Node = { workEmail: string; lastName: string; hireDate: string | null };
      const result = await query<{
        accounts: { id: string; employees: { nodes: Node[] } }[];
      }>(/* GraphQL */ `{
        accounts { id employees(first: 200) { nodes { workEmail lastName hireDate } } }
      }`);
      expect(result.errors).toBeUndefined();
      const [bamboo, ...others] = result.data!.accounts;
      const truth = new Map(bamboo!.employees.nodes.map((n) => [n.workEmail, n]));
      expect(truth.size).toBe(200);
      let hireDatesCompared = 0;
      for (const account of others) {
        expect(account.employees.nodes.length, account.id).toBeGreaterThan(150);
        for (const node of account.employees.nodes) {
          const person = truth.get(node.workEmail);
          // Identity directories keep no hire date; those that do must agree.
          if (node.hireDate !== null) hireDatesCompared++;
          const seen = { ...node, hireDate: node.hireDate ?? person?.hireDate };
          expect([account.id, seen]).toEqual([account.id, person]);
        }
      }
      expect(hireDatesCompared).toBeGreaterThan(150);
    });
  },
);
