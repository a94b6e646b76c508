/**
 * What the schema's resolvers may ask of the data layer, per GraphQL request. Resolvers never
 * see a provider: they ask for (employee, field) and the loaders batch every demand of one tick
 * into the fewest provider calls the planner can find. Employees travel as rows: a handle on the
 * request store's entry, so a field the store holds resolves without a Promise.
 */
import type {
  CustomFieldDefinition,
  DateWindow,
  EmployeeFilter,
  EmployeeOrder,
  NativePage,
  ProviderAdapter,
  RawFieldRef,
} from '../core/contract/index.js';
import type { AccountId, EntityRef } from '../core/ids.js';
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
import type { UpstreamRecorder } from '../core/upstream.js';
import type { StoredEmployee } from './record-store.js';

/** A value now, or once the loaders have it. */
export type Maybe<T> = T | Promise<T>;

/** The fields one employee record must carry: unified fields, and raw provider keys. */
export interface EmployeeFieldRequest {
  readonly unified: readonly EmployeeField[];
  readonly raw: readonly string[];
}

/** What a selection needs on each Employee: unified fields, and provider fields by name. */
export interface EmployeeSelection {
  readonly unified: readonly EmployeeField[];
  /** Names given to `customFields(names:)` and `remoteData(fields:)`, as the client wrote them. */
  readonly rawNames: readonly string[];
  /** Whether `remoteData` is selected, which brings the provider's default raw fields. */
  readonly defaultRaw: boolean;
}

/**
 * An employee as the schema holds it. `entry` is the request store's record when the store had
 * it as the row was made (a list page, a batched read); a row without one finds it by id.
 */
export interface EmployeeRow extends EntityRef {
  readonly entry?: StoredEmployee | undefined;
}

export interface EmployeeListArgs {
  readonly filter: EmployeeFilter;
  readonly order: readonly EmployeeOrder[];
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
  readonly native: string | null;
  /** Fields the selection needs on every node of the page (from the query's lookahead). */
  readonly fields: EmployeeFieldRequest;
  /**
   * Fields the nodes' managers are asked for (`manager { … }`). The page carries them too when
   * its call can carry every one of them beside `fields`, so managers on the page cost no call;
   * otherwise the page is planned as without them. @default none
   */
  readonly managerFields?: EmployeeFieldRequest;
}

export interface HrLoaders {
  readonly recorder: UpstreamRecorder;
  /** The accounts this caller may read, in a stable order. */
  accounts(): readonly ProviderAdapter[];
  /** Undefined for an account the caller may not read: it looks exactly like a missing one. */
  account(id: AccountId): ProviderAdapter | undefined;

  /** One page of employees; every field the page carried is stored for the field resolvers. */
  listEmployees(account: AccountId, args: EmployeeListArgs): Promise<NativePage<EmployeeRow>>;
  /**
   * Loads the given fields for these employees in one batch and resolves to the rows of those
   * that exist.
   */
  prefetchEmployees(
    refs: readonly EntityRef[],
    fields: EmployeeFieldRequest,
  ): Promise<EmployeeRow[]>;
  /**
   * An employee looked up by id (`node`, `nodes`, `_entities`): every lookup of one tick is one
   * existence-and-fields batch. Null when it does not exist or is not the caller's to read.
   */
  employee(ref: EntityRef, selection: EmployeeSelection): Promise<EmployeeRow | null>;
  /** A row for an employee another record refers to (a manager); whether it exists is for its fields to find out. */
  row(ref: EntityRef): EmployeeRow;
  /** Null, with no provider call, for a field the account's provider cannot supply. */
  employeeField<F extends EmployeeField>(
    row: EmployeeRow,
    field: F,
  ): Maybe<EmployeeFields[F] | null>;
  /** Raw provider values by provider key; `keys` come from `resolveRawFields`. */
  employeeRaw(row: EmployeeRow, keys: readonly string[]): Maybe<Record<string, unknown>>;
  /** Resolved once per request for each account and list of names; a failure is shared too. */
  resolveRawFields(account: AccountId, names: readonly string[]): Promise<RawFieldRef[]>;
  defaultRawFields(account: AccountId): readonly string[];
  /** The account's custom fields; [] with no provider call when its provider keeps none. */
  customFields(account: AccountId): Promise<readonly CustomFieldDefinition[]>;
  /** The field request a selection makes of one account (its names resolved to keys). */
  fieldRequest(account: AccountId, selection: EmployeeSelection): Promise<EmployeeFieldRequest>;
  /**
   * The current direct reports of a manager. Every call of one tick shares one provider list
   * per account, carrying `fields` for the reports.
   */
  directReports(manager: EntityRef, fields: readonly EmployeeField[]): Promise<EmployeeRow[]>;

  /** Null (with no provider call) when the account's provider keeps no such history. */
  employments(row: EmployeeRow): Promise<Employment[] | null>;
  compensations(row: EmployeeRow): Promise<Compensation[] | null>;
  statusHistory(row: EmployeeRow): Promise<EmploymentStatusChange[] | null>;
  timeOff(row: EmployeeRow, window: DateWindow): Promise<TimeOffRequest[] | null>;
  timeOffBalances(row: EmployeeRow, asOf: string | null): Promise<TimeOffBalance[] | null>;

  groups(account: AccountId): Promise<readonly Group[]>;
  group(ref: EntityRef): Promise<Group | null>;
  locations(account: AccountId): Promise<readonly Location[]>;
  location(ref: EntityRef): Promise<Location | null>;
  company(account: AccountId): Promise<Company>;
}
