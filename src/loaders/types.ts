/**
 * What the schema's resolvers may ask of the data layer, per GraphQL request. Resolvers never
 * see a provider: they ask for (entity, field) and the loaders batch every demand of one tick
 * into the fewest provider calls the planner can find.
 */

import type {
  DateWindow,
  EmployeeFieldRequest,
  EmployeeFilter,
  EmployeeOrder,
  NativePage,
  ProviderAdapter,
  RawFieldRef,
} from '../core/contract/index.js';
import type { AccountId, EntityRef, RemoteId } from '../core/ids.js';
import type {
  Company,
  Compensation,
  EmployeeField,
  EmployeeFields,
  Employment,
  EmploymentStatusChange,
  Group,
  Location,
  TimeOffBalance,
  TimeOffRequest,
} from '../core/model.js';
import type { UpstreamRecorder } from '../http/recorder.js';

export interface EmployeeListArgs {
  readonly filter: EmployeeFilter;
  readonly order: readonly EmployeeOrder[];
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
  readonly native: string | null;
  /** Fields the selection needs on every node of the page (from the query's lookahead). */
  readonly fields: EmployeeFieldRequest;
}

export interface HrLoaders {
  readonly recorder: UpstreamRecorder;
  /** The accounts this caller may read, in a stable order. */
  accounts(): readonly ProviderAdapter[];
  /** Undefined for an account the caller may not read: it looks exactly like a missing one. */
  account(id: AccountId): ProviderAdapter | undefined;

  /** One page of employees; every field the page carried is cached for the field loaders. */
  listEmployees(account: AccountId, args: EmployeeListArgs): Promise<NativePage<EntityRef>>;
  /**
   * Loads the given fields for these employees in one batch (used by node, nodes, _entities and
   * any resolver that knows the selection ahead). Resolves to the refs that exist.
   */
  prefetchEmployees(refs: readonly EntityRef[], fields: EmployeeFieldRequest): Promise<EntityRef[]>;
  /** Null, with no provider call, for a field the account's provider cannot supply. */
  employeeField<F extends EmployeeField>(
    ref: EntityRef,
    field: F,
  ): Promise<EmployeeFields[F] | null>;
  /** Raw provider values by provider field key; `keys` come from `resolveRawFields`. */
  employeeRaw(ref: EntityRef, keys: readonly string[]): Promise<Record<string, unknown>>;
  resolveRawFields(account: AccountId, names: readonly string[]): Promise<RawFieldRef[]>;
  defaultRawFields(account: AccountId): readonly string[];

  /** Null (with no provider call) when the account's provider keeps no such history. */
  employments(ref: EntityRef): Promise<Employment[] | null>;
  compensations(ref: EntityRef): Promise<Compensation[] | null>;
  statusHistory(ref: EntityRef): Promise<EmploymentStatusChange[] | null>;
  timeOff(ref: EntityRef, window: DateWindow): Promise<TimeOffRequest[] | null>;
  timeOffBalances(ref: EntityRef, asOf: string | null): Promise<TimeOffBalance[] | null>;

  groups(account: AccountId): Promise<Group[]>;
  group(ref: EntityRef): Promise<Group | null>;
  locations(account: AccountId): Promise<Location[]>;
  location(ref: EntityRef): Promise<Location | null>;
  company(account: AccountId): Promise<Company>;
}

export type { RemoteId };
