/**
 * The synthetic company as Personio shows it. v1 wraps every employee attribute as
 * `{label, value, type, universal_id}` (spec `Employee`); references are typed objects
 * (`{"type": "Department", "attributes": {id, name}}`), the supervisor a short Employee, and custom
 * attributes are `dynamic_<id>`. v2 persons are flat (`/v2/persons`: ids as strings, status
 * ACTIVE|INACTIVE), their employments a sub-resource.
 *
 * Sandbox choices where the sources say nothing: the v1 employee id is the synthetic person id
 * (and v2 names the same person by the same number, as a string); someone whose hire date is
 * still ahead is `onboarding`; one active person in 37 is on `leave`; contractors are `external`.
 */
import type { CustomFieldDef, Person, SyntheticCompany } from '../company/types.js';

export type Json = Record<string, unknown>;

/** The attribute types of v1 (spec `TypeEnum`). */
type AttributeType = 'standard' | 'date' | 'integer' | 'decimal' | 'list' | 'link' | 'tags';

function attribute(
  label: string,
  value: unknown,
  type: AttributeType,
  universalId: string | null,
): Json {
  return { label, value, type, universal_id: universalId };
}

/** v1 writes dates as midnight timestamps with an offset (spec examples). */
export const v1Date = (date: string | null) => (date === null ? null : `${date}T00:00:00+00:00`);

export function v1Status(company: SyntheticCompany, person: Person): string {
  if (person.status === 'Inactive') return 'inactive';
  if (person.hireDate > company.today) return 'onboarding';
  return person.id % 37 === 5 ? 'leave' : 'active';
}

const GENDER = { Female: 'female', Male: 'male', Nonbinary: 'diverse' } as const;

const CUSTOM_TYPE: Record<CustomFieldDef['type'], AttributeType> = {
  text: 'standard',
  int: 'integer',
  date: 'date',
  list: 'list',
  checkbox: 'list',
  currency: 'decimal',
};

export interface PersonioProjection {
  readonly company: SyntheticCompany;
  /** The custom attributes the API credential may read (`dynamic_<id>`). */
  readonly customFields: readonly CustomFieldDef[];
}

export function createProjection(company: SyntheticCompany, customLimit: number) {
  return { company, customFields: company.customFields.slice(0, customLimit) };
}

export const dynamicKey = (field: CustomFieldDef) => `dynamic_${field.id}`;

function customValue(view: PersonioProjection, person: Person, field: CustomFieldDef): unknown {
  const value = view.company.customValue(person, field);
  if (value === null) return null;
  if (field.type === 'int') return Number(value);
  if (field.type === 'currency') return Number(value);
  if (field.type === 'date') return v1Date(value);
  return value;
}

/** A short Employee, as a supervisor or a period's owner is written (spec `ShortEmployee`). */
export function shortEmployee(person: Person): Json {
  return {
    type: 'Employee',
    attributes: {
      id: attribute('ID', person.id, 'integer', 'id'),
      first_name: attribute('First name', person.firstName, 'standard', 'first_name'),
      last_name: attribute('Last name', person.lastName, 'standard', 'last_name'),
      email: attribute('Email', person.workEmail, 'standard', 'email'),
    },
  };
}

const SALARY_INTERVAL = { Year: 'yearly', Month: 'monthly' } as const;

/** Every v1 attribute of one employee, by key. */
export function employeeAttributes(view: PersonioProjection, person: Person): Json {
  const { company } = view;
  const job = company.currentJob(person);
  const status = company.currentStatus(person);
  const pay = company.currentCompensation(person);
  const department = company.departments.find((d) => d.id === job.departmentId);
  const office = company.locations.find((l) => l.id === job.locationId);
  const title = company.jobTitles.find((t) => t.id === job.jobTitleId);
  const manager = job.managerId === null ? undefined : company.person(job.managerId);
  const terminated = person.terminationDate !== null;
  const hourly = pay.paidPer === 'Hour';
  const out: Json = {
    id: attribute('ID', person.id, 'integer', 'id'),
    first_name: attribute('First name', person.firstName, 'standard', 'first_name'),
    last_name: attribute('Last name', person.lastName, 'standard', 'last_name'),
    preferred_name: attribute(
      'Name (preferred)',
      person.preferredName,
      'standard',
      'preferred_name',
    ),
    email: attribute('Email', person.workEmail, 'standard', 'email'),
    gender: attribute('Gender', person.gender ? GENDER[person.gender] : null, 'list', 'gender'),
    status: attribute('Status', v1Status(company, person), 'list', 'status'),
    position: attribute('Position', title?.name ?? null, 'standard', 'position'),
    employment_type: attribute(
      'Employment type',
      status.status === 'Contractor' ? 'external' : 'internal',
      'list',
      'employment_type',
    ),
    weekly_working_hours: attribute(
      'Weekly hours',
      status.status === 'Part-Time' ? 20 : 40,
      'decimal',
      'weekly_working_hours',
    ),
    hire_date: attribute('Hire date', v1Date(person.hireDate), 'date', 'hire_date'),
    contract_end_date: attribute('Contract ends', null, 'date', 'contract_end_date'),
    termination_date: attribute(
      'Termination date',
      v1Date(person.terminationDate),
      'date',
      'termination_date',
    ),
    termination_type: attribute(
      'Termination type',
      terminated ? (status.terminationType?.toLowerCase() ?? null) : null,
      'standard',
      'termination_type',
    ),
    termination_reason: attribute(
      'Termination reason',
      terminated ? status.terminationReason : null,
      'standard',
      'termination_reason',
    ),
    created_at: attribute('Created at', person.created, 'date', 'created_at'),
    last_modified_at: attribute('Last modified', person.lastChanged, 'date', 'last_modified_at'),
    office: {
      label: 'Office',
      value: office ? { type: 'Office', attributes: { id: office.id, name: office.name } } : null,
      type: 'standard',
      universal_id: 'office',
    },
    department: {
      label: 'Department',
      value: department
        ? { type: 'Department', attributes: { id: department.id, name: department.name } }
        : null,
      type: 'standard',
      universal_id: 'department',
    },
    fix_salary: {
      ...attribute('Fix salary', hourly ? 0 : Number(pay.amount), 'decimal', 'fix_salary'),
      currency: pay.currency,
    },
    fix_salary_interval: attribute(
      'Salary interval',
      hourly ? null : (SALARY_INTERVAL[pay.paidPer as 'Year' | 'Month'] ?? 'yearly'),
      'list',
      'fix_salary_interval',
    ),
    hourly_salary: {
      ...attribute('Hourly salary', hourly ? Number(pay.amount) : 0, 'decimal', 'hourly_salary'),
      currency: pay.currency,
    },
    profile_picture: attribute(
      'Profile Picture',
      `https://api.personio.de/v1/company/employees/${person.id}/profile-picture`,
      'link',
      'profile_picture',
    ),
  };
  // Without one the attribute is left out: the spec's `Supervisor` value is an Employee, never null.
  if (manager) out.supervisor = { label: 'Supervisor', value: shortEmployee(manager) };
  for (const field of view.customFields) {
    out[dynamicKey(field)] = attribute(
      field.name,
      customValue(view, person, field),
      CUSTOM_TYPE[field.type],
      null,
    );
  }
  return out;
}

