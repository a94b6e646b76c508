/**
 * Field-level employee loading. Every resolver's (employee, field) demand of one tick lands in
 * one DataLoader batch; the batch asks each account's provider once for the union of what is
 * missing, and the provider's planner turns that into the fewest calls.
 */
import DataLoader from 'dataloader';
import type { AccountId, EntityRef, RemoteId } from '../providers/ids.js';
import type { EmployeeField } from '../providers/model.js';
import type { ProviderSession } from '../providers/provider.js';
import type { EmployeeStore } from './employee-store.js';

/** One thing a resolver needs about one employee. */
export type EmployeeDemand =
  | { readonly ref: EntityRef; readonly kind: 'exists' }
  | { readonly ref: EntityRef; readonly kind: 'field'; readonly field: EmployeeField }
  | { readonly ref: EntityRef; readonly kind: 'raw'; readonly key: string };

export interface EmployeeLoaderDeps {
  session(account: AccountId): ProviderSession | undefined;
  store(account: AccountId): EmployeeStore;
}

function cacheKey(demand: EmployeeDemand): string {
  const { accountId, remoteId } = demand.ref;
  const what =
    demand.kind === 'field' ? `f:${demand.field}` : demand.kind === 'raw' ? `r:${demand.key}` : 'e';
  return `${accountId}\u0000${remoteId}\u0000${what}`;
}

function satisfied(store: EmployeeStore, demand: EmployeeDemand): boolean {
  const id = demand.ref.remoteId;
  if (store.isMissing(id)) return true;
  switch (demand.kind) {
    case 'exists':
      return store.exists(id);
    case 'field':
      return store.hasField(id, demand.field);
    case 'raw':
      return store.hasRaw(id, demand.key);
  }
}

export function createEmployeeLoader(deps: EmployeeLoaderDeps) {
  async function loadAccount(account: AccountId, demands: readonly EmployeeDemand[]) {
    const session = deps.session(account);
    const store = deps.store(account);
    if (!session) return;
    const ids = new Set<RemoteId>();
    const unified = new Set<EmployeeField>();
    const raw = new Set<string>();
    for (const demand of demands) {
      if (satisfied(store, demand)) continue;
      ids.add(demand.ref.remoteId);
      if (demand.kind === 'field') unified.add(demand.field);
      if (demand.kind === 'raw') raw.add(demand.key);
    }
    if (ids.size === 0) return;
    const records = await session.loadEmployees([...ids], { unified: [...unified], raw: [...raw] });
    for (const id of ids) {
      const record = records.get(id);
      if (record) {
        // A field the provider left out is null, not unknown: ask again and it is still absent.
        const filled = { ...record, fields: { ...record.fields } };
        for (const field of unified)
          if (filled.fields[field] === undefined)
            (filled.fields as Record<string, unknown>)[field] = null;
        const rawFilled = { ...record.raw };
        for (const key of raw) if (!(key in rawFilled)) rawFilled[key] = null;
        store.put({ ...filled, raw: rawFilled });
      } else {
        store.markMissing(id);
      }
    }
  }

  return new DataLoader<EmployeeDemand, void, string>(
    async function loadEmployeeDemands(demands) {
      const byAccount = new Map<AccountId, EmployeeDemand[]>();
      for (const demand of demands) {
        const list = byAccount.get(demand.ref.accountId) ?? [];
        list.push(demand);
        byAccount.set(demand.ref.accountId, list);
      }
      // Accounts fail alone: one provider's outage becomes errors at its own paths.
      const outcomes = new Map<AccountId, Error | undefined>();
      await Promise.all(
        [...byAccount].map(async ([account, list]) => {
          try {
            await loadAccount(account, list);
            outcomes.set(account, undefined);
          } catch (error) {
            outcomes.set(account, error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
      return demands.map((demand) => outcomes.get(demand.ref.accountId));
    },
    { cacheKeyFn: cacheKey },
  );
}
