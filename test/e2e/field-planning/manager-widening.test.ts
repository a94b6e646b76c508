/**
 * Issue 15, item 5: "when a page's managers are on the page but the manager selection asks for a
 * field the page did not (`id manager { displayName }`), the managers are read again instead of
 * widening the page call (API-key BambooHR …: 2 calls where 1 suffices)". The page carries what
 * `manager { … }` asks (at any depth) when its one call can carry all of it; managers off the page
 * are one planned read; and a union that no longer fits the call is planned as without it, so
 * widening never adds a call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HrGraphFixture, operations, startHrGraph } from '../../support/hrgraph.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 200, customFieldCount: 420, seed: 9 } });
  // Each account's field catalogue and org lists, cached for the file: counts are per query.
  for (const a of ['acme', 'acme-oauth']) {
    await hr.query(
      'query($a: ID!) { employees(account: $a, first: 1) { nodes { customFields(names: ["firstName"]) department { name } } } }',
      { a },
    );
  }
});
afterAll(() => hr.close());

const company = () => hr.bamboo.sandbox.company.data;
const customNames = (from: number, to: number) =>
  company()
    .customFields.slice(from, to)
    .map((c) => c.alias);

interface Node {
  remoteId: string;
  manager: { remoteId: string; displayName?: string; workEmail?: string } | null;
}

async function page(account: string, selection: string, variables: Record<string, unknown> = {}) {
  const types: Record<string, string> = {
    order: '[EmployeeOrder!]',
    a: '[String!]!',
    b: '[String!]!',
  };
  const declared = Object.keys(variables).map((name) => `, $${name}: ${types[name]}`);
  const order = 'order' in variables ? ', orderBy: $order' : '';
  const result = await hr.query<{ employees: { nodes: Node[] } }>(
    /* GraphQL */ `
      query Page($account: ID!${declared.join('')}) {
        employees(account: $account, first: 20${order}) { nodes { remoteId ${selection} } }
      }
    `,
    { account, ...variables },
  );
  expect(result.errors).toBeUndefined();
  return result;
}

/** Managers of the page's people, and those of them not on the page. */
function managersOf(nodes: readonly Node[]) {
  const ids = new Set(nodes.map((n) => n.remoteId));
  const managers = [
    ...new Set(
      nodes.flatMap((n) => {
        const id = company().currentJob(company().person(Number(n.remoteId))!).managerId;
        return id === null ? [] : [String(id)];
      }),
    ),
  ];
  return { managers, off: managers.filter((id) => !ids.has(id)) };
}

describe('a page carries what its managers are asked for, when its call can', () => {
  it('API key, `id manager { displayName }`, every manager on the page: the page call alone', async () => {
    const result = await page('acme', 'id manager { remoteId displayName }');
    const nodes = result.data!.employees.nodes;
    expect(managersOf(nodes).off).toEqual([]);
    expect(operations(result.upstream)).toEqual(['bamboohr.datasetEmployees']);
    // The id, the manager's id and the display name.
    expect(result.upstream.entries[0]!.fields).toBe(3);
    // The same names the OAuth account reads with a report.
    const oauth = await page('acme-oauth', 'id manager { remoteId displayName }');
    expect(nodes.map((n) => n.manager)).toEqual(oauth.data!.employees.nodes.map((n) => n.manager));
    expect(nodes.filter((n) => n.manager).every((n) => n.manager!.displayName)).toBe(true);
  });

  it('OAuth, `manager { displayName }`: GET /v1/employees cannot return it, so the managers are one report', async () => {
    const result = await page('acme-oauth', 'manager { displayName }');
    expect(operations(result.upstream)).toEqual([
      'bamboohr.listEmployees',
      'bamboohr.customReport',
    ]);
  });

  it('OAuth, `manager { firstName workEmail }`: fields the list endpoint can return ride on the page', async () => {
    const result = await page('acme-oauth', 'manager { firstName workEmail }');
    expect(operations(result.upstream)).toEqual(['bamboohr.listEmployees']);
    // Everyone but the CEO has a manager, and every manager has a work email.
    expect(result.data!.employees.nodes.filter((n) => n.manager?.workEmail).length).toBe(19);
  });

  it('through `manager { manager { … } }` and the manager’s department, at no extra call', async () => {
    const result = await page(
      'acme',
      'manager { displayName department { name } manager { displayName jobTitle } }',
    );
    expect(operations(result.upstream)).toEqual(['bamboohr.datasetEmployees']);
  });

  it('managers off the page: one report for exactly those, asking only what they lack', async () => {
    const result = await page('acme', 'manager { remoteId displayName }', {
      order: [{ field: 'REMOTE_ID', direction: 'DESC' }],
    });
    const { off } = managersOf(result.data!.employees.nodes);
    expect(off.length).toBeGreaterThan(0);
    expect(operations(result.upstream)).toEqual([
      'bamboohr.datasetEmployees',
      'bamboohr.customReport',
    ]);
    expect(result.upstream.entries[1]).toMatchObject({ ids: off.length, fields: 1 });
  });

  it('a union within the dataset’s 399 fields rides on the page: 380 fields + 15 of the managers’', async () => {
    const result = await page(
      'acme',
      'customFields(names: $a) manager { customFields(names: $b) }',
      {
        a: customNames(0, 380),
        b: customNames(380, 395),
      },
    );
    expect(operations(result.upstream)).toEqual(['bamboohr.datasetEmployees']);
    // The id, the manager's id, 395 custom fields.
    expect(result.upstream.entries[0]!.fields).toBe(397);
  });

  it('a union past the 399 fields is planned as without it: 390 fields + 15 of the managers’ is still 2 calls', async () => {
    const result = await page(
      'acme',
      'customFields(names: $a) manager { customFields(names: $b) }',
      {
        a: customNames(0, 390),
        b: customNames(390, 405),
      },
    );
    expect(operations(result.upstream)).toEqual([
      'bamboohr.datasetEmployees',
      'bamboohr.customReport',
    ]);
    // The page carries its own 390 beside the ids; the report, the managers' 15.
    expect(result.upstream.entries.map((e) => e.fields)).toEqual([392, 15]);
  });
});
