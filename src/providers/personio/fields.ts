/**
 * Personio's employee record as keys. A key is a v1 employee attribute as Personio names it
 * (`first_name`, `supervisor`, `dynamic_21827`), stored unwrapped (the attribute's `value`);
 * `compensation`, the three salary attributes together with their currencies; `employments`, the
 * person's v2 employments; and the windowed reads, `timeOff@<start>/<end>` and `balances@`.
 */
import { argumentKey, keyArgument, type ProviderKey } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';

/** The v1 `Employee` attributes hrgraph knows without asking (v1 spec `Employee`). */
export const standardAttributes: readonly string[] = [
  'id',
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'gender',
  'status',
  'position',
  'supervisor',
  'employment_type',
  'weekly_working_hours',
  'hire_date',
  'contract_end_date',
  'termination_date',
  'termination_type',
  'termination_reason',
  'probation_period_end',
  'created_at',
  'last_modified_at',
  'subcompany',
  'office',
  'department',
  'cost_centers',
  'holiday_calendar',
  'work_schedule',
  'absence_entitlement',
  'team',
  'fix_salary',
  'fix_salary_interval',
  'hourly_salary',
  'last_working_day',
  'profile_picture',
];

const standard = new Set(standardAttributes);

/** Custom attributes: `dynamic_<numeric id>`. */
export const isCustomAttribute = (key: ProviderKey) => /^dynamic_\d+$/.test(key);

/** The salary attributes, kept together so a pay row sees amount, currency and interval at once. */
export const COMPENSATION_KEY = 'compensation';
export const compensationAttributes = ['fix_salary', 'fix_salary_interval', 'hourly_salary'];

/** The person's v2 employments (`GET /v2/persons/{id}/employments`). */
export const EMPLOYMENTS_KEY = 'employments';

export const timeOffKey = (start: string, end: string) => argumentKey('timeOff', `${start}/${end}`);
export const balancesKey = (asOf: string | null) => argumentKey('balances', asOf ?? '');

/** Whether a v1 employee read (a list page or one employee) carries this key. */
export const isEmployeeKey = (key: ProviderKey) =>
  standard.has(key) || isCustomAttribute(key) || key === COMPENSATION_KEY;

/** The `attributes[]` a v1 list call names so its employees carry these keys. */
export function attributesFor(keys: readonly ProviderKey[]): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    if (key === COMPENSATION_KEY) for (const name of compensationAttributes) out.add(name);
    else if (isEmployeeKey(key)) out.add(key);
  }
  return [...out].sort();
}

export const isWindowKey = (key: ProviderKey, name: 'timeOff' | 'balances') =>
  keyArgument(key)?.name === name;

/** What `remoteData` returns unasked: the person's standard attributes. */
export const defaultRawFields: readonly string[] = standardAttributes.filter(
  (key) => !compensationAttributes.includes(key),
);

/** Personio attributes behind each unified field it supplies; the rest are null at no cost. */
export const employeeFieldSources: Readonly<Partial<Record<EmployeeField, readonly string[]>>> = {
  firstName: ['first_name'],
  lastName: ['last_name'],
  preferredName: ['preferred_name'],
  displayName: ['preferred_name', 'first_name', 'last_name'],
  workEmail: ['email'],
  jobTitle: ['position'],
  department: ['department'],
  location: ['office'],
  manager: ['supervisor'],
  employmentStatus: ['status'],
  employmentRelationship: ['employment_type'],
  employmentSchedule: ['weekly_working_hours'],
  startDate: ['hire_date'],
  hireDate: ['hire_date'],
  terminationDate: ['termination_date'],
  gender: ['gender'],
  avatarUrl: ['profile_picture'],
  createdAt: ['created_at'],
  modifiedAt: ['last_modified_at'],
};
