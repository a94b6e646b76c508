/**
 * Alternate keys: some providers refer to another employee by something other than its id (Google
 * names a manager by email). The catalog says how to find a record by that key; `normalize`
 * returns a reference by the key, and the loaders turn it into an id: from the records the
 * request has already stored, else by reading the referenced records (which then join the store,
 * so their own fields cost nothing more).
 */
import type { CallContext } from './call-context.js';
import type { ProviderKey } from './keys.js';
import type { IdsPerCall, PlannedCall } from './reads.js';
import type { RawEmployee, RawReply } from './records.js';

export interface AlternateKey {
  /**
   * A stored record's own value of this key, spelled as references spell it (the provider
   * normalises both sides, e.g. lower-cased emails); null when the record has none.
   */
  keyOf(record: RawEmployee): string | null;
  /** Reads records by values of this key. */
  readonly read: AlternateRead;
}

export interface AlternateRead {
  readonly name: string;
  /** How many values one call takes (`one`: a read per value). */
  readonly idsPerCall: IdsPerCall;
  /**
   * One call: `call.ids` are values of the key, `call.fields` is empty. Returns the records as the
   * provider sent them, each with every key the read covers (null where the provider has no
   * value): the read's default record, not a mask. A value nobody has is simply not answered;
   * with one value per call, the record answered is that value's even when its own key differs
   * (an alias).
   */
  run(call: PlannedCall, ctx: CallContext): Promise<readonly RawReply[]>;
  /**
   * Whether the read's record holds this key: a key it holds is never read again for the record.
   * Explain counts by it; left out, the records' other reads are a bound. @default unknown
   */
  covers?(key: ProviderKey): boolean;
}

/** Marks a reference, so no other value (an id is a string; a group id too) passes for one. */
const alternate: unique symbol = Symbol('reference by an alternate key');

/** A reference to an employee by a value of one of the catalog's alternate keys. */
export interface AlternateRef {
  readonly [alternate]: true;
  /** The name of the key in `EmployeeCatalog.alternateKeys`. */
  readonly key: string;
  readonly value: string;
}

/** A reference by `key` = `value`, for `normalize` to return in place of an id. */
export function byAlternateKey(key: string, value: string): AlternateRef {
  return { [alternate]: true, key, value };
}

export function isAlternateRef(value: unknown): value is AlternateRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<AlternateRef>)[alternate] === true
  );
}
