/**
 * Direct reports. Every `directReports` field of one tick joins one batch per account: when the
 * provider can filter by manager, one filtered list (paged natively, carrying the fields the
 * selection needs and `manager`) returns the reports of all the managers asked about; when it
 * cannot, the account's whole list is read once with only `manager`. Either way the cost does not
 * grow with the number of managers on the page. Each field then pages over its own reports in
 * memory.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { EmployeeFilter, ProviderAdapter } from '../../core/contract/index.js';
import type { AccountId, EntityRef, RemoteId } from '../../core/ids.js';
import type { EmployeeField } from '../../core/model.js';
import { arrayPages } from '../connection/array-pages.js';
import type { ConnectionArgs } from '../connection/page-window.js';
import { resolveConnection } from '../connection/resolve-connection.js';
import type { HrContext } from '../context.js';
import { employeeFieldsOfConnection } from '../lookahead.js';
import { toEmployee } from './employees-connection.js';

interface ReportsKey {
  readonly manager: EntityRef;
  readonly fields: readonly EmployeeField[];
}

/** Guards against a provider that never stops returning a next page. */
const maxListPages = 10_000;
/** Managers per filtered list call, so the provider's filter expression stays small. */
const managersPerCall = 200;

async function listAll(
  ctx: HrContext,
  adapter: ProviderAdapter,
  filter: EmployeeFilter,
  fields: readonly EmployeeField[],
): Promise<Map<RemoteId, EntityRef[]>> {
  const reports = new Map<RemoteId, EntityRef[]>();
  let native: string | null = null;
  for (let pages = 0; pages < maxListPages; pages++) {
    const page = await ctx.loaders.listEmployees(adapter.accountId, {
      filter,
      order: [],
      direction: 'forward',
      limit: adapter.capabilities.maxPageSize,
      native,
      fields: { unified: [...new Set<EmployeeField>([...fields, 'manager'])], raw: [] },
    });
    const managers = await Promise.all(
      page.records.map((ref) => ctx.loaders.employeeField(ref, 'manager')),
    );
    page.records.forEach((ref, i) => {
      const manager = managers[i];
      if (manager) reports.set(manager, [...(reports.get(manager) ?? []), toEmployee(ref)]);
    });
    native = page.next;
    if (native === null) break;
  }
  return reports;
}

async function reportsOfAccount(
  ctx: HrContext,
  accountId: AccountId,
  keys: readonly ReportsKey[],
): Promise<Map<RemoteId, EntityRef[]>> {
  const adapter = ctx.loaders.account(accountId);
  if (!adapter) return new Map();
  if (!adapter.capabilities.filters.includes('managers')) {
    return listAll(ctx, adapter, {}, []);
  }
  const fields = [...new Set(keys.flatMap((key) => key.fields))];
  const managers = [...new Set(keys.map((key) => key.manager.remoteId))];
  const all = new Map<RemoteId, EntityRef[]>();
  for (let at = 0; at < managers.length; at += managersPerCall) {
    const chunk = managers.slice(at, at + managersPerCall);
    for (const [manager, refs] of await listAll(ctx, adapter, { managers: chunk }, fields)) {
      all.set(manager, refs);
    }
  }
  return all;
}

const reportLoaders = createContextCache(
  (ctx: HrContext) =>
    new DataLoader<ReportsKey, EntityRef[], string>(
      async function loadReports(keys) {
        const byAccount = new Map<AccountId, ReportsKey[]>();
        for (const key of keys) {
          byAccount.set(key.manager.accountId, [
            ...(byAccount.get(key.manager.accountId) ?? []),
            key,
          ]);
        }
        const results = new Map<AccountId, Promise<Map<RemoteId, EntityRef[]>>>();
        for (const [account, accountKeys] of byAccount) {
          results.set(account, reportsOfAccount(ctx, account, accountKeys));
        }
        return Promise.all(
          keys.map(async (key) => {
            const reports = await results.get(key.manager.accountId);
            return reports?.get(key.manager.remoteId) ?? [];
          }),
        );
      },
      {
        cacheKeyFn: (key) =>
          JSON.stringify([key.manager.accountId, key.manager.remoteId, [...key.fields].sort()]),
      },
    ),
);

export async function resolveDirectReports(
  ctx: HrContext,
  manager: EntityRef,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
) {
  const adapter = ctx.loaders.account(manager.accountId);
  // A provider without reporting lines cannot answer: null, as for any field it cannot supply.
  if (!adapter?.capabilities.employeeFields.includes('manager')) return null;
  const fields = employeeFieldsOfConnection(info);
  return resolveConnection(
    ctx,
    {
      accountId: manager.accountId,
      shape: { kind: 'directReports', manager: manager.remoteId },
      args,
      fetch: async (page) => arrayPages(await reportLoaders(ctx).load({ manager, fields }))(page),
      maxPageSize: ctx.limits.maxSize,
    },
    toEmployee,
  );
}
