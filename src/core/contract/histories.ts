/**
 * History rows (jobs, pay, status changes, time off, balances) come from keys of the employee's
 * stored record, like any field: a history table is one key, a windowed read one key per window.
 */
import type { EntityRef } from '../ids.js';
import type {
  Compensation,
  Employment,
  EmploymentStatusChange,
  TimeOffBalance,
  TimeOffRequest,
} from '../model.js';
import type { ProviderKey } from './keys.js';
import type { LookupName, LookupValues } from './lookups.js';

export interface DateWindow {
  readonly start: string;
  readonly end: string;
}

export interface HistorySource<Row, Arg = undefined> {
  /** The key holding the rows (built with `argumentKey` when it carries `arg`). */
  key(arg: Arg): ProviderKey;
  /** Lookups the rows' normalisation reads. */
  readonly needs?: readonly LookupName[];
  /** The unified rows of one employee from the key's stored value (null: the provider had none). */
  rows(value: unknown, owner: EntityRef, lookups: LookupValues, arg: Arg): Row[];
}

/** Each history the provider keeps; one left out is null at no cost. */
export interface HistorySources {
  readonly employments?: HistorySource<Employment>;
  readonly compensations?: HistorySource<Compensation>;
  readonly statusHistory?: HistorySource<EmploymentStatusChange>;
  readonly timeOff?: HistorySource<TimeOffRequest, DateWindow>;
  /** `arg` is the as-of date, or null for the provider's today. */
  readonly timeOffBalances?: HistorySource<TimeOffBalance, string | null>;
}
