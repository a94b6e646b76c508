/**
 * The naive baseline: the same schema over an `HrLoaders` with no batching and no planner — what
 * a first GraphQL-over-REST version of BambooHR typically looks like. Every Employee field is its
 * own `GET /v1/employees/{id}?fields=<that field's BambooHR sources>`, every history table and
 * time-off list is read per employee, and a list page is the same list call hrgraph makes but
 * without lookahead, so it carries nothing the fields can reuse.
 *
 * It is granted what any version would have: field and org-list metadata cached per account
 * (as hrgraph caches it), and `Get Employee`'s 400-field ceiling respected.
 */

import type { CallContext, ProviderAdapter } from '../../src/core/contract/index.js';
import type { AccountId, EntityRef } from '../../src/core/ids.js';
import type { HrLoaders } from '../../src/loaders/types.js';
import type { BambooHrClient } from '../../src/providers/bamboohr/client.js';
import { standardRawFields } from '../../src/providers/bamboohr/fields.js';
import type { BambooHrMetadata } from '../../src/providers/bamboohr/metadata.js';
import type { LoadersInit } from '../../src/server/create-server.js';
import { createNaiveEmployeeReads } from './naive-employee-reads.js';

/** One connected account as the naive loaders see it. */
export interface NaiveAccount {
  readonly adapter: ProviderAdapter;
  readonly client: BambooHrClient;
  readonly metadata: BambooHrMetadata;
}

const noFields = { unified: [], raw: [] } as const;

export function createNaiveLoaders(
  accounts: readonly NaiveAccount[],
  { signal, recorder, deadline }: LoadersInit,
): HrLoaders {
  const byId = new Map(accounts.map((a) => [a.adapter.accountId, a]));
  const ctx: CallContext = { signal, recorder, deadline };
  const sessions = new Map(accounts.map((a) => [a.adapter.accountId, a.adapter.session(ctx)]));
  function account(id: AccountId): NaiveAccount {
    const found = byId.get(id);
    if (!found) throw new Error(`No such account: ${id}`);
    return found;
  }
  const session = (id: AccountId) => {
    account(id);
    return sessions.get(id)!;
  };
  const reads = (ref: EntityRef) => createNaiveEmployeeReads(account(ref.accountId), ref, ctx);

  return {
    recorder,
    accounts: () => accounts.map((a) => a.adapter),
    account: (id) => byId.get(id)?.adapter,

    async listEmployees(accountId, args) {
      const page = await session(accountId).listEmployees({
        filter: args.filter,
        order: args.order,
        page: { direction: args.direction, limit: args.limit, native: args.native },
        fields: noFields,
      });
      return {
        ...page,
        records: page.records.map((r) => ({ accountId, remoteId: r.remoteId })),
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
    resolveRawFields: (id, names) => account(id).metadata.resolveFields(names, ctx),
    defaultRawFields: () => standardRawFields,

    employments: (ref) => reads(ref).employments(),
    compensations: (ref) => reads(ref).compensations(),
    statusHistory: (ref) => reads(ref).statusHistory(),
    timeOff: (ref, window) => reads(ref).timeOff(window),
    timeOffBalances: (ref, asOf) => reads(ref).timeOffBalances(asOf),

    groups: (id) => session(id).listGroups(),
    group: async (ref) =>
      (await session(ref.accountId).listGroups()).find((g) => g.remoteId === ref.remoteId) ?? null,
    locations: (id) => session(id).listLocations(),
    location: async (ref) =>
      (await session(ref.accountId).listLocations()).find((l) => l.remoteId === ref.remoteId) ??
      null,
    company: (id) => session(id).company(),
  };
}
