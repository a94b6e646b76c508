/**
 * The tenant's custom user schemas (`customSchemas` on a user, definitions in schemas.list).
 * Google has no native hire or termination dates, so `EmployeeData` carries them; `CustomFields`
 * carries a deterministic subset of the company's custom fields: the first
 * `CUSTOM_FIELD_LIMIT` by id.
 */
import type { CustomFieldDef, Person, SyntheticCompany } from '../company/types.js';

export const EMPLOYEE_DATA = 'EmployeeData';
export const CUSTOM_FIELDS = 'CustomFields';
/** How many of the company's custom fields the `CustomFields` schema declares. */
export const CUSTOM_FIELD_LIMIT = 25;

export type SchemaFieldType = 'STRING' | 'INT64' | 'BOOL' | 'DOUBLE' | 'DATE';
export type ReadAccess = 'ALL_DOMAIN_USERS' | 'ADMINS_AND_SELF';
/** A custom value as Google's JSON carries it: INT64 as a decimal string, DOUBLE as a number. */
export type CustomValue = string | number | boolean;

export interface SchemaFieldView {
  readonly fieldName: string;
  readonly displayName: string;
  readonly fieldType: SchemaFieldType;
  readonly readAccessType: ReadAccess;
  value(person: Person): CustomValue | null;
}

export interface SchemaView {
  readonly schemaName: string;
  readonly displayName: string;
  readonly fields: readonly SchemaFieldView[];
}

const FIELD_TYPES: Record<CustomFieldDef['type'], SchemaFieldType> = {
  text: 'STRING',
  list: 'STRING',
  int: 'INT64',
  date: 'DATE',
  checkbox: 'BOOL',
  currency: 'DOUBLE',
};

function employmentType(company: SyntheticCompany, person: Person): string | null {
  // A terminated person's type is the last status they held before leaving.
  const held = person.statusHistory.filter((row) => row.status !== 'Terminated');
  return held.at(-1)?.status ?? company.currentStatus(person).status;
}

function customField(company: SyntheticCompany, def: CustomFieldDef): SchemaFieldView {
  const fieldType = FIELD_TYPES[def.type];
  return {
    fieldName: def.alias,
    displayName: def.name,
    fieldType,
    readAccessType: 'ALL_DOMAIN_USERS',
    value(person) {
      const raw = company.customValue(person, def);
      if (raw === null) return null;
      if (fieldType === 'BOOL') return raw === 'yes';
      if (fieldType === 'DOUBLE') return Number(raw);
      return raw;
    },
  };
}

export function buildSchemas(company: SyntheticCompany): SchemaView[] {
  const hr = (name: string, displayName: string, value: (p: Person) => string | null) =>
    ({
      fieldName: name,
      displayName,
      fieldType: name === 'employmentType' ? 'STRING' : 'DATE',
      readAccessType: 'ADMINS_AND_SELF',
      value,
    }) satisfies SchemaFieldView;
  const schemas: SchemaView[] = [
    {
      schemaName: EMPLOYEE_DATA,
      displayName: 'Employee data',
      fields: [
        hr('hireDate', 'Hire date', (p) => p.hireDate),
        // The first day with the company, before any rehire.
        hr('startDate', 'Start date', (p) => p.originalHireDate),
        hr('terminationDate', 'Termination date', (p) => p.terminationDate),
        hr('employmentType', 'Employment type', (p) => employmentType(company, p)),
      ],
    },
  ];
  const defs = [...company.customFields].sort((a, b) => a.id - b.id).slice(0, CUSTOM_FIELD_LIMIT);
  if (defs.length > 0) {
    schemas.push({
      schemaName: CUSTOM_FIELDS,
      displayName: 'Custom fields',
      fields: defs.map((def) => customField(company, def)),
    });
  }
  return schemas;
}
