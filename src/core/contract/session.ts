/**
 * The session-based contract the providers were written against before the catalog: a provider
 * plans and loads for itself. Kept only while providers migrate to the catalog (adapter.ts);
 * delete with the last of them.
 */
import type { RemoteId } from '../ids.js';
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
} from '../model.js';
import type {
  EmployeeFilter,
  EmployeeOrder,
  NativePage,
  NativePageRequest,
} from './employee-list.js';
import type { RawFieldRef } from './raw-fields.js';

/** The fields one employee record must carry: unified fields, and raw provider fields. */
export interface EmployeeFieldRequest {
  readonly unified: readonly EmployeeField[];
  readonly raw: readonly string[];
}

export interface EmployeeLoadGroup {
  readonly ids: readonly RemoteId[];
  readonly fields: EmployeeFieldRequest;
}

export interface EmployeeRecord {
  readonly remoteId: RemoteId;
  readonly fields: Partial<EmployeeFields>;
  /**
   * The provider's values by provider field key, as the provider sent them. A Map, because a
   * record can carry hundreds of custom fields, and building objects that wide is slow in V8.
   */
  readonly raw: ReadonlyMap<string, unknown>;
}

export interface EmployeeListQuery {
  readonly filter: EmployeeFilter;
  readonly order: readonly EmployeeOrder[];
  readonly page: NativePageRequest;
  /** The fields the selection will need, so the list call can carry those it is able to. */
  readonly fields: EmployeeFieldRequest;
}

export interface DateWindow {
  readonly start: string;
  readonly end: string;
}

export interface ProviderSession {
  listEmployees(query: EmployeeListQuery): Promise<NativePage<EmployeeRecord>>;
  /**
   * Loads groups of employees, each group with the fields its ids need; the provider plans all
   * groups of one tick together. Missing ids are absent from the map: a foreign or deleted id
   * looks like a missing one.
   */
  loadEmployees(groups: readonly EmployeeLoadGroup[]): Promise<Map<RemoteId, EmployeeRecord>>;
  loadEmployments(ids: readonly RemoteId[]): Promise<Map<RemoteId, Employment[]>>;
  loadCompensations(ids: readonly RemoteId[]): Promise<Map<RemoteId, Compensation[]>>;
  loadStatusHistory(ids: readonly RemoteId[]): Promise<Map<RemoteId, EmploymentStatusChange[]>>;
  loadTimeOff(
    ids: readonly RemoteId[],
    window: DateWindow,
  ): Promise<Map<RemoteId, TimeOffRequest[]>>;
  loadTimeOffBalances(
    ids: readonly RemoteId[],
    asOf: string | null,
  ): Promise<Map<RemoteId, TimeOffBalance[]>>;
  listGroups(): Promise<Group[]>;
  listLocations(): Promise<Location[]>;
  company(): Promise<Company>;
  /**
   * Resolves client-given field names (name, alias or id; case-insensitive) against the
   * provider's field catalogue. Throws BAD_USER_INPUT naming every unknown one.
   */
  resolveRawFields(names: readonly string[]): Promise<RawFieldRef[]>;
  /** The raw fields `remoteData` returns when no fields are named. */
  defaultRawFields(): readonly string[];
}
