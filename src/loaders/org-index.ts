/**
 * The org index: who reports to whom in one account (manager id → report ids, in list order), for
 * a provider whose list cannot filter by manager. Without it every request's `directReports`
 * walks the whole company again (Gusto: about 25 calls of a 200-a-minute budget, gone in a
 * handful of requests). It is a derived lookup: read from the list operation carrying only the
 * manager's keys, kept in the shared lookup cache for a stated freshness like any lookup, one per
 * account. Only the reporting lines can be that old: the reports' own fields are read per request
 * through the normal planned reads.
 */
import type { ProviderAdapter } from '../core/contract/index.js';
import type { RemoteId } from '../core/ids.js';
import type { LookupCache } from './lookup-cache.js';
import type { EmployeeRow } from './types.js';

/**
 * How long an org index is served from the shared cache: five minutes, as the providers' field
 * and list metadata. A new hire or a changed reporting line shows under `directReports` within
 * it; the reports' fields are never that old.
 */
export const orgIndexFreshnessMs = 300_000;

/** Its name in the lookup cache: apart from the providers' own lookups, which are plain words. */
export const orgIndexName = 'hrgraph:orgIndex';

export type OrgIndex = ReadonlyMap<RemoteId, readonly RemoteId[]>;

/** One account's org index: the cached one while fresh, else `build`'s (which walks the list). */
export type OrgIndexes = (
  adapter: ProviderAdapter,
  build: () => Promise<OrgIndex>,
) => Promise<OrgIndex>;

/** No sharing: every request builds its own (for loaders without a server's cache). */
export const unsharedOrgIndexes: OrgIndexes = (_adapter, build) => build();

/** Org indexes kept in the server's shared lookup cache, loaded with this request's calls. */
export function sharedOrgIndexes(cache: LookupCache, ctx: Parameters<LookupCache['get']>[3]) {
  return function orgIndexOf(adapter: ProviderAdapter, build: () => Promise<OrgIndex>) {
    return cache.get(adapter, orgIndexName, { freshnessMs: orgIndexFreshnessMs, load: build }, ctx);
  } satisfies OrgIndexes;
}

/** The index of a walk's reports by manager: ids only, so no request's rows outlive it. */
export function indexOf(reports: ReadonlyMap<RemoteId, readonly EmployeeRow[]>): OrgIndex {
  const index = new Map<RemoteId, RemoteId[]>();
  for (const [manager, rows] of reports) {
    index.set(
      manager,
      rows.map((row) => row.remoteId),
    );
  }
  return index;
}
