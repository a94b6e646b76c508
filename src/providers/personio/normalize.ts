/**
 * Personio's employee record in the unified model. Attributes arrive unwrapped (records.ts):
 * text, numbers, dates as midnight timestamps with an offset (`2012-02-01T00:00:00+0100`), and
 * references as typed objects — `department` and `office` as `{type, attributes: {id, name}}`, the
 * `supervisor` as a short Employee whose id is `attributes.id.value`.
 *
 * A value of the wrong kind (an object where text belongs, a date that is no date) is Personio's
 * fault: UPSTREAM_BAD_RESPONSE at the field, never "[object Object]" or a made-up null.
 */

import type { LookupValues } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentSchedule,
  EmploymentStatus,
  Gender,
  Normalized,
} from '../../core/model.js';
import { employeeFieldSources } from './fields.js';
import { listedUnit, type OrgIndex } from './org.js';
import { isRecord, type Json } from './shapes.js';

/** A stored employee record (a Map) or one object Personio nested in it. */
export type Raw = ReadonlyMap<string, unknown> | Readonly<Json>;

export function fieldOf(raw: Raw, key: string): unknown {
  return raw instanceof Map ? raw.get(key) : (raw as Readonly<Json>)[key];
}

export function badValue(field: string, what: string): never {
  throw hrError(ErrorCode.UPSTREAM_BAD_RESPONSE, `Personio sent ${what} for ${field}`, { field });
}

/** Text: a string ("" is none); a number as its digits; anything else is a fault. */
export function text(raw: Raw, key: string): string | null {
  const value = fieldOf(raw, key);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return badValue(key, 'a value that is not text');
}

/** A calendar date from v1's midnight timestamps (or a bare date, as v2 writes them). */
export function date(raw: Raw, key: string): string | null {
  const value = text(raw, key);
  if (value === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  const day = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (
    !day ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== match![0].slice(0, 10)
  ) {
    return badValue(key, 'a date that is not a calendar date');
  }
  return match![0].slice(0, 10);
}

/** A timestamp, as ISO 8601 in UTC (v1 may write offsets without a colon, `+0100`). */
export function timestamp(raw: Raw, key: string): string | null {
  const value = text(raw, key);
  if (value === null) return null;
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(withColon);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    return badValue(key, 'a timestamp that is not ISO 8601');
  }
  return new Date(time).toISOString();
}

/** The id a typed reference names: `{type, attributes: {id}}`, the id plain or wrapped. */
export function referenceId(raw: Raw, key: string): RemoteId | null {
  const value = fieldOf(raw, key);
  if (value === null || value === undefined) return null;
  const attributes = isRecord(value) ? value.attributes : undefined;
  if (!isRecord(attributes)) return badValue(key, 'a reference without attributes');
  const id = isRecord(attributes.id) ? attributes.id.value : attributes.id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return remoteId(String(id));
  if (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id)) return remoteId(id);
  return badValue(key, 'a reference without a usable id');
}

const statuses: Readonly<Record<string, EmploymentStatus>> = {
  active: 'ACTIVE',
  onboarding: 'PENDING',
  leave: 'LEAVE',
  inactive: 'INACTIVE',
};

const relationships: Readonly<Record<string, EmploymentRelationship>> = {
  internal: 'EMPLOYEE',
  external: 'CONTRACTOR',
};

const genders: Readonly<Record<string, Gender>> = {
  female: 'FEMALE',
  male: 'MALE',
  diverse: 'NON_BINARY',
};

function normalized<E extends string>(
  raw: string | null,
  map: Readonly<Record<string, E>>,
  other: E,
): Normalized<E> | null {
  return raw === null ? null : { value: map[raw.toLowerCase()] ?? other, raw };
}

/**
 * Personio records weekly hours, not a schedule: 35 hours or more is FULL_TIME (a sandbox-free
 * choice: the common full-time threshold in Personio's EU markets), fewer PART_TIME; the raw
 * twin is the hours as Personio sent them.
 */
function schedule(record: Raw): Normalized<EmploymentSchedule> | null {
  const value = fieldOf(record, 'weekly_working_hours');
  if (value === null || value === undefined || value === '') return null;
  const hours = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(hours) || hours < 0) {
    return badValue('weekly_working_hours', 'weekly hours that are not a number');
  }
  return {
    value: hours >= 35 ? 'FULL_TIME' : hours > 0 ? 'PART_TIME' : 'OTHER',
    raw: String(value),
  };
}

function displayName(record: Raw): string | null {
  const preferred = text(record, 'preferred_name');
  if (preferred !== null) return preferred;
  const name = [text(record, 'first_name'), text(record, 'last_name')].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

function listed(
  lookups: LookupValues,
  kind: 'departments' | 'offices',
  id: RemoteId | null,
  field: string,
): RemoteId | null {
  const found = listedUnit(lookups.get<OrgIndex>('org'), kind, id, field);
  return found === null ? null : remoteId(found);
}

/** The supervisor's id: a short Employee (`{type, attributes: {id: {value}}}`). */
function manager(record: Raw): RemoteId | null {
  return referenceId(record, 'supervisor');
}

/**
 * One unified field from the stored record's keys (fields.ts names them). A field not named below
 * is the text of its one attribute (`first_name`, `email`, `position`).
 */
export function unifiedValue<F extends EmployeeField>(
  field: F,
  record: Raw,
  lookups: LookupValues,
): EmployeeFields[F] {
  const value = ((): EmployeeFields[EmployeeField] => {
    switch (field) {
      case 'displayName':
        return displayName(record);
      case 'department':
        return listed(lookups, 'departments', referenceId(record, 'department'), 'department');
      case 'location':
        return listed(lookups, 'offices', referenceId(record, 'office'), 'office');
      case 'manager':
        return manager(record);
      case 'employmentStatus':
        return normalized(text(record, 'status'), statuses, 'OTHER');
      case 'employmentRelationship':
        return normalized(text(record, 'employment_type'), relationships, 'OTHER');
      case 'employmentSchedule':
        return schedule(record);
      case 'gender':
        return normalized(text(record, 'gender'), genders, 'OTHER');
      case 'startDate':
      case 'hireDate':
        return date(record, 'hire_date');
      case 'terminationDate':
        return date(record, 'termination_date');
      case 'createdAt':
        return timestamp(record, 'created_at');
      case 'modifiedAt':
        return timestamp(record, 'last_modified_at');
      default: {
        const [key] = employeeFieldSources[field] ?? [];
        return key === undefined ? null : text(record, key);
      }
    }
  })();
  return value as EmployeeFields[F];
}
