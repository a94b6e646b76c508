/**
 * Direct reports through an org index (src/loaders/direct-reports.ts) over a scripted base: the
 * index names who reports to whom, and the reports' fields come through the loaders' planned
 * reads, which also tell whom a stale index still names.
 */
import { describe, expect, it } from 'vitest';
import type { Capabilities, ProviderAdapter } from '../../src/core/contract/index.js';
import { accountId, type EntityRef, remoteId } from '../../src/core/ids.js';
import { createDirectReports, type DirectReportsBase } from '../../src/loaders/direct-reports.js';
import type { OrgIndex } from '../../src/loaders/org-index.js';

const account = accountId('acme');
const ref = (id: string): EntityRef => ({ accountId: account, remoteId: remoteId(id) });

function base(existing: readonly string[]) {
  const prefetched: { ids: string[]; fields: readonly string[] }[] = [];
  const adapter = {
    accountId: account,
    capabilities: {
      filters: [],
      employeeFields: ['firstName', 'manager'],
    } as unknown as Capabilities,
  } as ProviderAdapter;
  const loaders: DirectReportsBase = {
    account: () => adapter,
    listEmployees: () => {
      throw new Error('the index is given: no list');
    },
    employeeField: () => null,
    async prefetchEmployees(refs, fields) {
      prefetched.push({ ids: refs.map((r) => r.remoteId), fields: fields.unified });
      return refs.filter((r) => existing.includes(r.remoteId));
    },
  };
  return { loaders, prefetched };
}

const index: OrgIndex = new Map([[remoteId('1'), ['2', '3', '4'].map(remoteId)]]);
const given = async () => index;

describe('direct reports from an org index', () => {
  it('one planned read for every manager’s reports; whom a read proves gone is left out', async () => {
    const { loaders, prefetched } = base(['2', '4', '6']);
    const reports = createDirectReports(loaders, { orgIndexes: given });
    const [a, b] = await Promise.all([
      reports(ref('1'), ['firstName']),
      reports(ref('5'), ['firstName', 'hireDate']),
    ]);
    expect(a.map((row) => row.remoteId)).toEqual(['2', '4']);
    expect(b).toEqual([]);
    // One batch for both managers; a field the provider does not supply is not asked for.
    expect(prefetched).toEqual([{ ids: ['2', '3', '4'], fields: ['firstName'] }]);
  });

  it('asks nothing when no supplied field of the reports is selected', async () => {
    const { loaders, prefetched } = base([]);
    const reports = createDirectReports(loaders, { orgIndexes: given });
    const rows = await reports(ref('1'), ['hireDate']);
    expect(rows.map((row) => row.remoteId)).toEqual(['2', '3', '4']);
    expect(prefetched).toEqual([]);
  });
});
