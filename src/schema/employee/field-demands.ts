/**
 * The one table from an Employee GraphQL field to the unified EmployeeFields it needs. It drives
 * both the field resolvers (which field to ask the loaders for) and the lookahead (which fields a
 * list or node call should carry), so the two can never disagree.
 *
 * Fields absent here need no EmployeeField: ids, history lists, time off, raw data and
 * `directReports` are loaded by their own loaders.
 */
import type { EmployeeField } from '../../core/model.js';

export const employeeFieldDemands = {
  employeeNumber: ['employeeNumber'],
  firstName: ['firstName'],
  middleName: ['middleName'],
  lastName: ['lastName'],
  preferredName: ['preferredName'],
  displayName: ['displayName'],
  workEmail: ['workEmail'],
  personalEmail: ['personalEmail'],
  workPhone: ['workPhone'],
  mobilePhone: ['mobilePhone'],
  homePhone: ['homePhone'],
  jobTitle: ['jobTitle'],
  department: ['department'],
  division: ['division'],
  groups: ['department', 'division'],
  location: ['location'],
  manager: ['manager'],
  employmentStatus: ['employmentStatus'],
  employmentStatusRaw: ['employmentStatus'],
  employmentRelationship: ['employmentRelationship'],
  employmentRelationshipRaw: ['employmentRelationship'],
  employmentSchedule: ['employmentSchedule'],
  employmentScheduleRaw: ['employmentSchedule'],
  gender: ['gender'],
  genderRaw: ['gender'],
  maritalStatus: ['maritalStatus'],
  maritalStatusRaw: ['maritalStatus'],
  startDate: ['startDate'],
  hireDate: ['hireDate'],
  terminationDate: ['terminationDate'],
  dateOfBirth: ['dateOfBirth'],
  homeAddress: ['homeAddress'],
  avatarUrl: ['avatarUrl'],
  createdAt: ['createdAt'],
  modifiedAt: ['modifiedAt'],
} as const satisfies Record<string, readonly EmployeeField[]>;

export type DemandingEmployeeField = keyof typeof employeeFieldDemands;

/** The EmployeeFields a GraphQL field of Employee needs; empty for fields loaded otherwise. */
export function demandsOf(graphqlField: string): readonly EmployeeField[] {
  return Object.hasOwn(employeeFieldDemands, graphqlField)
    ? employeeFieldDemands[graphqlField as DemandingEmployeeField]
    : [];
}

/** Employee GraphQL fields whose every demand the provider supplies. */
export function suppliedEmployeeFields(supplied: readonly EmployeeField[]): string[] {
  const have = new Set(supplied);
  return Object.entries(employeeFieldDemands)
    .filter(([, needs]) => needs.every((field) => have.has(field)))
    .map(([name]) => name);
}
