/**
 * Gusto's employee record in the unified model. Gusto stores one current picture of a person: the
 * primary job's title and location, the department and manager uuids, the terminations, the
 * employment status (a schedule: full_time, part_time_…, variable, seasonal).
 *
 * References resolve through the same account: `department` is a department uuid listed by the
 * `departments` lookup (GET /v1/companies/{id}/departments), `location` the primary job's location
 * uuid listed by the `locations` lookup, `manager` an employee uuid read by uuids like any other.
 */
import type { LookupValues } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentSchedule,
  EmploymentStatus,
  Normalized,
} from '../../core/model.js';
import { employeeFieldSources } from './fields.js';
import { isRecord, type Json } from './shapes.js';

/** A stored employee record (a Map) or one object of a row (a job, a termination, an address). */
type Raw = ReadonlyMap<string, unknown> | Readonly<Json>;

function fieldOf(raw: Raw, key: string): unknown {
  return raw instanceof Map ? raw.get(key) : (raw as Readonly<Json>)[key];
}

export const text = (raw: Raw, key: string): string | null => {
  const value = fieldOf(raw, key);
  return typeof value === 'string' && value !== '' ? value : null;
};

const ref = (value: string | null): RemoteId | null => (value === null ? null : remoteId(value));

/** The lookups a department or a location is found in (lookups.ts). */
export type ListedIn = 'departments' | 'locations';

/**
 * A department or location uuid, checked against the account's list of them: one the list does
 * not hold would show as a null department with no error (the schema finds it in that list), so
 * it is Gusto's fault, UPSTREAM_BAD_RESPONSE at the field.
 */
export function listedRef(
  value: string | null,
  list: ListedIn,
  lookups: LookupValues,
): RemoteId | null {
  if (value === null) return null;
  const rows = lookups.get<readonly Json[]>(list);
  if (rows.some((row) => row.uuid === value)) return remoteId(value);
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Gusto named a ${list === 'departments' ? 'department' : 'location'} its ${list} list does not hold`,
    { field: list === 'departments' ? 'department_uuid' : 'location_uuid' },
  );
}

const rows = (raw: Raw, key: string): Json[] => {
  const value = fieldOf(raw, key);
  return Array.isArray(value) ? value.filter(isRecord) : [];
};

/** The primary job, else the first: Gusto marks one job primary. */
export function primaryJob(row: Raw): Json | null {
  const jobs = rows(row, 'jobs');
  return jobs.find((job) => job.primary === true) ?? jobs[0] ?? null;
}

/** The latest termination that has taken effect (`active`: "has gone into effect"). */
function effectiveTermination(row: Raw): Json | null {
  const done = rows(row, 'terminations').filter((t) => t.active === true);
  done.sort((a, b) => String(a.effective_date).localeCompare(String(b.effective_date)));
  return done.at(-1) ?? null;
}

/** Gusto writes countries as `USA`; the unified model wants ISO 3166-1 alpha-2 where it maps. */
export function country(value: string | null): string | null {
  return value === 'USA' ? 'US' : value;
}

export function toAddress(value: unknown): Address | null {
  if (!isRecord(value)) return null;
  return {
    line1: text(value, 'street_1'),
    line2: text(value, 'street_2'),
    city: text(value, 'city'),
    state: text(value, 'state'),
    postalCode: text(value, 'zip'),
    country: country(text(value, 'country')),
  };
}

/**
 * Terminated with the termination in effect → INACTIVE (raw `terminated`); otherwise ACTIVE,
 * with Gusto's onboarding status as the raw value (someone still onboarding works already; a
 * termination scheduled for later has not ended the employment yet).
 */
export function employmentStatus(row: Raw): Normalized<EmploymentStatus> | null {
  if (fieldOf(row, 'terminated') === true && effectiveTermination(row)) {
    return { value: 'INACTIVE', raw: 'terminated' };
  }
  // The raw twin is text Gusto sent: without an onboarding status there is none to show.
  const onboarding = text(row, 'onboarding_status');
  return onboarding === null ? null : { value: 'ACTIVE', raw: onboarding };
}

const schedules: Readonly<Record<string, EmploymentSchedule>> = {
  full_time: 'FULL_TIME',
  part_time_under_twenty_hours: 'PART_TIME',
  part_time_twenty_plus_hours: 'PART_TIME',
};

export function employmentSchedule(row: Raw): Normalized<EmploymentSchedule> | null {
  const raw = text(row, 'current_employment_status');
  return raw === null ? null : { value: schedules[raw] ?? 'OTHER', raw };
}

/**
 * Gusto's employee endpoints list W-2 employees only (contractors have their own API), so
 * everyone is an EMPLOYEE but the seasonal, who are TEMPORARY.
 */
export function employmentRelationship(row: Raw): Normalized<EmploymentRelationship> {
  const raw = text(row, 'current_employment_status');
  if (raw === 'seasonal') return { value: 'TEMPORARY', raw };
  return { value: 'EMPLOYEE', raw: raw ?? 'employee' };
}

function displayName(row: Raw): string | null {
  const first = text(row, 'preferred_first_name') ?? text(row, 'first_name');
  const last = text(row, 'last_name');
  const name = [first, last].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

/**
 * One unified field from the stored record's keys (fields.ts names them). A field not named below
 * is the text of its one attribute (`first_name`, `work_email`, `hired_at`).
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
      case 'jobTitle':
        return text(primaryJob(record) ?? {}, 'title') ?? text(record, 'title');
      case 'department':
        return listedRef(text(record, 'department_uuid'), 'departments', lookups);
      case 'location':
        return listedRef(text(primaryJob(record) ?? {}, 'location_uuid'), 'locations', lookups);
      case 'manager':
        return ref(text(record, 'manager_uuid'));
      case 'employmentStatus':
        return employmentStatus(record);
      case 'employmentRelationship':
        return employmentRelationship(record);
      case 'employmentSchedule':
        return employmentSchedule(record);
      case 'startDate':
        return text(primaryJob(record) ?? {}, 'hire_date') ?? text(record, 'hired_at');
      case 'terminationDate': {
        const ended = fieldOf(record, 'terminated') === true ? effectiveTermination(record) : null;
        return ended ? text(ended, 'effective_date') : null;
      }
      case 'homeAddress':
        return toAddress(fieldOf(record, 'current_home_address'));
      default: {
        // Gusto keeps one phone number per employee (mobilePhone: `phone`, given at onboarding).
        const [key] = employeeFieldSources[field] ?? [];
        return key === undefined ? null : text(record, key);
      }
    }
  })();
  return value as EmployeeFields[F];
}
