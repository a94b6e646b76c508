/**
 * The per-request data layer: one HrLoaders per GraphQL request, over the accounts the caller
 * may read. It plans, executes and stores for every provider through their catalogs; nothing
 * here outlives the request except what the shared lookup cache keeps, so one caller's employee
 * data never serves another.
 */
import type {
  CallContext,
  LookupName,
  ProviderAdapter,
  ProviderKey,
} from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId, EntityRef, RemoteId } from '../core/ids.js';
import type { Company, EmployeeField, EmployeeFields } from '../core/model.js';
import type { UpstreamRecorder } from '../core/upstream.js';
import { createDirectReports } from './direct-reports.js';
import { answered, createDemandLoader, type EmployeeDemand } from './employee-demands.js';
import { createEmployeeLookup } from './employee-lookup.js';
import { storeRecord } from './executor.js';
import { createHistoryReader } from './histories.js';
import type { LookupCache } from './lookup-cache.js';
import { createRecordStore, type StoredEmployee } from './record-store.js';
import { checkPage } from './reply-checks.js';
import { createRequestLookups } from './request-lookups.js';
import { fieldRequestOf } from './selection.js';
import { allSettledOrThrow } from './settle.js';
import type { EmployeeFieldRequest, EmployeeRow, HrLoaders } from './types.js';
import { unwrapCursor, wrapCursor } from './walk-cursor.js';

export interface LoadersOptions {
  /** The accounts this caller may read; every other account looks like it does not exist. */
  readonly adapters: readonly ProviderAdapter[];
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /** The request's deadline (epoch ms), passed to every provider call. @default none */
  readonly deadline?: number;
  /** The running hrgraph's shared lookup cache (created once at start-up). */
  readonly lookupCache: LookupCache;
}

/** A value not in the store yet. */
const notReady: unique symbol = Symbol('not ready');

