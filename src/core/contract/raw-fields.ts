/** The raw-field catalogue: provider fields by the client's own names (`customFields`, `remoteData`). */
import type { ProviderKey } from './keys.js';
import type { LookupName, LookupValues } from './lookups.js';

/** A provider field asked for by name, resolved against the provider's field catalogue. */
export interface RawFieldRef {
  /** The provider's canonical key for the field, used in requests and in `remoteData`. */
  readonly key: ProviderKey;
  /** The name the client used (`customShirtSize`, `Shirt Size`, `5003`). */
  readonly requestedAs: string;
}

export interface RawFieldCatalog {
  /** Lookups `resolve` reads (the provider's field catalogue). */
  readonly needs: readonly LookupName[];
  /**
   * Client names (name, alias or id; case-insensitive) to keys. Throws BAD_USER_INPUT naming
   * every unknown one.
   */
  resolve(names: readonly string[], lookups: LookupValues): RawFieldRef[];
  /** What `remoteData` returns when no fields are named. */
  readonly defaults: readonly ProviderKey[];
}
