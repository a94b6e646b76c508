/**
 * What one request's loaders share: its accounts, call context, record store, lookups and the
 * tick's demand batch. Every part of the data layer (lists, fields, histories) works through it.
 */
import type { CallContext, ProviderAdapter } from '../core/contract/index.js';
import type { AccountId, EntityRef } from '../core/ids.js';
import { answered, createDemandLoader, type EmployeeDemand } from './employee-demands.js';
import type { LookupCache } from './lookup-cache.js';
import { createRecordStore, type RecordStore, type StoredEmployee } from './record-store.js';
import { createRequestLookups, type RequestLookups } from './request-lookups.js';
import type { EmployeeFieldRequest, EmployeeRow } from './types.js';

export interface RequestState {
  adapter(account: AccountId): ProviderAdapter | undefined;
  readonly ctx: CallContext;
  readonly store: RecordStore;
  readonly lookups: RequestLookups;
  /** The company's size as this request's pages reported it, per account. */
  readonly sizes: Map<AccountId, number>;
  /** Resolves once the store answers the demand; undefined (no batch trip) when it already does. */
  demand(adapter: ProviderAdapter, demand: EmployeeDemand): Promise<void> | undefined;
  /** The row's entry, or the store's for its id. */
  entry(
    row: EntityRef & { readonly entry?: StoredEmployee | undefined },
  ): StoredEmployee | undefined;
  row(entry: StoredEmployee): EmployeeRow;
}

export function createRequestState(
  adapters: readonly ProviderAdapter[],
  ctx: CallContext,
  lookupCache: LookupCache,
): RequestState {
  const byId = new Map(adapters.map((adapter) => [adapter.accountId, adapter]));
  const store = createRecordStore();
  const lookups = createRequestLookups(lookupCache, ctx);
  // The company's size as this request's own pages report it: it only weighs whole-company reads
  // against per-record ones, so a request that has seen no page weighs them by the ids alone.
  const sizes = new Map<AccountId, number>();
  const deps = {
    adapter: (account: AccountId) => byId.get(account),
    store,
    lookups,
    ctx,
    companySize: (account: AccountId) => sizes.get(account) ?? 0,
  };
  const demands = createDemandLoader(deps);
  return {
    adapter: deps.adapter,
    ctx,
    store,
    lookups,
    sizes,
    demand: (adapter, d) => (answered(deps, adapter, d) ? undefined : demands.load(d)),
    entry: (row) => row.entry ?? store.get(row.accountId, row.remoteId),
    row: (entry) => ({ accountId: entry.accountId, remoteId: entry.remoteId, entry }),
  };
}

const union = <T>(lists: Iterable<readonly T[] | undefined>): T[] => {
  const out = new Set<T>();
  for (const list of lists) for (const item of list ?? []) out.add(item);
  return [...out];
};

/**
 * The keys and lookups behind a field request, limited to what the provider supplies. The id key
 * is never asked for: every stored record carries it.
 */
export function keysOf(adapter: ProviderAdapter, request: EmployeeFieldRequest) {
  const { sources, needs, idKey } = adapter.employees;
  const keys = union([
    ...request.unified.map((field) => sources[field]),
    request.raw.filter((key) => key !== idKey),
  ]);
  return { keys, lookups: union(request.unified.map((field) => needs?.[field])) };
}
