/**
 * Every employee demand of one tick (these keys of this employee, these lookups, or just "does
 * it exist") lands in one DataLoader batch. Per account, the batch plans the union of what the
 * store lacks, grouped by what each id lacks (a page missing a few keys and its managers missing
 * all of them are two groups the planner may or may not merge), runs the plan and merges it.
 *
 * A demand names a set of keys, not one, so a 1,000-employee page asking 650 fields is 1,000
 * demands rather than 650,000; the store, not DataLoader's cache, remembers what is known.
 * Accounts fail alone, and within an account so do calls: an error reaches only the demands of
 * the ids (or lookups) it concerns.
 */
import DataLoader from 'dataloader';
import type {
  CallContext,
  LookupName,
  ProviderAdapter,
  ProviderKey,
} from '../core/contract/index.js';
import type { AccountId, RemoteId } from '../core/ids.js';
import { type Lacking, planLacking } from './demand-groups.js';
import { executePlan } from './executor.js';
import type { RecordStore } from './record-store.js';
import type { RequestLookups } from './request-lookups.js';
import { asError } from './settle.js';

export interface EmployeeDemand {
  readonly accountId: AccountId;
  readonly remoteId: RemoteId;
  /** Keys the store must hold for this employee. */
  readonly keys: readonly ProviderKey[];
  /** Lookups the demand's normalisation reads, loaded for this request. */
  readonly lookups: readonly LookupName[];
  /** Whether a read must prove the employee exists. */
  readonly exists: boolean;
}

export interface DemandDeps {
  adapter(account: AccountId): ProviderAdapter | undefined;
  readonly store: RecordStore;
  readonly lookups: RequestLookups;
  readonly ctx: CallContext;
  /** The company's size as this request has seen it, to weigh whole-company reads. */
  companySize(account: AccountId): number;
}

/** Whether the store already answers a demand, so it needs no trip through the batch. */
export function answered(deps: DemandDeps, adapter: ProviderAdapter, demand: EmployeeDemand) {
  const { store } = deps;
  if (store.isMissing(demand.accountId, demand.remoteId)) return true;
  const entry = store.get(demand.accountId, demand.remoteId);
  if (!entry) return false;
  if (demand.exists && !entry.exists) return false;
  for (const key of demand.keys) if (!entry.values.has(key)) return false;
  return demand.lookups.length === 0 || deps.lookups.ready(adapter, demand.lookups);
}

/** The keys of `keys` the entry lacks: `keys` itself when it lacks them all (the common case). */
function lackingKeys(
  values: ReadonlyMap<ProviderKey, unknown> | undefined,
  keys: readonly ProviderKey[],
): readonly ProviderKey[] {
  if (!values) return keys;
  let firstHeld = -1;
  for (let i = 0; i < keys.length; i++) {
    if (values.has(keys[i]!)) {
      firstHeld = i;
      break;
    }
  }
  return firstHeld < 0 ? keys : keys.filter((key) => !values.has(key));
}

async function loadAccount(
  deps: DemandDeps,
  adapter: ProviderAdapter,
  demands: readonly EmployeeDemand[],
): Promise<(Error | undefined)[]> {
  const { store } = deps;
  const catalog = adapter.employees;
  const account = adapter.accountId;
  const lookupNames = new Set<LookupName>();
  const lacking = new Map<RemoteId, Lacking>();
  for (const demand of demands) {
    for (const name of demand.lookups) lookupNames.add(name);
    const id = demand.remoteId;
    if (store.isMissing(account, id)) continue;
    // An id this provider could never have issued is missing: it is never sent.
    if (!catalog.isRemoteId(id)) {
      store.markMissing(account, id);
      continue;
    }
    const entry = store.get(account, id);
    const keys = lackingKeys(entry?.values, demand.keys);
    const exists = demand.exists && entry?.exists !== true;
    if (keys.length === 0 && !exists) continue;
    const prior = lacking.get(id);
    if (!prior) {
      lacking.set(id, { keys, exists, merged: false });
    } else {
      prior.keys = [...new Set([...prior.keys, ...keys])];
      prior.exists ||= exists;
      prior.merged = true;
    }
  }
  const plan = planLacking(catalog.reads, lacking, { companySize: deps.companySize(account) });
  const [failures, lookupFailures] = await Promise.all([
    executePlan(adapter, plan, store, deps.ctx),
    deps.lookups.settle(adapter, [...lookupNames]),
  ]);
  return demands.map((demand) => {
    const failed = failures.get(demand.remoteId);
    if (failed) return failed;
    for (const name of demand.lookups) {
      const error = lookupFailures.get(name);
      if (error) return error;
    }
    return undefined;
  });
}

export function createDemandLoader(deps: DemandDeps) {
  return new DataLoader<EmployeeDemand, void>(
    async function loadEmployeeDemands(demands) {
      const byAccount = new Map<AccountId, number[]>();
      demands.forEach((demand, i) => {
        const list = byAccount.get(demand.accountId) ?? [];
        list.push(i);
        byAccount.set(demand.accountId, list);
      });
      const results: (Error | undefined)[] = new Array(demands.length).fill(undefined);
      await Promise.all(
        [...byAccount].map(async ([account, indexes]) => {
          const adapter = deps.adapter(account);
          if (!adapter) return;
          try {
            const outcomes = await loadAccount(
              deps,
              adapter,
              indexes.map((i) => demands[i]!),
            );
            indexes.forEach((i, k) => {
              results[i] = outcomes[k];
            });
          } catch (error) {
            for (const i of indexes) results[i] = asError(error);
          }
        }),
      );
      return results;
    },
    // The store is the cache; DataLoader only gathers the tick's demands.
    { cache: false },
  );
}
