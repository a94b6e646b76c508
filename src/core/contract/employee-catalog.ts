/**
 * How a provider describes its employees: which of its keys make each unified field, how to read
 * them (list, reads by id), how to turn stored values into unified ones, and which ids it could
 * ever have issued. The loaders plan and execute from this; the provider never plans.
 */
import type { EmployeeField, EmployeeFields } from '../model.js';
import type { AlternateKey, AlternateRef } from './alternate-keys.js';
import type { HistorySources } from './histories.js';
import type { ProviderKey } from './keys.js';
import type { ListOperation } from './list.js';
import type { LookupName, LookupValues } from './lookups.js';
import type { RawFieldCatalog } from './raw-fields.js';
import type { ReadOperation } from './reads.js';
import type { RawEmployee } from './records.js';

export interface EmployeeCatalog {
  /**
   * Whether a string can be one of this provider's employee ids. An id that cannot is missing:
   * it is never sent to the provider, and a reply carrying one is UPSTREAM_BAD_RESPONSE.
   */
  isRemoteId(id: string): boolean;
  /**
   * The key under which a record carries its own id (`id`, `uuid`). The loaders fill it from the
   * checked id of every stored record and never ask a read for it.
   */
  readonly idKey: ProviderKey;
  /** Provider keys behind each unified field it supplies; a field absent here is null at no cost. */
  readonly sources: Readonly<Partial<Record<EmployeeField, readonly ProviderKey[]>>>;
  /** Lookups a field's normalisation reads (a department name → its group id). */
  readonly needs?: Readonly<Partial<Record<EmployeeField, readonly LookupName[]>>>;
  /**
   * One unified field of one stored record, from its source keys (all present) and its lookups
   * (all loaded): pure and synchronous.
   */
  normalize<F extends EmployeeField>(
    field: F,
    record: RawEmployee,
    lookups: LookupValues,
  ): NormalizedValue<F>;
  /** History rows carried by keys of the record. */
  readonly histories: HistorySources;
  /** The list operation. */
  readonly list: ListOperation;
  /** Reads by id, the planner's choices. */
  readonly reads: readonly ReadOperation[];
  /**
   * Reads by another key, for references the provider makes by that key (Google names a manager
   * by email): `normalize` returns `byAlternateKey(name, value)` and the loaders resolve it into
   * an id, reading the referenced records as they go.
   */
  readonly alternateKeys?: Readonly<Record<string, AlternateKey>>;
  readonly rawFields: RawFieldCatalog;
}

/** Unified fields that name another employee, and so may be a reference by an alternate key. */
export type EmployeeReferenceField = 'manager';

/** What `normalize` returns: the unified value, or for a reference field, possibly a reference. */
export type NormalizedValue<F extends EmployeeField> =
  | EmployeeFields[F]
  | (F extends EmployeeReferenceField ? AlternateRef : never);
