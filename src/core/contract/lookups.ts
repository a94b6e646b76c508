/**
 * Lookups: account-level reads that change slowly (field catalogues, org lists, groups,
 * locations). The provider says how to load each and how long a value stays fresh; the loaders
 * keep them in one shared, bounded cache and show every request one version of each.
 */
import type { AccountId } from '../ids.js';
import type { Group, Location } from '../model.js';
import type { CallContext } from './call-context.js';

export type LookupName = string;

export interface Lookup<T = unknown> {
  /** How long a loaded value may be served (ms): the shared cache keeps it no longer. */
  readonly freshnessMs: number;
  load(ctx: CallContext): Promise<T>;
}

/** The lookups one request has loaded. Reading one that was not asked for is a programming error. */
export interface LookupValues {
  get<T>(name: LookupName): T;
}

/** A value computed from lookups alone, with no call of its own. */
export interface DerivedLookup<T> {
  readonly needs: readonly LookupName[];
  from(values: LookupValues, account: AccountId): T;
}

export interface LookupCatalog {
  readonly reads: Readonly<Record<LookupName, Lookup>>;
  /** The account's groups (departments, divisions, teams…); absent when it keeps none. */
  readonly groups?: DerivedLookup<readonly Group[]>;
  /** The account's work locations; absent when it keeps none. */
  readonly locations?: DerivedLookup<readonly Location[]>;
}
