/**
 * The per-request data layer: one set of DataLoaders per GraphQL request, over the accounts the
 * caller may read. Nothing here outlives the request, so one caller's data never serves another.
 */
import DataLoader from 'dataloader';
import type {
  DateWindow,
  EmployeeFieldRequest,
  ProviderAdapter,
  ProviderSession,
} from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId, EntityRef, RemoteId } from '../core/ids.js';
import type { Company, EmployeeField, Group, Location } from '../core/model.js';
import type { UpstreamRecorder } from '../http/recorder.js';
import { createEmployeeLoader, type EmployeeDemand, missingOf } from './employee-loader.js';
import { createEmployeeStore, type EmployeeStore } from './employee-store.js';
import type { HrLoaders } from './types.js';

export type { EmployeeListArgs, HrLoaders } from './types.js';

export interface LoadersOptions {
  /** The accounts this caller may read; every other account looks like it does not exist. */
  readonly adapters: readonly ProviderAdapter[];
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /** The request's deadline (epoch ms), passed to every provider call. @default none */
  readonly deadline?: number;
}

/** Batches per-employee reads of one kind (a table, a time-off window) by account. */
function perEmployeeLoader<T>(
  session: (account: AccountId) => ProviderSession | undefined,
  load: (session: ProviderSession, ids: readonly RemoteId[]) => Promise<Map<RemoteId, T[]>>,
) {
  return new DataLoader<EntityRef, T[], string>(
    async function loadPerEmployee(refs) {
      const byAccount = new Map<AccountId, RemoteId[]>();
      for (const ref of refs)
        byAccount.set(ref.accountId, [...(byAccount.get(ref.accountId) ?? []), ref.remoteId]);
      const results = new Map<AccountId, Map<RemoteId, T[]> | Error>();
      await Promise.all(
        [...byAccount].map(async ([account, ids]) => {
          const s = session(account);
          try {
            results.set(account, s ? await load(s, [...new Set(ids)]) : new Map());
          } catch (error) {
            results.set(account, error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
      return refs.map((ref) => {
        const result = results.get(ref.accountId)!;
        return result instanceof Error ? result : (result.get(ref.remoteId) ?? []);
      });
    },
    { cacheKeyFn: (ref) => `${ref.accountId}\u0000${ref.remoteId}` },
  );
}

/** One value per key, computed on first use: per-request caches of lists and loaders. */
function memo<K, V>(compute: (key: K) => V) {
  const cache = new Map<K, V>();
  return function memoized(key: K): V {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as V;
  };
}

/** What an account's provider can supply, as sets: asked once per field per employee. */
function suppliesOf(adapter: ProviderAdapter) {
  const fields = new Set<EmployeeField>(adapter.capabilities.employeeFields);
  return {
    field: (field: EmployeeField) => fields.has(field),
    fields: (request: EmployeeFieldRequest): EmployeeFieldRequest =>
      request.unified.every((field) => fields.has(field))
        ? request
        : { unified: request.unified.filter((field) => fields.has(field)), raw: request.raw },
  };
}

type Capability = 'employments' | 'compensations' | 'statusHistory' | 'timeOff' | 'timeOffBalances';

export function createLoaders({ adapters, signal, recorder, deadline }: LoadersOptions): HrLoaders {
  const byId = new Map(adapters.map((adapter) => [adapter.accountId, adapter]));
  const supplies = new Map(adapters.map((adapter) => [adapter.accountId, suppliesOf(adapter)]));
  /** Whether the account exists for this caller and its provider keeps this kind of record. */
  const keeps = (ref: EntityRef, what: Capability) =>
    byId.get(ref.accountId)?.capabilities[what] === true;
  const sessions = new Map<AccountId, ProviderSession>();
  const stores = new Map<AccountId, EmployeeStore>();

  function session(account: AccountId): ProviderSession | undefined {
    const adapter = byId.get(account);
    if (!adapter) return undefined;
    let s = sessions.get(account);
    if (!s) {
      s = adapter.session({ signal, recorder, deadline });
      sessions.set(account, s);
    }
    return s;
  }
  function store(account: AccountId): EmployeeStore {
    let s = stores.get(account);
    if (!s) {
      s = createEmployeeStore();
      stores.set(account, s);
    }
    return s;
  }

  const employees = createEmployeeLoader({ session, store });
  // What the store already answers needs no trip through the batch.
  const demand = async (d: EmployeeDemand) => {
    if (missingOf(store(d.ref.accountId), d)) await employees.load(d);
  };
  const employments = perEmployeeLoader(session, (s, ids) => s.loadEmployments(ids));
  const compensations = perEmployeeLoader(session, (s, ids) => s.loadCompensations(ids));
  const statusHistory = perEmployeeLoader(session, (s, ids) => s.loadStatusHistory(ids));
  // Demands of one tick with the same window (or as-of date) batch together; others apart.
  const timeOffByWindow = memo((window: string) => {
    const [start, end] = window.split('/') as [string, string];
    return perEmployeeLoader(session, (s, ids) => s.loadTimeOff(ids, { start, end }));
  });
  const balancesByDate = memo((asOf: string) =>
    perEmployeeLoader(session, (s, ids) => s.loadTimeOffBalances(ids, asOf === '' ? null : asOf)),
  );
  const groups = memo(
    (account: AccountId): Promise<Group[]> =>
      (byId.get(account)?.capabilities.groups && session(account)?.listGroups()) ||
      Promise.resolve([]),
  );
  const locations = memo(
    (account: AccountId): Promise<Location[]> =>
      (byId.get(account)?.capabilities.locations && session(account)?.listLocations()) ||
      Promise.resolve([]),
  );
  const companies = memo((account: AccountId): Promise<Company> => {
    const s = session(account);
    if (!s)
      return Promise.reject(hrError(ErrorCode.NOT_FOUND, `No account ${account} is yours to read`));
    return s.company();
  });

  return {
    recorder,
    accounts: () => adapters,
    account: (id) => byId.get(id),

    async listEmployees(account, args) {
      const s = session(account);
      if (!s) return { records: [], next: null, prev: null, totalCount: 0 };
      const page = await s.listEmployees({
        filter: args.filter,
        order: args.order,
        page: { direction: args.direction, limit: args.limit, native: args.native },
        fields: supplies.get(account)?.fields(args.fields) ?? args.fields,
      });
      const known = store(account);
      for (const record of page.records) known.put(record);
      return {
        ...page,
        records: page.records.map((r) => ({ accountId: account, remoteId: r.remoteId })),
      };
    },

    async prefetchEmployees(refs, fields) {
      const scoped = refs.filter((ref) => byId.has(ref.accountId));
      await Promise.all(
        scoped.map((ref) => {
          const { unified, raw } = supplies.get(ref.accountId)?.fields(fields) ?? fields;
          return demand({ ref, unified, raw });
        }),
      );
      return scoped.filter((ref) => store(ref.accountId).exists(ref.remoteId));
    },

    async employeeField(ref, field) {
      if (!supplies.get(ref.accountId)?.field(field)) return null;
      await demand({ ref, unified: [field], raw: [] });
      return store(ref.accountId).field(ref.remoteId, field);
    },

    async employeeRaw(ref, keys) {
      if (!byId.has(ref.accountId)) return {};
      await demand({ ref, unified: [], raw: keys });
      const known = store(ref.accountId);
      return Object.fromEntries(keys.map((key) => [key, known.raw(ref.remoteId, key)]));
    },

    resolveRawFields: async (account, names) => session(account)?.resolveRawFields(names) ?? [],
    defaultRawFields: (account) => session(account)?.defaultRawFields() ?? [],

    employments: async (ref) => (keeps(ref, 'employments') ? employments.load(ref) : null),
    compensations: async (ref) => (keeps(ref, 'compensations') ? compensations.load(ref) : null),
    statusHistory: async (ref) => (keeps(ref, 'statusHistory') ? statusHistory.load(ref) : null),
    timeOff: async (ref, window: DateWindow) =>
      keeps(ref, 'timeOff') ? timeOffByWindow(`${window.start}/${window.end}`).load(ref) : null,
    timeOffBalances: async (ref, asOf) =>
      keeps(ref, 'timeOffBalances') ? balancesByDate(asOf ?? '').load(ref) : null,

    groups,
    group: async (ref) =>
      (await groups(ref.accountId)).find((g) => g.remoteId === ref.remoteId) ?? null,
    locations,
    location: async (ref) =>
      (await locations(ref.accountId)).find((l) => l.remoteId === ref.remoteId) ?? null,
    company: companies,
  };
}
