/**
 * Issue 15, item 5: "Gusto `directReports` reads the whole company per request … give slowly
 * changing lookups (groups, locations, an org index for direct reports) a shared, bounded,
 * per-account cache with a stated freshness." Driven over BambooHR with its manager filter taken
 * away (what a provider like Gusto declares), through the real loaders and schema: the walk that
 * builds the index is made once per freshness, not once per request, and answers what the manager
 * filter answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/core/contract/index.js';
import { createLookupCache, orgIndexFreshnessMs } from '../../src/loaders/index.js';
import { type BambooHrFixture, startBambooHr } from '../support/bamboohr.js';
import { graphqlOver, operations, type QueryFn } from '../support/hrgraph.js';

/** The adapter as a provider without a manager filter would declare it. */
function withoutManagerFilter(adapter: ProviderAdapter): ProviderAdapter {
  const { list } = adapter.employees;
  const noManagers = <T>(filters: readonly T[]) => filters.filter((f) => f !== 'managers');
  return {
    ...adapter,
    capabilities: { ...adapter.capabilities, filters: noManagers(adapter.capabilities.filters) },
    employees: { ...adapter.employees, list: { ...list, filters: noManagers(list.filters) } },
  };
}

const reportsDoc = /* GraphQL */ `
  query Reports($account: ID!) {
    employees(account: $account, first: 3) {
      nodes { remoteId directReports(first: 50) { totalCount nodes { remoteId firstName } } }
    }
  }
`;

interface ReportsData {
  employees: {
    nodes: {
      remoteId: string;
      directReports: { totalCount: number; nodes: { remoteId: string; firstName: string }[] };
    }[];
  };
}

let bamboo: BambooHrFixture;
// Not 0: lru-cache reads a start time of 0 as "no time kept".
let clock = 1_000_000;
let query: QueryFn;
let filtered: QueryFn;

beforeAll(async () => {
  // 1,200 people: the index's walk is two dataset pages of 1,000.
  bamboo = await startBambooHr({ company: { size: 1200, seed: 5 } });
  const lookupCache = createLookupCache({ now: () => clock });
  query = graphqlOver([withoutManagerFilter(bamboo.apiKey)], { lookupCache });
  filtered = graphqlOver([bamboo.apiKey]);
  // The field catalogue is a lookup of its own; warmed so the counts below are the index's.
  await query(
    '{ employees(account: "acme", first: 1) { nodes { customFields(names: ["firstName"]) } } }',
  );
});
afterAll(() => bamboo.close());

function expectedReports(manager: string) {
  const company = bamboo.sandbox.company.data;
  return company.people
    .filter((p) => String(company.currentJob(p).managerId) === manager)
    .map((p) => ({ remoteId: String(p.id), firstName: p.firstName }));
}

describe('the org index of a provider without a manager filter', () => {
  it('answers what the manager filter answers, reports in list order with their fields', async () => {
    const [viaIndex, viaFilter] = [
      await query<ReportsData>(reportsDoc, { account: 'acme' }),
      await filtered<ReportsData>(reportsDoc, { account: 'acme' }),
    ];
    expect(viaIndex.errors).toBeUndefined();
    expect(viaIndex.data).toEqual(viaFilter.data);
    for (const node of viaIndex.data!.employees.nodes) {
      const expected = expectedReports(node.remoteId);
      expect(node.directReports.totalCount).toBe(expected.length);
      expect(node.directReports.nodes).toEqual(expected.slice(0, 50));
    }
    expect(viaIndex.data!.employees.nodes.some((n) => n.directReports.totalCount > 0)).toBe(true);
  });

  it('is read once per stated freshness: later requests pay only the page and the reports’ fields', async () => {
    clock += orgIndexFreshnessMs + 1;
    const first = await query<ReportsData>(reportsDoc, { account: 'acme' });
    // The page, the walk (two pages with only the manager key), one report for the reports' names.
    expect(operations(first.upstream)).toEqual([
      'bamboohr.datasetEmployees',
      'bamboohr.datasetEmployees',
      'bamboohr.datasetEmployees',
      'bamboohr.customReport',
    ]);
    const walk = first.upstream.entries.slice(1, 3);
    expect(walk.map((entry) => entry.fields)).toEqual([2, 2]);

    clock += orgIndexFreshnessMs - 1;
    const again = await query<ReportsData>(reportsDoc, { account: 'acme' });
    expect(again.data).toEqual(first.data);
    expect(operations(again.upstream)).toEqual([
      'bamboohr.datasetEmployees',
      'bamboohr.customReport',
    ]);

    clock += 2;
    const stale = await query<ReportsData>(reportsDoc, { account: 'acme' });
    expect(stale.upstream.calls).toBe(4);
  });

  it('costs no call for reports whose fields are not asked for once the index is warm', async () => {
    clock += orgIndexFreshnessMs + 1;
    await query(reportsDoc, { account: 'acme' });
    const ids = await query<ReportsData>(
      '{ employees(account: "acme", first: 3) { nodes { directReports(first: 5) { nodes { remoteId } } } } }',
    );
    expect(ids.errors).toBeUndefined();
    expect(operations(ids.upstream)).toEqual(['bamboohr.datasetEmployees']);
  });

  it('a walk that fails is an error at the directReports paths of its account only, and is not kept', async () => {
    clock += orgIndexFreshnessMs + 1;
    const doc = /* GraphQL */ `{
      employees(account: "acme", first: 2) { nodes { firstName directReports(first: 5) { nodes { remoteId } } } }
    }`;
    // The page is served; the walk's first page is cut mid-document.
    bamboo.sandbox.faults.enqueue(
      { kind: 'latency', ms: 0 },
      { path: '/v2/datasets/employee/data' },
    );
    bamboo.sandbox.faults.enqueue({ kind: 'malformed' }, { path: '/v2/datasets/employee/data' });
    const failed = await query<{
      employees: { nodes: { firstName: string; directReports: unknown }[] };
    }>(doc);
    expect(failed.errors?.length).toBeGreaterThan(0);
    for (const error of failed.errors ?? []) {
      expect(error.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
      expect(error.path).toEqual(['employees', 'nodes', expect.any(Number), 'directReports']);
    }
    expect(failed.data?.employees.nodes.map((n) => n.firstName)).toEqual(
      bamboo.sandbox.company.data.people.slice(0, 2).map((p) => p.firstName),
    );
    const retried = await query(doc);
    expect(retried.errors).toBeUndefined();
    expect(retried.upstream.calls).toBe(3);
  });
});
