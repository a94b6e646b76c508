/**
 * Gusto's employee row in the unified model. Gusto stores one current picture of a person: the
 * primary job's title and location, the department and manager uuids, the terminations, the
 * employment status (a schedule: full_time, part_time_…, variable, seasonal).
 *
 * References resolve through the same account: `department` is a department uuid listed by
 * listGroups (GET /v1/companies/{id}/departments), `location` the primary job's location uuid
 * listed by listLocations (GET /v1/companies/{id}/locations), `manager` an employee uuid that
 * loadEmployees reads through the list's `uuids` filter.
 */
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
import { CUSTOM_PREFIX } from './fields.js';
import { isRecord, type Json } from './shapes.js';

export const text = (row: Json, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

const ref = (value: string | null): RemoteId | null => (value === null ? null : remoteId(value));

const rows = (row: Json, key: string): Json[] =>
  Array.isArray(row[key]) ? (row[key] as unknown[]).filter(isRecord) : [];

/** The primary job, else the first: Gusto marks one job primary. */
export function primaryJob(row: Json): Json | null {
  const jobs = rows(row, 'jobs');
  return jobs.find((job) => job.primary === true) ?? jobs[0] ?? null;
}

/** The latest termination that has taken effect (`active`: "has gone into effect"). */
function effectiveTermination(row: Json): Json | null {
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
export function employmentStatus(row: Json): Normalized<EmploymentStatus> {
  if (row.terminated === true && effectiveTermination(row)) {
    return { value: 'INACTIVE', raw: 'terminated' };
  }
  return { value: 'ACTIVE', raw: text(row, 'onboarding_status') ?? 'active' };
}

const schedules: Readonly<Record<string, EmploymentSchedule>> = {
  full_time: 'FULL_TIME',
  part_time_under_twenty_hours: 'PART_TIME',
  part_time_twenty_plus_hours: 'PART_TIME',
};

export function employmentSchedule(row: Json): Normalized<EmploymentSchedule> | null {
  const raw = text(row, 'current_employment_status');
  return raw === null ? null : { value: schedules[raw] ?? 'OTHER', raw };
}

/**
 * Gusto's employee endpoints list W-2 employees only (contractors have their own API), so
 * everyone is an EMPLOYEE but the seasonal, who are TEMPORARY.
 */
export function employmentRelationship(row: Json): Normalized<EmploymentRelationship> {
  const raw = text(row, 'current_employment_status');
  if (raw === 'seasonal') return { value: 'TEMPORARY', raw };
  return { value: 'EMPLOYEE', raw: raw ?? 'employee' };
}

function displayName(row: Json): string | null {
  const first = text(row, 'preferred_first_name') ?? text(row, 'first_name');
  const last = text(row, 'last_name');
  const name = [first, last].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

/** Every unified field the row can answer; fields Gusto never supplies are null. */
export function toEmployeeFields(row: Json): Partial<EmployeeFields> {
  const job = primaryJob(row) ?? {};
  const termination = row.terminated === true ? effectiveTermination(row) : null;
  const fields: { -readonly [K in EmployeeField]?: EmployeeFields[K] } = {
    employeeNumber: text(row, 'employee_code'),
    firstName: text(row, 'first_name'),
    middleName: text(row, 'middle_initial'),
    lastName: text(row, 'last_name'),
    preferredName: text(row, 'preferred_first_name'),
    displayName: displayName(row),
    workEmail: text(row, 'work_email'),
    personalEmail: text(row, 'email'),
    // Gusto keeps one phone number per employee, the one they give at onboarding.
    mobilePhone: text(row, 'phone'),
    jobTitle: text(job, 'title') ?? text(row, 'title'),
    department: ref(text(row, 'department_uuid')),
    location: ref(text(job, 'location_uuid')),
    manager: ref(text(row, 'manager_uuid')),
    employmentStatus: employmentStatus(row),
    employmentRelationship: employmentRelationship(row),
    employmentSchedule: employmentSchedule(row),
    startDate: text(job, 'hire_date') ?? text(row, 'hired_at'),
    hireDate: text(row, 'hired_at'),
    terminationDate: termination ? text(termination, 'effective_date') : null,
    dateOfBirth: text(row, 'date_of_birth'),
  };
  // Only an include brings the address: without it the field stays unknown, not null.
  if ('current_home_address' in row) fields.homeAddress = toAddress(row.current_home_address);
  // Fields Gusto never supplies are known to be null, so nothing asks for them again.
  for (const field of unsuppliedFields) fields[field] = null;
  return fields;
}

const unsuppliedFields: readonly EmployeeField[] = [
  'homePhone',
  'workPhone',
  'division',
  'gender',
  'maritalStatus',
  'avatarUrl',
  'createdAt',
  'modifiedAt',
];

/** The row's attributes by key, and each custom field value under `custom_fields.<name>`. */
export function toRaw(row: Json): Map<string, unknown> {
  const raw = new Map<string, unknown>();
  for (const key in row) if (key !== 'ssn' && key !== 'hidden_ssn') raw.set(key, row[key]);
  for (const field of rows(row, 'custom_fields')) {
    const name = text(field, 'name');
    // Gusto shows a field without a value as "": no value.
    if (name !== null) raw.set(`${CUSTOM_PREFIX}${name}`, text(field, 'value'));
  }
  return raw;
}
