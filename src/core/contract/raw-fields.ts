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

/** A custom field an account keeps, as its provider's field catalogue describes it. */
export interface CustomFieldDefinition {
  /** What `customFields(names:)` takes for it. */
  readonly name: string;
  /** The provider's key for it: what `remoteData` keys its value by. */
  readonly key: ProviderKey;
  /** What the provider shows people it is called, where it says; else null. */
  readonly label: string | null;
  /** The provider's type for it, as the provider spells it (`list`, `string`, `PHONE`, …). */
  readonly type: string | null;
}

export interface RawFieldCatalog {
  /** Lookups `resolve` and `custom` read (the provider's field catalogue). */
  readonly needs: readonly LookupName[];
  /**
   * The lookups resolving these names reads, where that can be fewer than `needs`: a provider
   * that knows its standard fields without a call reads its catalogue only for the others.
   * @default needs
   */
  needsFor?(names: readonly string[]): readonly LookupName[];
  /**
   * Client names (name, alias or id; case-insensitive) to keys. Throws BAD_USER_INPUT naming
   * every unknown one.
   */
  resolve(names: readonly string[], lookups: LookupValues): RawFieldRef[];
  /** What `remoteData` returns when no fields are named. */
  readonly defaults: readonly ProviderKey[];
  /** The account's custom fields, from the lookups named in `needs`; absent: it keeps none. */
  custom?(lookups: LookupValues): readonly CustomFieldDefinition[];
}
