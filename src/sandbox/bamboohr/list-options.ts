/**
 * Option ids for BambooHR's fixed list fields. Org lists (department, division, location, job
 * title) use the synthetic company's own ids as option ids, so `departmentId` in employee data
 * and the option id in `/v1/meta/lists` agree.
 */
import type { EmploymentStatusName } from '../company/types.js';

export interface FixedOption {
  readonly id: number;
  readonly name: string;
}

function options(names: readonly string[], firstId: number): readonly FixedOption[] {
  return names.map((name, i) => ({ id: firstId + i, name }));
}

export const EMPLOYMENT_STATUS_OPTIONS = options(
  [
    'Full-Time',
    'Part-Time',
    'Contractor',
    'Intern',
    'Temporary',
    'Terminated',
  ] satisfies EmploymentStatusName[],
  101,
);
export const TERMINATION_TYPE_OPTIONS = options(['Voluntary', 'Involuntary', 'Death'], 201);
export const TERMINATION_REASON_OPTIONS = options(
  [
    'Better Opportunity',
    'Career Change',
    'Relocation',
    'Personal',
    'Performance',
    'Restructuring',
    'Attendance',
    'Retirement',
    'Other',
  ],
  211,
);
export const REHIRE_OPTIONS = options(['Yes', 'No', 'Upon review'], 231);
export const GENDER_OPTIONS = options(['Female', 'Male', 'Nonbinary'], 301);
export const MARITAL_STATUS_OPTIONS = options(
  ['Single', 'Married', 'Domestic Partnership', 'Divorced'],
  311,
);
export const PAY_TYPE_OPTIONS = options(['Salary', 'Hourly', 'Commission', 'Contract'], 401);
export const PAID_PER_OPTIONS = options(['Hour', 'Day', 'Week', 'Month', 'Year'], 411);
export const PAY_FREQUENCY_OPTIONS = options(
  ['Weekly', 'Every other week', 'Twice a month', 'Monthly'],
  421,
);
export const PAY_CHANGE_REASON_OPTIONS = options(
  ['New Hire', 'Promotion', 'Merit', 'Market Adjustment', 'Role Change'],
  431,
);
export const EXEMPT_OPTIONS = options(['Exempt', 'Non-exempt'], 441);

/** The option id of `name` in `list`, or null when the value is not an option. */
export function optionId(list: readonly FixedOption[], name: string | null): number | null {
  if (name === null) return null;
  return list.find((option) => option.name === name)?.id ?? null;
}
