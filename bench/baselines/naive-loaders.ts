/**
 * The naive baseline: the same schema over an `HrLoaders` with no batching and no planner — what
 * a first GraphQL-over-REST version of BambooHR typically looks like. Every Employee field is its
 * own `GET /v1/employees/{id}?fields=<that field's BambooHR sources>`, every history table and
 * time-off list is read per employee, and a list page is the same list call hrgraph makes but
 * without lookahead, so it carries nothing the fields can reuse.
 *
 * It is granted what any version would have: field and org-list metadata cached per account
 * (in the server's lookup cache, as hrgraph keeps it), and `Get Employee`'s 400-field ceiling
 * respected.
 */

import type { CallContext, LookupValues, ProviderAdapter } from '../../src/core/contract/index.js';
import type { AccountId, EntityRef, RemoteId } from '../../src/core/ids.js';
import { createDirectReports } from '../../src/loaders/direct-reports.js';
import { createEmployeeLookup } from '../../src/loaders/employee-lookup.js';
import type { LookupCache } from '../../src/loaders/lookup-cache.js';
import { fieldRequestOf } from '../../src/loaders/selection.js';
import type { HrLoaders } from '../../src/loaders/types.js';
import type { BambooHrClient } from '../../src/providers/bamboohr/client.js';
import { standardRawFields } from '../../src/providers/bamboohr/fields.js';
import type { OrgLists } from '../../src/providers/bamboohr/lookups.js';
import type { LoadersInit } from '../../src/server/create-server.js';
import { createNaiveEmployeeReads } from './naive-employee-reads.js';

/** One connected account as the naive loaders see it. */
export interface NaiveAccount {
  readonly adapter: ProviderAdapter;
  readonly client: BambooHrClient;
  /** The account's org lists, from the server's lookup cache. */
  lists(ctx: CallContext): Promise<OrgLists>;
}

/** A lookup of the account's own catalog, through the cache. */
function cached<T>(cache: LookupCache, adapter: ProviderAdapter, name: string, ctx: CallContext) {
  return cache.get(adapter, name, adapter.lookups.reads[name]!, ctx) as Promise<T>;
}

export function createNaiveLoaders(
  adapters: readonly { adapter: ProviderAdapter; client: BambooHrClient }[],
  { signal, recorder, deadline, lookupCache }: LoadersInit,
): HrLoaders {
  const accounts: NaiveAccount[] = adapters.map(({ adapter, client }) => ({
    adapter,
    client,
    lists: (ctx) => cached<OrgLists>(lookupCache, adapter, 'lists', ctx),
  }));
  const byId = new Map(accounts.map((a) => [a.adapter.accountId, a]));
  const ctx: CallContext = { signal, recorder, deadline };
  function account(id: AccountId): NaiveAccount {
    const found = byId.get(id);
    if (!found) throw new Error(`No such account: ${id}`);
    return found;
  }
  const reads = (ref: EntityRef) => createNaiveEmployeeReads(account(ref.accountId), ref, ctx);
  const listsOnly = async (id: AccountId): Promise<LookupValues> => {
    const lists = await account(id).lists(ctx);
    return { get: <T>() => lists as T };
  };
  const groups = async (id: AccountId) =>
    account(id).adapter.lookups.groups!.from(await listsOnly(id), id);
  const locations = async (id: AccountId) =>
    account(id).adapter.lookups.locations!.from(await listsOnly(id), id);

  const loaders: HrLoaders = {
    recorder,
    accounts: () => accounts.map((a) => a.adapter),
    account: (id) => byId.get(id)?.adapter,

    async listEmployees(accountId, args) {
      // The same list call hrgraph makes, without lookahead: it carries nothing for the fields.
      const { list } = account(accountId).adapter.employees;
      const query = { filter: args.filter, order: args.order };
      const page = await list.run(
        {
          ...query,
          page: { direction: args.direction, limit: args.limit, native: args.native },
          keys: [],
          lookups: query.filter.departments ? await listsOnly(accountId) : { get: () => never() },
        },
        ctx,
      );
      return {
        ...page,
        records: page.records.map((r) => ({ accountId, remoteId: String(r.id) as RemoteId })),
      };
    },
    async prefetchEmployees(refs) {
      // No lookahead: each lookup proves its employee exists with a call of its own.
      const known = refs.filter((ref) => byId.has(ref.accountId));
      const found = await Promise.all(known.map((ref) => reads(ref).exists()));
      return known.filter((_, i) => found[i]);
    },
    employeeField: (ref, field) => reads(ref).field(field),
    employeeRaw: (ref, keys) => reads(ref).raw(keys),
    async resolveRawFields(id, names) {
      const { adapter } = account(id);
      const fields = await cached<unknown>(lookupCache, adapter, 'fields', ctx);
      return adapter.employees.rawFields.resolve(names, { get: <T>() => fields as T });
    },
    defaultRawFields: () => standardRawFields,
    employee: (ref, selection) => lookUpEmployee(ref, selection),
    row: (ref) => ({ accountId: ref.accountId, remoteId: ref.remoteId }),
    fieldRequest: (id, selection) => fieldRequestOf(loaders, id, selection),
    directReports: (manager, fields) => reportsOf(manager, fields),
    async customFields(id) {
      const { adapter } = account(id);
      const fields = await cached<unknown>(lookupCache, adapter, 'fields', ctx);
      return adapter.employees.rawFields.custom?.({ get: <T>() => fields as T }) ?? [];
    },

    employments: (ref) => reads(ref).employments(),
    compensations: (ref) => reads(ref).compensations(),
    statusHistory: (ref) => reads(ref).statusHistory(),
    timeOff: (ref, window) => reads(ref).timeOff(window),
    timeOffBalances: (ref, asOf) => reads(ref).timeOffBalances(asOf),

    groups,
    group: async (ref) =>
      (await groups(ref.accountId)).find((g) => g.remoteId === ref.remoteId) ?? null,
    locations,
    location: async (ref) =>
      (await locations(ref.accountId)).find((l) => l.remoteId === ref.remoteId) ?? null,
    company: (id) => account(id).adapter.company(ctx),
  };
  const lookUpEmployee = createEmployeeLookup(loaders);
  const reportsOf = createDirectReports(loaders);
  return loaders;
}

function never(): never {
  throw new Error('the naive list reads no lookups without a department filter');
}
