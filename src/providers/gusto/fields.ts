/**
 * Which Gusto employee attributes back which unified fields, which attributes need an `include`
 * on the employee list, and what the raw-field escape hatch accepts.
 */
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

/** The unified fields Gusto can supply, each from attributes of the employee row. */
export const suppliedEmployeeFields: readonly EmployeeField[] = [
  'employeeNumber',
  'firstName',
  'middleName',
  'lastName',
  'preferredName',
  'displayName',
  'workEmail',
  'personalEmail',
  'mobilePhone',
  'jobTitle',
  'department',
  'location',
  'manager',
  'employmentStatus',
  'employmentRelationship',
  'employmentSchedule',
  'startDate',
  'hireDate',
  'terminationDate',
  'dateOfBirth',
  'homeAddress',
];

/** Unified fields whose attributes only an `include` brings. */
export const fieldIncludes: Partial<Record<EmployeeField, EmployeeInclude>> = {
  homeAddress: 'current_home_address',
};

/** The includes a row needs to carry these unified fields and raw keys. */
export function includesFor(
  unified: readonly EmployeeField[],
  raw: readonly string[],
): Set<EmployeeInclude> {
  const out = new Set<EmployeeInclude>();
  for (const field of unified) {
    const include = fieldIncludes[field];
    if (include) out.add(include);
  }
  for (const key of raw) {
    if (key.startsWith(CUSTOM_PREFIX)) out.add('custom_fields');
    const include = includedRawFields[key];
    if (include) out.add(include);
  }
  return out;
}
