/**
 * The provider contract. The loaders and the schema speak only this; a provider's knowledge (URLs,
 * auth, field names, pagination, mapping) stays in its own folder behind it.
 *
 * An adapter is created once per connected account at start-up. For each GraphQL request the
 * loaders open a session on it, which carries the request's abort signal and its upstream
 * recorder; a session never outlives its request.
 */

import type { UpstreamRecorder } from './http/recorder.js';
import type { AccountId, EntityRef, RemoteId } from './ids.js';
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
} from './model.js';

import type { ProviderName } from './registry.js';

export type { ProviderName };

/**
 * How an account proves itself: a static key (BambooHR API key, Okta SSWS token), a token the
 * account layer keeps fresh (OAuth authorization code: BambooHR, Gusto), or a private key the
 * provider signs its own token requests with (Okta private_key_jwt, Google service accounts).
 */
export type AuthKind = 'apiKey' | 'oauth' | 'serviceAccount';

/**
 * A private key registered with the provider. What each field means is the provider's: Okta's
 * client id and JWK `kid`; Google's service-account email, `private_key_id`, the admin to
 * impersonate and the key file's `token_uri`.
 */
export interface ServiceAccountKey {
  readonly clientId: string;
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  readonly keyId: string | null;
  /** Whom the token acts for (Google domain-wide delegation); null when the client acts itself. */
  readonly subject: string | null;
  /** Where tokens are asked for, when the key names it (Google's `token_uri`). */
  readonly tokenUrl: string | null;
}

/**
 * How an account authenticates. Secrets stay behind these values: a key is read only when a call
 * (or a token request) is made, and an OAuth token is asked for per call so the account layer can
 * refresh it.
 */
export type AccountCredentials =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'oauth'; readonly accessToken: () => Promise<string> }
  | { readonly kind: 'serviceAccount'; readonly key: ServiceAccountKey };

/** What a request lends to every provider call it causes. */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /**
   * When the request must be answered by (epoch ms). The http client never waits for a retry
   * past it and cuts an attempt short at it, so a slow provider fails the field, not the request.
   */
  readonly deadline?: number;
}

/** A provider field asked for by name, already resolved against the provider's field catalogue. */
export interface RawFieldRef {
  /** The provider's canonical key for the field, used in requests and in `remoteData`. */
  readonly key: string;
  /** The name the client used (`customShirtSize`, `Shirt Size`, `5003`). */
  readonly requestedAs: string;
}

/** A custom field an account keeps, as its provider's field catalogue describes it. */
export interface CustomFieldDefinition {
  /** What `customFields(names:)` takes for it. */
  readonly name: string;
  /** The provider's key for it: what `remoteData` keys its value by. */
  readonly key: string;
  /** What the provider shows people it is called, where it says; else null. */
  readonly label: string | null;
  /** The provider's type for it, as the provider spells it (`list`, `string`, `PHONE`, …). */
  readonly type: string | null;
}

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

export type EmployeeStatusFilter = 'ACTIVE' | 'INACTIVE';

export interface EmployeeFilter {
  readonly status?: EmployeeStatusFilter;
  /** Case-insensitive substring of the first or last name. */
  readonly firstName?: string;
  readonly lastName?: string;
  readonly jobTitle?: string;
  /** Department remote ids. */
  readonly departments?: readonly RemoteId[];
  readonly ids?: readonly RemoteId[];
  /** Employees whose current manager is one of these (direct reports). */
  readonly managers?: readonly RemoteId[];
}

export type EmployeeOrderField = 'REMOTE_ID' | 'FIRST_NAME' | 'LAST_NAME' | 'JOB_TITLE' | 'STATUS';

export interface EmployeeOrder {
  readonly field: EmployeeOrderField;
  readonly direction: 'ASC' | 'DESC';
}

/** A page request in the provider's own terms; `native` is the provider's cursor, opaque here. */
export interface NativePageRequest {
  readonly direction: 'forward' | 'backward';
  readonly limit: number;
  /** Where to start; null for the first (forward) or last (backward) page. */
  readonly native: string | null;
}

export interface NativePage<T> {
  readonly records: readonly T[];
  /** Cursor of the page after this one, null at the end. */
  readonly next: string | null;
  /** Cursor of the page before this one, null at the start. */
  readonly prev: string | null;
  readonly totalCount: number | null;
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

/** Which unified fields and objects an account's provider can supply at all. */
export interface Capabilities {
  readonly employeeFields: readonly EmployeeField[];
  readonly employments: boolean;
  readonly compensations: boolean;
  readonly statusHistory: boolean;
  readonly timeOff: boolean;
  readonly timeOffBalances: boolean;
  readonly groups: boolean;
  readonly locations: boolean;
  readonly customFields: boolean;
  readonly filters: readonly (keyof EmployeeFilter)[];
  readonly orders: readonly EmployeeOrderField[];
  /** Most records one page may carry. */
  readonly maxPageSize: number;
  /**
   * The directions the provider's own cursor can walk. A forward-only cursor (Okta's `after`,
   * Google's `pageToken`) cannot serve `last`/`before`; the connection says so instead of
   * reading the whole list to find its end.
   */
  readonly pagingDirections: readonly ('forward' | 'backward')[];
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
  /** The account's custom fields, from the provider's field catalogue; [] when it keeps none. */
  listCustomFields(): Promise<CustomFieldDefinition[]>;
}

export interface ProviderAdapter {
  readonly provider: ProviderName;
  readonly accountId: AccountId;
  readonly authKind: AuthKind;
  readonly capabilities: Capabilities;
  session(ctx: CallContext): ProviderSession;
}

export type { EntityRef };