/** One value per key, computed on first use: per-request caches of account-level reads. */
function memo<K, V>(compute: (key: K) => V) {
  const cache = new Map<K, V>();
  return function memoized(key: K): V {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}

const union = <T>(lists: Iterable<readonly T[] | undefined>): T[] => {
  const out = new Set<T>();
  for (const list of lists) for (const item of list ?? []) out.add(item);
  return [...out];
};

export function createLoaders(options: LoadersOptions): HrLoaders {
  const { adapters, signal, recorder, deadline, lookupCache } = options;
  const ctx: CallContext =
    deadline === undefined ? { signal, recorder } : { signal, recorder, deadline };
  const byId = new Map(adapters.map((adapter) => [adapter.accountId, adapter]));
  const store = createRecordStore();
  const lookups = createRequestLookups(lookupCache, ctx);
  // The company's size as this request's own pages report it: it only weighs whole-company reads
  // against per-record ones, so a request that has seen no page weighs them by the ids alone.
  const sizes = new Map<AccountId, number>();
  const demandDeps = {
    adapter: (account: AccountId) => byId.get(account),
    store,
    lookups,
    ctx,
    companySize: (account: AccountId) => sizes.get(account) ?? 0,
  };
  const demands = createDemandLoader(demandDeps);

  /** Resolves once the store answers the demand; no batch trip when it already does. */
  function demand(adapter: ProviderAdapter, d: EmployeeDemand): Promise<void> | undefined {
    return answered(demandDeps, adapter, d) ? undefined : demands.load(d);
  }

  const entryOf = (row: EntityRef & { readonly entry?: StoredEmployee | undefined }) =>
    row.entry ?? store.get(row.accountId, row.remoteId);

  function rowOf(entry: StoredEmployee): EmployeeRow {
    return { accountId: entry.accountId, remoteId: entry.remoteId, entry };
  }

  /** The unified value when the store can give it now: keys present, lookups loaded. */
  function valueNow(
    adapter: ProviderAdapter,
    row: EmployeeRow,
    field: EmployeeField,
    keys: readonly ProviderKey[],
    needs: readonly LookupName[],
  ): unknown {
    if (store.isMissing(row.accountId, row.remoteId)) return null;
    const entry = entryOf(row);
    if (!entry) return notReady;
    if (entry.unified.has(field)) return entry.unified.get(field);
    for (const key of keys) if (!entry.values.has(key)) return notReady;
    if (needs.length > 0 && !lookups.ready(adapter, needs)) return notReady;
    const value = adapter.employees.normalize(field, entry.values, lookups.values(adapter));
    entry.unified.set(field, value);
    return value;
  }

  /** Keys and lookups behind a field request, limited to what the provider supplies. */
  function keysOf(adapter: ProviderAdapter, request: EmployeeFieldRequest) {
    const { sources, needs } = adapter.employees;
    const idKey = adapter.employees.idKey;
    const keys = union([
      ...request.unified.map((field) => sources[field]),
      request.raw.filter((key) => key !== idKey),
    ]);
    return { keys, lookups: union(request.unified.map((field) => needs?.[field])) };
  }

  const histories = createHistoryReader({
    adapter: (account) => byId.get(account),
    entry: entryOf,
    demand,
    lookups,
  });

  const groups = memo(async (account: AccountId) => {
    const adapter = byId.get(account);
    const derived = adapter?.lookups.groups;
    if (!adapter || !derived) return [];
    return derived.from(await lookups.load(adapter, derived.needs), account);
  });
  const locations = memo(async (account: AccountId) => {
    const adapter = byId.get(account);
    const derived = adapter?.lookups.locations;
    if (!adapter || !derived) return [];
    return derived.from(await lookups.load(adapter, derived.needs), account);
  });
  const companies = memo((account: AccountId): Promise<Company> => {
    const adapter = byId.get(account);
    if (!adapter) {
      return Promise.reject(hrError(ErrorCode.NOT_FOUND, `No account ${account} is yours to read`));
    }
    return adapter.company(ctx);
  });

  const loaders: HrLoaders = {
    recorder,
    accounts: () => adapters,
    account: (id) => byId.get(id),

    async listEmployees(account, args) {
      const adapter = byId.get(account);
      if (!adapter) return { records: [], next: null, prev: null, totalCount: 0 };
      const { list } = adapter.employees;
      const query = { filter: args.filter, order: args.order };
      const wanted = keysOf(adapter, args.fields);
      const walk = args.native === null ? null : unwrapCursor(args.native);
      // A filter naming groups by name needs them before the call; the fields' lookups load
      // beside it.
      const before = await lookups.load(adapter, list.needs?.(query) ?? []);
      const [page] = await allSettledOrThrow([
        list.run(
          {
            ...query,
            page: { direction: args.direction, limit: args.limit, native: walk?.native ?? null },
            keys: list.carries(wanted.keys, query),
            lookups: before,
          },
          ctx,
        ),
        lookups.load(adapter, wanted.lookups),
      ]);
      const records = checkPage(
        adapter.employees,
        { accountId: account, operation: 'employee list' },
        page,
        {
          limit: args.limit,
          native: walk?.native ?? null,
          direction: args.direction,
          boundary: walk?.boundary ?? null,
          before: walk?.before ?? 0,
        },
      );
      if (page.totalCount !== null && !args.filter.ids) {
        sizes.set(account, Math.max(sizes.get(account) ?? 0, page.totalCount));
      }
      const rows = records.map((record) =>
        rowOf(storeRecord(store, adapter, record.id, record.values)),
      );
      // In walking order, the record before the next page is this page's last (forward) or
      // first (backward); the count carries on only in the direction walked.
      const walked = (walk?.before ?? 0) + rows.length;
      const last = rows[rows.length - 1]?.remoteId ?? walk?.boundary ?? null;
      const first = rows[0]?.remoteId ?? walk?.boundary ?? null;
      return {
        records: rows,
        next:
          page.next === null
            ? null
            : wrapCursor({
                native: page.next,
                boundary: last,
                before: args.direction === 'forward' ? walked : 0,
              }),
        prev:
          page.prev === null
            ? null
            : wrapCursor({
                native: page.prev,
                boundary: first,
                before: args.direction === 'backward' ? walked : 0,
              }),
        totalCount: page.totalCount,
      };
    },

    async prefetchEmployees(refs, fields) {
      const scoped = refs.filter((ref) => byId.has(ref.accountId));
      await Promise.all(
        scoped.map((ref) => {
          const adapter = byId.get(ref.accountId)!;
          const wanted = keysOf(adapter, fields);
          return demand(adapter, {
            ...ref,
            keys: wanted.keys,
            lookups: wanted.lookups,
            exists: true,
          });
        }),
      );
      const rows: EmployeeRow[] = [];
      for (const ref of scoped) {
        const entry = store.get(ref.accountId, ref.remoteId);
        if (entry?.exists) rows.push(rowOf(entry));
      }
      return rows;
    },

    employee: (ref, selection) => lookUpEmployee(ref, selection),

    row(ref) {
      return {
        accountId: ref.accountId,
        remoteId: ref.remoteId,
        entry: store.get(ref.accountId, ref.remoteId),
      };
    },

    employeeField<F extends EmployeeField>(row: EmployeeRow, field: F) {
      type Value = EmployeeFields[F] | null;
      const adapter = byId.get(row.accountId);
      const keys = adapter?.employees.sources[field];
      if (!adapter || !keys || keys.length === 0) return null;
      const needs = adapter.employees.needs?.[field] ?? [];
      const now = valueNow(adapter, row, field, keys, needs);
      if (now !== notReady) return now as Value;
      const pending = demand(adapter, {
        accountId: row.accountId,
        remoteId: row.remoteId,
        keys,
        lookups: needs,
        exists: false,
      });
      return Promise.resolve(pending).then(function storedValue() {
        const value = valueNow(adapter, row, field, keys, needs);
        return (value === notReady ? null : value) as Value;
      });
    },

    employeeRaw(row, keys) {
      const adapter = byId.get(row.accountId);
      if (!adapter) return {};
      const idKey = adapter.employees.idKey;
      const read = () => {
        const entry = entryOf(row);
        const out: Record<string, unknown> = {};
        for (const key of keys)
          out[key] = key === idKey ? row.remoteId : (entry?.values.get(key) ?? null);
        return out;
      };
      const wanted = keys.filter((key) => key !== idKey);
      const pending = demand(adapter, {
        accountId: row.accountId,
        remoteId: row.remoteId,
        keys: wanted,
        lookups: [],
        exists: false,
      });
      return pending ? pending.then(read) : read();
    },

    async resolveRawFields(account, names) {
      const adapter = byId.get(account);
      if (!adapter) return [];
      const { rawFields } = adapter.employees;
      return rawFields.resolve(names, await lookups.load(adapter, rawFields.needs));
    },
    defaultRawFields: (account) => byId.get(account)?.employees.rawFields.defaults ?? [],
    fieldRequest: (account, selection) => fieldRequestOf(loaders, account, selection),
    directReports: (manager, fields) => reportsOf(manager, fields),

    employments: (row) => histories.read(row, 'employments', undefined),
    compensations: (row) => histories.read(row, 'compensations', undefined),
    statusHistory: (row) => histories.read(row, 'statusHistory', undefined),
    timeOff: (row, window) => histories.read(row, 'timeOff', window),
    timeOffBalances: (row, asOf) => histories.read(row, 'timeOffBalances', asOf),

    groups,
    group: async (ref) =>
      (await groups(ref.accountId)).find((g) => g.remoteId === ref.remoteId) ?? null,
    locations,
    location: async (ref) =>
      (await locations(ref.accountId)).find((l) => l.remoteId === ref.remoteId) ?? null,
    company: companies,
  };
  const lookUpEmployee = createEmployeeLookup(loaders);
  const reportsOf = createDirectReports(loaders);
  return loaders;
}

export type { RemoteId };
