/**
 * BambooHR values into the unified model. Every normalised enum keeps BambooHR's own value as
 * `raw`, and anything this mapping does not know becomes OTHER rather than a guess.
 */
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentSchedule,
  EmploymentStatus,
  Gender,
  MaritalStatus,
  Normalized,
} from '../../core/model.js';

/** BambooHR employee ids are positive integers. */
export const numericId = /^\d+$/;

/** Option text → option id, per list (`department`, `division`, `location`). */
export interface ListIndex {
  optionId(list: 'department' | 'division' | 'location', text: string): string | null;
}

/** A stored employee record (a Map) or one row of a table (an object). */
type Raw = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

function fieldOf(raw: Raw, key: string): unknown {
  return raw instanceof Map ? raw.get(key) : (raw as Readonly<Record<string, unknown>>)[key];
}

/**
 * A text value: BambooHR sends strings (and numbers for some ids). Anything else where text
 * belongs (an object, a list, a boolean) is BambooHR's fault, UPSTREAM_BAD_RESPONSE at the
 * field: `String()` of it would show text no reply held (`[object Object]`, `1,2`).
 */
export function text(raw: Raw, key: string): string | null {
  const value = fieldOf(raw, key);
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') throw notText(key);
  const s = typeof value === 'string' ? value : String(value);
  return s.trim() === '' ? null : s;
}

function notText(key: string) {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `BambooHR sent ${key} as something other than text`,
    {
      field: key,
    },
  );
}

/** BambooHR writes an unset date as `0000-00-00`. */
export function date(raw: Raw, key: string): string | null {
  const value = text(raw, key);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && value !== '0000-00-00' ? value : null;
}

function normalized<E extends string>(
  raw: string | null,
  map: (v: string) => E,
): Normalized<E> | null {
  return raw === null ? null : { value: map(raw.trim().toLowerCase()), raw };
}

const relationshipByStatus: Readonly<Record<string, EmploymentRelationship>> = {
  'full-time': 'EMPLOYEE',
  'part-time': 'EMPLOYEE',
  contractor: 'CONTRACTOR',
  contract: 'CONTRACTOR',
  intern: 'INTERN',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
  freelance: 'FREELANCE',
};

const scheduleByStatus: Readonly<Record<string, EmploymentSchedule>> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
};

export function employmentStatus(
  status: string | null,
  historyStatus: string | null,
): Normalized<EmploymentStatus> | null {
  if (historyStatus && /leave/i.test(historyStatus)) return { value: 'LEAVE', raw: historyStatus };
  return normalized(status, (v) =>
    v === 'active' ? 'ACTIVE' : v === 'inactive' ? 'INACTIVE' : 'OTHER',
  );
}

export const employmentRelationship = (historyStatus: string | null) =>
  normalized<EmploymentRelationship>(historyStatus, (v) => relationshipByStatus[v] ?? 'OTHER');

export const employmentSchedule = (historyStatus: string | null) =>
  normalized<EmploymentSchedule>(historyStatus, (v) => scheduleByStatus[v] ?? 'OTHER');

const genders: Readonly<Record<string, Gender>> = {
  female: 'FEMALE',
  male: 'MALE',
  nonbinary: 'NON_BINARY',
  'non-binary': 'NON_BINARY',
  'prefer not to say': 'PREFER_NOT_TO_DISCLOSE',
};

const maritalStatuses: Readonly<Record<string, MaritalStatus>> = {
  single: 'SINGLE',
  married: 'MARRIED',
  'domestic partnership': 'DOMESTIC_PARTNERSHIP',
  divorced: 'DIVORCED',
  widowed: 'WIDOWED',
};

function address(raw: Raw): Address | null {
  const value: Address = {
    line1: text(raw, 'address1'),
    line2: text(raw, 'address2'),
    city: text(raw, 'city'),
    state: text(raw, 'state'),
    postalCode: text(raw, 'zipcode'),
    country: text(raw, 'country'),
  };
  return Object.values(value).every((v) => v === null) ? null : value;
}

function listRef(
  lists: ListIndex,
  list: 'department' | 'division' | 'location',
  raw: Raw,
): RemoteId | null {
  const name = text(raw, list);
  if (name === null) return null;
  const id = lists.optionId(list, name);
  return id === null ? null : groupRemoteId(list, id);
}

/** Groups of different kinds share one id space in the global ID, so the kind is part of it. */
export function groupRemoteId(list: 'department' | 'division' | 'location', optionId: string) {
  return remoteId(list === 'location' ? optionId : `${list}:${optionId}`);
}

/** Maps the raw fields one unified field draws on into its unified value. */
export function unifiedValue<F extends EmployeeField>(
  field: F,
  raw: Raw,
  lists: ListIndex,
): EmployeeFields[F] {
  const value = ((): EmployeeFields[EmployeeField] => {
    switch (field) {
      case 'personalEmail':
        return text(raw, 'homeEmail');
      case 'department':
      case 'division':
      case 'location':
        return listRef(lists, field, raw);
      case 'manager': {
        const id = text(raw, 'supervisorEId');
        if (id === null || id === '0') return null;
        // A manager is a reference: an id BambooHR could not have issued is no one to show or read.
        if (!numericId.test(id)) throw notText('supervisorEId');
        return remoteId(id);
      }
      case 'employmentStatus':
        return employmentStatus(text(raw, 'status'), text(raw, 'employmentHistoryStatus'));
      case 'employmentRelationship':
        return employmentRelationship(text(raw, 'employmentHistoryStatus'));
      case 'employmentSchedule':
        return employmentSchedule(text(raw, 'employmentHistoryStatus'));
      case 'startDate':
      case 'hireDate':
        return date(raw, 'hireDate');
      case 'terminationDate':
      case 'dateOfBirth':
        return date(raw, field);
      case 'gender':
        return normalized<Gender>(text(raw, 'gender'), (v) => genders[v] ?? 'OTHER');
      case 'maritalStatus':
        return normalized<MaritalStatus>(
          text(raw, 'maritalStatus'),
          (v) => maritalStatuses[v] ?? 'OTHER',
        );
      case 'homeAddress':
        return address(raw);
      case 'avatarUrl':
        return text(raw, 'photoUrl');
      case 'createdAt':
        return null;
      case 'modifiedAt':
        return text(raw, 'lastChanged');
      default:
        return text(raw, field);
    }
  })();
  return value as EmployeeFields[F];
}
