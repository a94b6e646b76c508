/**
 * The issue's matrix, through GraphQL: pages of 1, 50 and 1,000 employees asking 5, 399, 400,
 * 401 and 650 provider fields, with and without the managers' fields, and the same through
 * `nodes(ids:)`. Each response's upstream calls must equal the minimum computed here from the
 * company's own data and BambooHR's limits — and every value must arrive. The matrix is split
 * over three files so that a 2-core machine runs them side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planGroupedLoad, type ReadOperation } from '../../../src/loaders/planner.js';
import { type HrGraphFixture, startHrGraph } from '../../support/hrgraph.js';

/** The fixture of the calling test file: a 1,200-person company with 700 custom fields. */
export function useFieldPlanningFixture(): () => HrGraphFixture {
  let hr: HrGraphFixture | undefined;
  beforeAll(async () => {
    hr = await startHrGraph({ company: { size: 1200, customFieldCount: 700, seed: 3 } });
    // Warm each account's field catalogue (cached for five minutes), so counts are per query.
    for (const account of ['acme', 'acme-oauth']) {
      await hr.query(
        'query($a: ID!) { employees(account: $a, first: 1) { nodes { customFields(names: ["firstName"]) } } }',
        { a: account },
      );
    }
  });
  afterAll(() => hr?.close());
  return () => {
    if (!hr) throw new Error('the field-planning fixture is not started');
    return hr;
  };
}

/** BambooHR's ceilings: 400 fields per report or Get Employee, our 1,000 ids per report. */
export const report: ReadOperation = {
  name: 'report',
  supplies: () => true,
  limits: { fieldsPerCall: 400, idsPerCall: { kind: 'many', max: 1000 } },
  bytesPerRecord: 1,
};
/** The employee dataset carries 400 fields, one of them the id. */
const datasetSlots = 399;

export const names = (hr: HrGraphFixture, f: number) =>
  hr.bamboo.sandbox.company.data.customFields.slice(0, f).map((c) => c.alias);

export function expected(
  hr: HrGraphFixture,
  account: string,
  n: number,
  f: number,
  nested: boolean,
) {
  const company = hr.bamboo.sandbox.company.data;
  const page = company.people.slice(0, n);
  const inPage = new Set(page.map((p) => p.id));
  // The dataset page carries what fits beside the id (and the manager id, when asked).
  const carried = account === 'acme' ? Math.max(0, datasetSlots - (nested ? 1 : 0)) : 0;
  const pageMissing = Math.max(0, f - carried);
  const groups = [
    {
      ids: pageMissing > 0 ? page.map((p) => String(p.id)) : [],
      fields: names(hr, f).slice(f - pageMissing),
    },
  ];
  if (nested) {
    const outside = [...new Set(page.map((p) => company.currentJob(p).managerId))].filter(
      (id): id is number => id !== null && !inPage.has(id),
    );
    groups.push({ ids: outside.map(String), fields: names(hr, f) });
  }
  return 1 + planGroupedLoad([report], groups, { companySize: company.people.length }).length;
}

export interface PageData {
  employees: {
    nodes: {
      remoteId: string;
      customFields: Record<string, string | null>;
      manager?: { remoteId: string; customFields: Record<string, string | null> } | null;
    }[];
  };
}

export function checkValues(hr: HrGraphFixture, nodes: PageData['employees']['nodes'], f: number) {
  const company = hr.bamboo.sandbox.company.data;
  const defs = company.customFields.slice(0, f);
  for (const node of nodes) {
    const person = company.person(Number(node.remoteId))!;
    for (const def of defs)
      expect(node.customFields[def.alias]).toBe(company.customValue(person, def));
    if (node.manager) {
      const manager = company.person(Number(node.manager.remoteId))!;
      for (const def of defs)
        expect(node.manager.customFields[def.alias]).toBe(company.customValue(manager, def));
    }
  }
}

export const matrix = [1, 50, 1000].flatMap((n) =>
  [5, 399, 400, 401, 650].map((f) => [n, f] as const),
);

/**
 * The page matrix for one account, with and without the managers' fields: called by one test
 * file per account, so the two run side by side.
 */
export function describePages(account: 'acme' | 'acme-oauth'): void {
  const hr = useFieldPlanningFixture();
  describe(`${account}: a page of N employees × F fields`, () => {
    it.each(matrix)('N=%i, F=%i: list + the planned minimum, every value present', async (n, f) => {
      const result = await hr().query<PageData>(
        /* GraphQL */ `
          query Page($account: ID!, $n: Int!, $names: [String!]!) {
            employees(account: $account, first: $n) { nodes { remoteId customFields(names: $names) } }
          }
        `,
        { account, n, names: names(hr(), f) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.employees.nodes).toHaveLength(n);
      expect(result.upstream.calls).toBe(expected(hr(), account, n, f, false));
      // Spot-check values on large pages; every value on small ones.
      checkValues(hr(), result.data!.employees.nodes.slice(0, 60), f);
    });

    it.each(matrix)('N=%i, F=%i with each manager’s fields too', async (n, f) => {
      const result = await hr().query<PageData>(
        /* GraphQL */ `
          query Nested($account: ID!, $n: Int!, $names: [String!]!) {
            employees(account: $account, first: $n) {
              nodes { remoteId customFields(names: $names) manager { remoteId customFields(names: $names) } }
            }
          }
        `,
        { account, n, names: names(hr(), f) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.upstream.calls).toBe(expected(hr(), account, n, f, true));
      checkValues(hr(), result.data!.employees.nodes.slice(0, 60), f);
    });
  });
}
