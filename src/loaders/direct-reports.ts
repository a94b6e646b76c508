/**
 * Direct reports. Every `directReports` of one tick joins one batch per account: when the
 * provider can filter by manager, one filtered list (paged natively, carrying the fields the
 * selection needs and `manager`) returns the reports of all the managers asked about; when it
 * cannot, the account's org index (org-index.ts: the whole list read with only `manager`, shared
 * between requests for a stated freshness) names them, and their fields are one planned read.
 * Either way the cost does not grow with the number of managers on the page. Each field then
 * pages over its own reports in memory.
 */
import DataLoader from 'dataloader';
import type { EmployeeFilter, ProviderAdapter } from '../core/contract/index.js';
import type { AccountId, EntityRef, RemoteId } from '../core/ids.js';
import type { EmployeeField } from '../core/model.js';
import { indexOf, type OrgIndexes, unsharedOrgIndexes } from './org-index.js';
import { badReply } from './reply-checks.js';
import { asError } from './settle.js';
import type { EmployeeRow, HrLoaders } from './types.js';

interface ReportsKey {
  readonly manager: EntityRef;
  readonly fields: readonly EmployeeField[];
}

/** Guards against a provider that never stops returning a next page. */
const maxListPages = 10_000;
/** Managers per filtered list call, so the provider's filter expression stays small. */
const managersPerCall = 200;

export type DirectReportsBase = Pick<
  HrLoaders,
  'account' | 'listEmployees' | 'employeeField' | 'prefetchEmployees'
>;

export interface DirectReportsOptions {
  /**
   * Where the org indexes of providers without a manager filter are kept between requests.
   * @default unsharedOrgIndexes: every request walks the list again
   */
  readonly orgIndexes?: OrgIndexes;
}

async function listAll(
  loaders: DirectReportsBase,
  adapter: ProviderAdapter,
  filter: EmployeeFilter,
  fields: readonly EmployeeField[],
): Promise<Map<RemoteId, EmployeeRow[]>> {
  const reports = new Map<RemoteId, EmployeeRow[]>();
  // Within one walk every person comes once; a provider repeating one is answering wrongly.
  const seen = new Set<RemoteId>();
  let native: string | null = null;
  for (let pages = 0; pages < maxListPages; pages++) {
    const page = await loaders.listEmployees(adapter.accountId, {
      filter,
      order: [],
      direction: 'forward',
      limit: adapter.capabilities.maxPageSize,
      native,
      fields: { unified: [...new Set<EmployeeField>([...fields, 'manager'])], raw: [] },
    });
    const managers = await Promise.all(
      page.records.map((row) => loaders.employeeField(row, 'manager')),
    );
    page.records.forEach((row, i) => {
      if (seen.has(row.remoteId)) {
        throw badReply(
          { accountId: adapter.accountId, operation: 'employee list' },
          'the same person twice in one walk',
        );
      }
      seen.add(row.remoteId);
      const manager = managers[i];
      if (manager) reports.set(manager, [...(reports.get(manager) ?? []), row]);
    });
    native = page.next;
    if (native === null) break;
  }
  return reports;
}

/**
 * The reports the org index names, their fields read through the planned reads. One the index
 * names that a read proves gone since is left out: a stale index never shows someone not there.
 */
async function reportsFromIndex(
  loaders: DirectReportsBase,
  adapter: ProviderAdapter,
  keys: readonly ReportsKey[],
  orgIndexes: OrgIndexes,
): Promise<Map<RemoteId, EmployeeRow[]>> {
  const { accountId } = adapter;
  const index = await orgIndexes(adapter, async function buildOrgIndex() {
    return indexOf(await listAll(loaders, adapter, {}, []));
  });
  const managers = [...new Set(keys.map((key) => key.manager.remoteId))];
  const refs = managers.flatMap((manager) =>
    (index.get(manager) ?? []).map((remoteId) => ({ accountId, remoteId })),
  );
  // Only fields the provider supplies: asking for none would be an existence read of its own.
  const supplied = new Set(adapter.capabilities.employeeFields);
  const fields = [...new Set(keys.flatMap((key) => key.fields))].filter((f) => supplied.has(f));
  const rows = new Map<RemoteId, EmployeeRow>(
    fields.length === 0
      ? refs.map((ref) => [ref.remoteId, ref])
      : (await loaders.prefetchEmployees(refs, { unified: fields, raw: [] })).map((row) => [
          row.remoteId,
          row,
        ]),
  );
  return new Map(
    managers.map((manager) => [
      manager,
      (index.get(manager) ?? []).flatMap((id) => rows.get(id) ?? []),
    ]),
  );
}

async function reportsOfAccount(
  loaders: DirectReportsBase,
  accountId: AccountId,
  keys: readonly ReportsKey[],
  orgIndexes: OrgIndexes,
): Promise<Map<RemoteId, EmployeeRow[]>> {
  const adapter = loaders.account(accountId);
  if (!adapter) return new Map();
  if (!adapter.capabilities.filters.includes('managers')) {
    return reportsFromIndex(loaders, adapter, keys, orgIndexes);
  }
  const fields = [...new Set(keys.flatMap((key) => key.fields))];
  const managers = [...new Set(keys.map((key) => key.manager.remoteId))];
  const all = new Map<RemoteId, EmployeeRow[]>();
  for (let at = 0; at < managers.length; at += managersPerCall) {
    const chunk = managers.slice(at, at + managersPerCall);
    for (const [manager, rows] of await listAll(loaders, adapter, { managers: chunk }, fields)) {
      all.set(manager, rows);
    }
  }
  return all;
}

/** `HrLoaders.directReports` over a loaders' list and manager field; one per request. */
export function createDirectReports(
  loaders: DirectReportsBase,
  { orgIndexes = unsharedOrgIndexes }: DirectReportsOptions = {},
): HrLoaders['directReports'] {
  const loader = new DataLoader<ReportsKey, EmployeeRow[], string>(
    async function loadReports(keys) {
      const byAccount = new Map<AccountId, ReportsKey[]>();
      for (const key of keys) {
        const list = byAccount.get(key.manager.accountId) ?? [];
        list.push(key);
        byAccount.set(key.manager.accountId, list);
      }
      const results = new Map<AccountId, Promise<Map<RemoteId, EmployeeRow[]>>>();
      for (const [account, accountKeys] of byAccount) {
        results.set(account, reportsOfAccount(loaders, account, accountKeys, orgIndexes));
      }
      // Accounts fail alone: a failed list is an error at its own managers' fields only.
      return Promise.all(
        keys.map(async (key) => {
          try {
            const reports = await results.get(key.manager.accountId);
            return reports?.get(key.manager.remoteId) ?? [];
          } catch (error) {
            return asError(error);
          }
        }),
      );
    },
    {
      cacheKeyFn: (key) =>
        JSON.stringify([key.manager.accountId, key.manager.remoteId, [...key.fields].sort()]),
    },
  );
  return function directReports(manager, fields) {
    return loader.load({ manager, fields });
  };
}