/** `attributes[]` narrows the attributes; `id` always comes (every reply names its employee). */
export function projectEmployee(
  view: PersonioProjection,
  person: Person,
  wanted: ReadonlySet<string> | null,
): Json {
  const all = employeeAttributes(view, person);
  if (wanted === null) return { type: 'Employee', attributes: all };
  const attributes: Json = { id: all.id };
  for (const key of wanted) if (key in all) attributes[key] = all[key];
  return { type: 'Employee', attributes };
}

/** `GET /company/employees/attributes`: what the credential may read, custom ones included. */
export function attributeCatalog(view: PersonioProjection, person: Person | undefined): Json[] {
  const sample = person ? employeeAttributes(view, person) : {};
  const rows: Json[] = [];
  for (const [key, value] of Object.entries(sample)) {
    const { label, type, universal_id } = value as Json;
    const field = view.customFields.find((f) => dynamicKey(f) === key);
    rows.push({
      key,
      label: label ?? key,
      type: type ?? 'standard',
      universal_id: universal_id ?? null,
      options: field?.type === 'list' ? [...field.options] : [],
    });
  }
  return rows;
}

/** A v2 person (`GET /v2/persons`): flat, ids as strings, its employments by reference. */
export function projectPerson(person: Person, base: string): Json {
  const id = String(person.id);
  return {
    id,
    email: person.workEmail,
    first_name: person.firstName,
    last_name: person.lastName,
    preferred_name: person.preferredName ?? '',
    gender: person.gender ? GENDER[person.gender].toUpperCase() : 'UNKNOWN',
    status: person.status === 'Inactive' ? 'INACTIVE' : 'ACTIVE',
    created_at: person.created,
    updated_at: person.lastChanged,
    employments: [{ id: employmentId(person.id, person.jobHistory.length - 1) }],
    _meta: { links: { employments: { href: `${base}/v2/persons/${id}/employments` } } },
  };
}

/** A v2 employment's id: the person's id and the job row's index (a sandbox numbering). */
export const employmentId = (personId: number, row: number) => String(personId * 1000 + row);

/**
 * A person's v2 employments: one per job row of the synthetic company, each ending the day
 * before the next begins (a sandbox choice: Personio's v2 pages describe an employment per
 * contract; the synthetic company records position changes).
 */
export function projectEmployments(view: PersonioProjection, person: Person): Json[] {
  const { company } = view;
  const status = company.currentStatus(person);
  return person.jobHistory.map((job, index) => {
    const next = person.jobHistory[index + 1];
    const title = company.jobTitles.find((t) => t.id === job.jobTitleId);
    return {
      id: employmentId(person.id, index),
      status: next || person.terminationDate !== null ? 'INACTIVE' : 'ACTIVE',
      position: { title: title?.name ?? null },
      type: status.status === 'Contractor' ? 'EXTERNAL' : 'INTERNAL',
      weekly_hours: status.status === 'Part-Time' ? 20 : 40,
      start_date: job.effectiveDate,
      end_date: next ? previousDay(next.effectiveDate) : person.terminationDate,
      supervisor: job.managerId === null ? null : { id: String(job.managerId) },
      office: { id: String(job.locationId) },
      org_units: [{ id: String(job.departmentId), type: 'DEPARTMENT' }],
      _meta: { links: { person: { href: `/v2/persons/${person.id}` } } },
    };
  });
}

function previousDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
