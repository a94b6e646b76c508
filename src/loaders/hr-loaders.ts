/**
 * The per-request data layer: one HrLoaders per GraphQL request, over the accounts the caller
 * may read. It plans, executes and stores for every provider through their catalogs; nothing
 * here outlives the request except what the shared lookup cache keeps, so one caller's employee
 * data never serves another.
 */
import type {
  CallContext,
  DerivedLookup,
  LookupCatalog,
  ProviderAdapter,
  RawFieldRef,
} from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId } from '../core/ids.js';
import type { Company } from '../core/model.js';
import type { UpstreamRecorder } from '../core/upstream.js';
import { createDirectReports } from './direct-reports.js';
import { createEmployeeLookup } from './employee-lookup.js';
import { createEmployeeValues } from './employee-values.js';
import { createHistoryReader } from './histories.js';
import { createListEmployees } from './list-page.js';
import type { LookupCache } from './lookup-cache.js';
import { sharedOrgIndexes } from './org-index.js';
import { createRequestState, keysOf } from './request-state.js';
import { fieldRequestOf } from './selection.js';
import type { EmployeeRow, HrLoaders } from './types.js';
import type { WalkMemory } from './walk-memory.js';

export interface LoadersOptions {
  /** The accounts this caller may read; every other account looks like it does not exist. */
  readonly adapters: readonly ProviderAdapter[];
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /** The request's deadline (epoch ms), passed to every provider call. @default none */
  readonly deadline?: number;
  /** The running hrgraph's shared lookup cache (created once at start-up). */
  readonly lookupCache: LookupCache;
  /** What the walks through lists returned so far (created once at start-up). */
  readonly walks: WalkMemory;
}

type LookupResult<K extends 'groups' | 'locations'> =
  NonNullable<LookupCatalog[K]> extends DerivedLookup<infer T> ? T : never;

