/**
 * What every resolver receives. Built once per GraphQL request by the server; nothing in it
 * outlives the request except the cursor key and the limits, which the server owns.
 */
import type { AccountStatus } from '../core/account-status.js';
import type { AccountId } from '../core/ids.js';
import type { HrLoaders } from '../loaders/types.js';

/** Where an account stands with its provider, in words safe to show. */
export interface AccountStanding {
  readonly status: AccountStatus;
  readonly reason: string | null;
  /** Epoch ms when a lockout lifts. */
  readonly lockedUntil: number | null;
}

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
  /** The account's standing; undefined where nothing tracks it (it is then taken as ACTIVE). */
  readonly standing: (account: AccountId) => AccountStanding | undefined;
}

export const defaultConnectionLimits: ConnectionLimits = { defaultSize: 50, maxSize: 1000 };
