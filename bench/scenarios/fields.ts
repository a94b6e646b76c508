/**
 * The field sets the scenarios ask for, as GraphQL selections and as the BambooHR field keys
 * behind them (through the schema's own demand table and the adapter's field mapping, so the
 * baselines and the minimums can never disagree with what hrgraph is asked).
 */
import { employeeFieldSources } from '../../src/providers/bamboohr/fields.js';
import { buildCustomFields } from '../../src/sandbox/company/custom-fields.js';
import { demandsOf } from '../../src/schema/employee/field-demands.js';

/** A GraphQL Employee field and the sub-selection it needs, if any. */
export type FieldSelection = readonly [name: string, subselection?: string];

/** The directory's twelve common fields: all carried by the list call itself. */
export const directoryFields: readonly FieldSelection[] = [
  ['firstName'],
  ['lastName'],
  ['preferredName'],
  ['workEmail'],
  ['jobTitle'],
  ['workPhone'],
  ['mobilePhone'],
  ['hireDate'],
  ['department', '{ name }'],
  ['division', '{ name }'],
  ['location', '{ name }'],
  ['manager', '{ id }'],
];

/** Every standard field BambooHR can supply, for the wide scenario. */
export const standardFields: readonly FieldSelection[] = [
  ['employeeNumber'],
  ['firstName'],
  ['middleName'],
  ['lastName'],
  ['preferredName'],
  ['displayName'],
  ['workEmail'],
  ['personalEmail'],
  ['workPhone'],
  ['mobilePhone'],
  ['homePhone'],
  ['jobTitle'],
  ['employmentStatus'],
  ['employmentStatusRaw'],
  ['employmentRelationship'],
  ['employmentSchedule'],
  ['gender'],
  ['maritalStatus'],
  ['startDate'],
  ['hireDate'],
  ['terminationDate'],
  ['dateOfBirth'],
  ['homeAddress', '{ line1 line2 city state postalCode country }'],
  ['avatarUrl'],
  ['modifiedAt'],
  ['department', '{ id }'],
  ['division', '{ id }'],
  ['location', '{ id }'],
  ['manager', '{ id }'],
];

/** The nested scenario's page: `manager { remoteId }` here, the manager's own fields below. */
export const nestedPageFields: readonly FieldSelection[] = [
  ['firstName'],
  ['lastName'],
  ['jobTitle'],
  ['department', '{ name }'],
  ['manager', '{ remoteId }'],
];

export const nestedManagerFields: readonly FieldSelection[] = [
  ['firstName'],
  ['lastName'],
  ['jobTitle'],
];

/** The walk's few fields: its pages are about size, not width. */
export const walkFields: readonly FieldSelection[] = [['firstName'], ['lastName'], ['workEmail']];

export function selectionOf(fields: readonly FieldSelection[]): string {
  return fields.map(([name, sub]) => (sub ? `${name} ${sub}` : name)).join(' ');
}

/** The BambooHR field keys a set of GraphQL Employee fields is loaded from. */
export function bambooKeysOf(fields: readonly FieldSelection[]): string[] {
  const keys = new Set<string>();
  for (const [name] of fields)
    for (const field of demandsOf(name))
      for (const key of employeeFieldSources[field]) keys.add(key);
  return [...keys];
}

/** Aliases of the company's first `count` custom fields (the sandbox's definitions). */
export function customAliases(defined: number, count: number): string[] {
  if (count > defined) throw new RangeError(`Asked ${count} custom fields of ${defined}`);
  return buildCustomFields(defined)
    .slice(0, count)
    .map((field) => field.alias);
}