/** One value per key, computed on first use: per-request caches of account-level reads. */
function memo<K, V>(compute: (key: K) => V) {
  const cache = new Map<K, V>();
  return function memoized(key: K): V {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}

/**
 * One request's loaders, built on first use: a request that reads no employee, history or lookup
 * (`{ __typename }`, `account { status }`) never pays for the request state, its memos and its
 * batch loaders (about 6% of a trivial request's CPU). Only the accounts answer without them.
 * The context is copied with Object.assign by envelop, so deferring with a getter there would run
 * it at once; the deferral lives here, behind the same methods.
 */
export function createLoaders(options: LoadersOptions): HrLoaders {
  const { adapters, recorder } = options;
  const byId = new Map(adapters.map((adapter) => [adapter.accountId, adapter]));
  let built: HrLoaders | undefined;
  const full = () => {
    built ??= buildLoaders(options, byId);
    return built;
  };
  return {
    recorder,
    accounts: () => adapters,
    account: (id) => byId.get(id),
    listEmployees: (account, args) => full().listEmployees(account, args),
    prefetchEmployees: (refs, fields) => full().prefetchEmployees(refs, fields),
    employee: (ref, selection) => full().employee(ref, selection),
    row: (ref) => full().row(ref),
    employeeField: (row, field) => full().employeeField(row, field),
    employeeRaw: (row, keys) => full().employeeRaw(row, keys),
    resolveRawFields: (account, names) => full().resolveRawFields(account, names),
    defaultRawFields: (account) => full().defaultRawFields(account),
    customFields: (account) => full().customFields(account),
    fieldRequest: (account, selection) => full().fieldRequest(account, selection),
    directReports: (manager, fields) => full().directReports(manager, fields),
    employments: (row) => full().employments(row),
    compensations: (row) => full().compensations(row),
    statusHistory: (row) => full().statusHistory(row),
    timeOff: (row, window) => full().timeOff(row, window),
    timeOffBalances: (row, asOf) => full().timeOffBalances(row, asOf),
    groups: (account) => full().groups(account),
    group: (ref) => full().group(ref),
    locations: (account) => full().locations(account),
    location: (ref) => full().location(ref),
    company: (account) => full().company(account),
  };
}

function buildLoaders(
  options: LoadersOptions,
  byId: ReadonlyMap<AccountId, ProviderAdapter>,
): HrLoaders {
  const { adapters, signal, recorder, deadline, lookupCache } = options;
  const ctx: CallContext =
    deadline === undefined ? { signal, recorder } : { signal, recorder, deadline };
  const state = createRequestState(adapters, ctx, lookupCache);
  const { store, lookups } = state;
  const histories = createHistoryReader(state);

  /** Groups or locations: what the account's lookups make of them, loaded once per request. */
  const derived = <K extends 'groups' | 'locations'>(kind: K) =>
    memo(async (account: AccountId) => {
      const adapter = byId.get(account);
      const from = adapter?.lookups[kind] as DerivedLookup<LookupResult<K>> | undefined;
      if (!adapter || !from) return [] as LookupResult<K>;
      return from.from(await lookups.load(adapter, from.needs), account);
    });
  const groups = derived('groups');
  const locations = derived('locations');
  const customFields = memo(async (account: AccountId) => {
    const adapter = byId.get(account);
    const rawFields = adapter?.employees.rawFields;
    if (!adapter?.capabilities.customFields || !rawFields?.custom) return [];
    return rawFields.custom(await lookups.load(adapter, rawFields.needs));
  });
  const companies = memo((account: AccountId): Promise<Company> => {
    const adapter = byId.get(account);
    if (!adapter) {
      return Promise.reject(hrError(ErrorCode.NOT_FOUND, `No account ${account} is yours to read`));
    }
    return adapter.company(ctx);
  });

  /**
   * Names resolved once per request: every row of a page asks the same names (the same array,
   * when they come from a variable), and a wide page asks hundreds of them of each row.
   */
  const byArray = new WeakMap<readonly string[], Map<AccountId, Promise<RawFieldRef[]>>>();
  const byText = new Map<string, Promise<RawFieldRef[]>>();
  function resolvedNames(account: AccountId, names: readonly string[]) {
    const adapter = byId.get(account);
    if (!adapter) return Promise.resolve([]);
    let perAccount = byArray.get(names);
    let resolved = perAccount?.get(account);
    if (resolved) return resolved;
    const text = `${account}\u0000${names.join('\u0000')}`;
    resolved = byText.get(text);
    if (!resolved) {
      const { rawFields } = adapter.employees;
      resolved = lookups
        .load(adapter, rawFields.needsFor?.(names) ?? rawFields.needs)
        .then((values) => rawFields.resolve(names, values));
      byText.set(text, resolved);
    }
    if (!perAccount) {
      perAccount = new Map();
      byArray.set(names, perAccount);
    }
    perAccount.set(account, resolved);
    return resolved;
  }

  const loaders: HrLoaders = {
    recorder,
    accounts: () => adapters,
    account: (id) => byId.get(id),
    listEmployees: createListEmployees(state, options.walks),

    async prefetchEmployees(refs, fields) {
      const scoped = refs.filter((ref) => byId.has(ref.accountId));
      await Promise.all(
        scoped.map((ref) => {
          const adapter = byId.get(ref.accountId)!;
          const { keys, lookups: needs } = keysOf(adapter, fields);
          const { accountId, remoteId } = ref;
          return state.demand(adapter, { accountId, remoteId, keys, lookups: needs, exists: true });
        }),
      );
      const rows: EmployeeRow[] = [];
      for (const ref of scoped) {
        const entry = store.get(ref.accountId, ref.remoteId);
        if (entry?.exists) rows.push(state.row(entry));
      }
      return rows;
    },
    employee: (ref, selection) => lookUpEmployee(ref, selection),
    row: (ref) => ({ ...ref, entry: store.get(ref.accountId, ref.remoteId) }),
    ...createEmployeeValues(state),

    resolveRawFields: (account, names) => resolvedNames(account, names),
    defaultRawFields: (account) => byId.get(account)?.employees.rawFields.defaults ?? [],
    customFields: (account) => customFields(account),
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
  const reportsOf = createDirectReports(loaders, {
    orgIndexes: sharedOrgIndexes(lookupCache, ctx),
  });
  return loaders;
}
