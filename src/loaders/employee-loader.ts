/**
 * Employee loading. Every resolver's demand of one tick (this employee: these unified fields,
 * these raw fields, or just "does it exist") lands in one DataLoader batch; the batch asks each
 * account's provider once for the union of what the store does not yet know, and the provider's
 * planner turns that into the fewest calls.
 *
 * A demand names a set of fields, not one, so a 1,000-employee page asking 650 fields is 1,000
 * demands rather than 650,000; the store, not DataLoader's cache, remembers what is known.
 */
import DataLoader from 'dataloader';
import type { EmployeeFieldRequest, ProviderSession } from '../core/contract/index.js';
import type { AccountId, EntityRef, RemoteId } from '../core/ids.js';
import type { EmployeeField } from '../core/model.js';
import type { EmployeeStore } from './employee-store.js';

export interface EmployeeDemand {
  readonly ref: EntityRef;
  readonly unified: readonly EmployeeField[];
  readonly raw: readonly string[];
}

export interface EmployeeLoaderDeps {
  session(account: AccountId): ProviderSession | undefined;
  store(account: AccountId): EmployeeStore;
}

/** What of a demand the store cannot answer yet; null when it can answer all of it. */
export function missingOf(store: EmployeeStore, demand: EmployeeDemand) {
  const id = demand.ref.remoteId;
  if (store.isMissing(id)) return null;
  const unified = demand.unified.filter((field) => !store.hasField(id, field));
  const raw = demand.raw.filter((key) => !store.hasRaw(id, key));
  const unknown = !store.exists(id);
  return unified.length > 0 || raw.length > 0 || unknown ? { unified, raw } : null;
}

export function createEmployeeLoader(deps: EmployeeLoaderDeps) {
  async function loadAccount(account: AccountId, demands: readonly EmployeeDemand[]) {
    const session = deps.session(account);
    const store = deps.store(account);
    if (!session) return;
    // Each id's missing fields, then ids grouped by what they miss: a page missing a few fields
    // and its managers missing all of them are two groups the planner may or may not merge.
    const missingById = new Map<RemoteId, { unified: Set<EmployeeField>; raw: Set<string> }>();
    for (const demand of demands) {
      const missing = missingOf(store, demand);
      if (!missing) continue;
      const entry = missingById.get(demand.ref.remoteId) ?? { unified: new Set(), raw: new Set() };
      for (const field of missing.unified) entry.unified.add(field);
      for (const key of missing.raw) entry.raw.add(key);
      missingById.set(demand.ref.remoteId, entry);
    }
    if (missingById.size === 0) return;
    const groups = new Map<string, { ids: RemoteId[]; fields: EmployeeFieldRequest }>();
    for (const [id, missing] of missingById) {
      const fields = { unified: [...missing.unified].sort(), raw: [...missing.raw].sort() };
      const signature = JSON.stringify(fields);
      const group = groups.get(signature) ?? { ids: [], fields };
      group.ids.push(id);
      groups.set(signature, group);
    }
    const records = await session.loadEmployees([...groups.values()]);
    for (const group of groups.values()) {
      for (const id of group.ids) {
        const record = records.get(id);
        if (!record) {
          store.markMissing(id);
          continue;
        }
        // A field the provider left out is null, not unknown: asking again would not find it.
        const fields: Record<string, unknown> = { ...record.fields };
        for (const field of group.fields.unified)
          if (fields[field] === undefined) fields[field] = null;
        const rawValues = new Map(record.raw);
        for (const key of group.fields.raw) if (!rawValues.has(key)) rawValues.set(key, null);
        store.put({ remoteId: record.remoteId, fields, raw: rawValues });
      }
    }
  }

  return new DataLoader<EmployeeDemand, void>(
    async function loadEmployeeDemands(demands) {
      const byAccount = new Map<AccountId, EmployeeDemand[]>();
      for (const demand of demands) {
        const list = byAccount.get(demand.ref.accountId) ?? [];
        list.push(demand);
        byAccount.set(demand.ref.accountId, list);
      }
      // Accounts fail alone: one provider's outage becomes errors at its own paths.
      const failures = new Map<AccountId, Error>();
      await Promise.all(
        [...byAccount].map(async ([account, list]) => {
          try {
            await loadAccount(account, list);
          } catch (error) {
            failures.set(account, error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
      return demands.map((demand) => failures.get(demand.ref.accountId));
    },
    // The store is the cache; DataLoader only gathers the tick's demands.
    { cache: false },
  );
}
