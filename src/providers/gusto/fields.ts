/**
 * Gusto's employee record as keys. Every read of employees is the employee list (a page of it or
 * the rows of given uuids), and every row carries the whole `Employee` object, so a key is one of
 * its attributes (`first_name`, `jobs`, `terminations`), an attribute only an `include` adds
 * (`current_home_address`), a custom field (`custom_fields.<name>`), or the row itself as read
 * with the includes its histories need (`row@`, `row@all_compensations`).
 */
import { argumentKey, keyArgument, type ProviderKey } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';

/** The `include` values of GET /v1/companies/{id}/employees that hrgraph asks for (spec enum). */
export type EmployeeInclude =
  | 'all_compensations'
  | 'all_home_addresses'
  | 'company_name'
  | 'current_home_address'
  | 'custom_fields';

/** Employee attributes every list row carries without an `include` (spec `Employee`). */
export const baseRawFields: readonly string[] = [
  'uuid',
  'first_name',
  'middle_initial',
  'last_name',
  'preferred_first_name',
  'email',
  'work_email',
  'phone',
  'company_uuid',
  'manager_uuid',
  'department',
  'department_uuid',
  'title',
  'hired_at',
  'terminated',
  'terminations',
  'jobs',
  'onboarded',
  'onboarding_status',
  'current_employment_status',
  'employee_code',
  'date_of_birth',
  'flsa_status',
  'payment_method',
  'eligible_paid_time_off',
  'two_percent_shareholder',
  'historical',
  'version',
];

/** Attributes only an `include` adds. */
export const includedRawFields: Readonly<Record<string, EmployeeInclude>> = {
  current_home_address: 'current_home_address',
  all_home_addresses: 'all_home_addresses',
  company_name: 'company_name',
  custom_fields: 'custom_fields',
};

/** Raw keys of custom field values: `custom_fields.<name as Gusto spells it>`. */
export const CUSTOM_PREFIX = 'custom_fields.';

/** What `remoteData` returns unasked: the row as the list sends it, SSN fields aside. */
export const defaultRawFields: readonly string[] = baseRawFields;

/**
 * The whole row as read with an include that changes what it holds: `row@` as any read sends it
 * (jobs, terminations, the hire date, department and manager: employments and status history),
 * `row@all_compensations` with every compensation of every job (pay history).
 */
export const rowKey = (include: '' | 'all_compensations'): ProviderKey =>
  argumentKey('row', include);

/** Gusto attributes behind each unified field it supplies; the rest are null at no cost. */
export const employeeFieldSources: Readonly<Partial<Record<EmployeeField, readonly string[]>>> = {
  employeeNumber: ['employee_code'],
  firstName: ['first_name'],
  middleName: ['middle_initial'],
  lastName: ['last_name'],
  preferredName: ['preferred_first_name'],
  displayName: ['preferred_first_name', 'first_name', 'last_name'],
  workEmail: ['work_email'],
  personalEmail: ['email'],
  mobilePhone: ['phone'],
  jobTitle: ['jobs', 'title'],
  department: ['department_uuid'],
  location: ['jobs'],
  manager: ['manager_uuid'],
  employmentStatus: ['terminated', 'terminations', 'onboarding_status'],
  employmentRelationship: ['current_employment_status'],
  employmentSchedule: ['current_employment_status'],
  startDate: ['jobs', 'hired_at'],
  hireDate: ['hired_at'],
  terminationDate: ['terminated', 'terminations'],
  dateOfBirth: ['date_of_birth'],
  homeAddress: ['current_home_address'],
};

/** The include a key needs on the employee list; undefined when every row carries it. */
function includeOf(key: ProviderKey): EmployeeInclude | undefined {
  if (key.startsWith(CUSTOM_PREFIX)) return 'custom_fields';
  const argument = keyArgument(key);
  if (argument?.name === 'row') return argument.argument === '' ? undefined : 'all_compensations';
  return includedRawFields[key];
}

/** The includes a read must ask for so its rows carry these keys. */
export function includesFor(keys: readonly ProviderKey[]): Set<EmployeeInclude> {
  const out = new Set<EmployeeInclude>();
  for (const key of keys) {
    const include = includeOf(key);
    if (include) out.add(include);
  }
  return out;
}

/** Whether a key is part of an employee row (anything but a balance, which the policies hold). */
export const isRowKey = (key: ProviderKey) => keyArgument(key)?.name !== 'balances';
