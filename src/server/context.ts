/**
 * What every resolver receives. Built once per GraphQL request by the server; nothing in it
 * outlives the request except the cursor key and the limits, which the server owns.
 */
import type { HrLoaders } from '../loaders/types.js';

/** Page sizes a connection accepts; `first`/`last` beyond `max` are a BAD_USER_INPUT. */
export interface ConnectionLimits {
  /** Used when a connection is asked for with neither `first` nor `last`. @default 50 */
  readonly defaultSize: number;
  /** The documented maximum of `first`/`last` (and of `nodes(ids:)`). @default 1000 */
  readonly maxSize: number;
}

export interface HrContext {
  readonly loaders: HrLoaders;
  /** HMAC key that signs pagination cursors, so a cursor cannot be forged or moved. */
  readonly cursorKey: Uint8Array;
  readonly limits: ConnectionLimits;
  /** The request's notion of "now" (default windows such as "time off this month"). */
  readonly now: () => Date;
}

export const defaultConnectionLimits: ConnectionLimits = { defaultSize: 50, maxSize: 1000 };
