/**
 * `/v1/meta/lists` and `/v1/meta/tables` data. Org lists take their options from the company
 * (option id = the unit's id); the rest are BambooHR's fixed lists. Custom `list` fields appear
 * too, their option ids derived from the field id so they stay stable for a seed.
 */
import type { SyntheticCompany } from '../company/types.js';
import {
  EMPLOYMENT_STATUS_OPTIONS,
  EXEMPT_OPTIONS,
  type FixedOption,
  GENDER_OPTIONS,
  MARITAL_STATUS_OPTIONS,
  PAID_PER_OPTIONS,
  PAY_CHANGE_REASON_OPTIONS,
  PAY_FREQUENCY_OPTIONS,
  PAY_TYPE_OPTIONS,
  REHIRE_OPTIONS,
  TERMINATION_REASON_OPTIONS,
  TERMINATION_TYPE_OPTIONS,
} from './list-options.js';

/** ListFieldOption of the spec. */
export interface ListOption {
  id: number;
  name: string;
  archived: 'yes' | 'no';
  createdDate: string | null;
  archivedDate: string | null;
}

/** ListFieldDetail of the spec. */
export interface ListField {
  fieldId: string;
  name: string;
  alias: string;
  manageable: 'yes' | 'no';
  multiple: 'yes' | 'no';
  options: ListOption[];
}

function option(unit: FixedOption): ListOption {
  return { id: unit.id, name: unit.name, archived: 'no', createdDate: null, archivedDate: null };
}

function list(
  fieldId: number,
  name: string,
  alias: string,
  units: readonly FixedOption[],
  manageable: 'yes' | 'no' = 'yes',
): ListField {
  return {
    fieldId: String(fieldId),
    name,
    alias,
    manageable,
    multiple: 'no',
    options: units.map(option),
  };
}

export function listFields(company: SyntheticCompany): ListField[] {
  const lists = [
    list(4, 'Department', 'department', company.departments),
    list(1355, 'Division', 'division', company.divisions),
    list(18, 'Location', 'location', company.locations),
    list(17, 'Job Title', 'jobTitle', company.jobTitles),
    list(43, 'Employment Status', 'employmentHistoryStatus', EMPLOYMENT_STATUS_OPTIONS),
    list(1361, 'Termination Type', 'terminationTypeId', TERMINATION_TYPE_OPTIONS),
    list(1362, 'Termination Reason', 'terminationReasonId', TERMINATION_REASON_OPTIONS),
    list(1363, 'Eligible For Re-hire', 'terminationRehireId', REHIRE_OPTIONS),
    list(154, 'Gender', 'gender', GENDER_OPTIONS, 'no'),
    list(155, 'Marital Status', 'maritalStatus', MARITAL_STATUS_OPTIONS, 'no'),
    list(20, 'Pay type', 'payType', PAY_TYPE_OPTIONS, 'no'),
    list(21, 'Paid per', 'paidPer', PAID_PER_OPTIONS, 'no'),
    list(22, 'Pay Frequency', 'payFrequency', PAY_FREQUENCY_OPTIONS, 'no'),
    list(24, 'Pay change reason', 'payChangeReason', PAY_CHANGE_REASON_OPTIONS),
    list(25, 'Overtime Status', 'exempt', EXEMPT_OPTIONS, 'no'),
  ];
  for (const field of company.customFields) {
    if (field.type !== 'list') continue;
    const units = field.options.map((name, i) => ({ id: field.id * 100 + i + 1, name }));
    lists.push(list(field.id, field.name, field.alias, units));
  }
  return lists;
}

export interface TableFieldMeta {
  id: number;
  name: string;
  alias: string;
  type: string;
}

export interface TableMeta {
  alias: string;
  fields: TableFieldMeta[];
}

// [alias, [id, name, alias, type][]] per reference §3.2.
const TABLES: [string, [number, string, string, string][]][] = [
  [
    'jobInfo',
    [
      [4047, 'Date', 'date', 'date'],
      [4048, 'Location', 'location', 'list'],
      [4049, 'Division', 'division', 'list'],
      [4050, 'Department', 'department', 'list'],
      [4051, 'Job Title', 'jobTitle', 'list'],
      [4052, 'Reports To', 'reportsTo', 'employee'],
    ],
  ],
  [
    'employmentStatus',
    [
      [1936, 'Date', 'date', 'date'],
      [1937, 'Employment Status', 'employmentStatus', 'list'],
      [1938, 'Comment', 'comment', 'text'],
      [1939, 'Termination Type', 'terminationTypeId', 'list'],
      [1940, 'Termination Reason', 'terminationReasonId', 'list'],
      [1941, 'Eligible For Re-hire', 'terminationRehireId', 'list'],
    ],
  ],
  [
    'compensation',
    [
      [4021, 'Effective Date', 'startDate', 'date'],
      [4022, 'Pay rate', 'rate', 'currency'],
      [4023, 'Pay type', 'type', 'list'],
      [4024, 'Paid per', 'paidPer', 'list'],
      [4025, 'Pay Schedule', 'paySchedule', 'list'],
      [4026, 'Overtime Status', 'exempt', 'list'],
      [4027, 'Change Reason', 'reason', 'list'],
      [4028, 'Comment', 'comment', 'text'],
    ],
  ],
  [
    'emergencyContacts',
    [
      [4100, 'Name', 'name', 'text'],
      [4101, 'Relationship', 'relationship', 'list'],
      [4102, 'Home Phone', 'homePhone', 'phone'],
      [4103, 'Mobile Phone', 'mobilePhone', 'phone'],
      [4104, 'Email', 'email', 'email'],
    ],
  ],
];

export function tableMeta(): TableMeta[] {
  return TABLES.map(([alias, fields]) => ({
    alias,
    fields: fields.map(([id, name, fieldAlias, type]) => ({ id, name, alias: fieldAlias, type })),
  }));
}
