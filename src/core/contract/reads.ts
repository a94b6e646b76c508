/**
 * Reads by id: what a provider offers the planner, and how it runs one planned call. The planner
 * only counts (fields per call, ids per call, bytes); the read knows URLs and bodies.
 */
import type { CallContext } from './call-context.js';
import type { ProviderKey } from './keys.js';
import type { RawReply } from './records.js';

/** How many ids one call of an operation takes. */
export type IdsPerCall =
  /** One record per call (`GET /employees/{id}`). */
  | { readonly kind: 'one' }
  /** Up to `max` ids per call (a report filtered by ids). */
  | { readonly kind: 'many'; readonly max: number }
  /** The whole company in one call, whatever ids were asked (`/employees/all/tables/…`). */
  | { readonly kind: 'all' };

export interface PlannedCall {
  readonly operation: string;
  /** Remote ids, each checked against the catalog's `isRemoteId` before it is planned. */
  readonly ids: readonly string[];
  /** Provider keys (the planner's "fields"). */
  readonly fields: readonly ProviderKey[];
}

/** What the planner weighs: an operation without its executor. */
export interface PlannableRead {
  readonly name: string;
  /** Whether one call of this operation can return this provider key. */
  supplies(key: ProviderKey): boolean;
  readonly limits: {
    /** Most keys one call may name. */
    readonly fieldsPerCall: number;
    readonly idsPerCall: IdsPerCall;
  };
  /** Rough bytes one record costs, to break ties between plans with the same number of calls. */
  readonly bytesPerRecord: number;
  /**
   * Whether an id left out of a reply does not exist (Get Employee, a report by ids) rather than
   * merely having nothing to show (a history table, time off). Only such a read can prove that an
   * employee exists. @default true
   */
  readonly provesExistence?: boolean;
}

export interface ReadOperation extends PlannableRead {
  /**
   * Executes one planned call and returns the records as the provider sent them; the loaders
   * check them (ids present and valid, asked for, not repeated) before anything is stored. A key
   * of the call left out of a record is taken as "no value".
   */
  run(call: PlannedCall, ctx: CallContext): Promise<readonly RawReply[]>;
}
