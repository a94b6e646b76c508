/**
 * Which BambooHR fields each unified Employee field is made from, and how the list endpoint
 * spells the few it can return. Field keys are BambooHR's standard field names (the aliases
 * /meta/fields reports), which the single-employee endpoint, custom reports and the employee
 * dataset all accept.
 */
import { keyArgument } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';

/** BambooHR fields behind each unified field; an empty list means BambooHR cannot supply it. */
export const employeeFieldSources: Readonly<Record<EmployeeField, readonly string[]>> = {
  employeeNumber: ['employeeNumber'],
  firstName: ['firstName'],
  middleName: ['middleName'],
  lastName: ['lastName'],
  preferredName: ['preferredName'],
  displayName: ['displayName'],
  workEmail: ['workEmail'],
  personalEmail: ['homeEmail'],
  workPhone: ['workPhone'],
  mobilePhone: ['mobilePhone'],
  homePhone: ['homePhone'],
  jobTitle: ['jobTitle'],
  department: ['department'],
  division: ['division'],
  location: ['location'],
  manager: ['supervisorEId'],
  employmentStatus: ['status', 'employmentHistoryStatus'],
  employmentRelationship: ['employmentHistoryStatus'],
  employmentSchedule: ['employmentHistoryStatus'],
  startDate: ['hireDate'],
  hireDate: ['hireDate'],
  terminationDate: ['terminationDate'],
  dateOfBirth: ['dateOfBirth'],
  gender: ['gender'],
  maritalStatus: ['maritalStatus'],
  homeAddress: ['address1', 'address2', 'city', 'state', 'zipcode', 'country'],
  avatarUrl: ['photoUrl'],
  // BambooHR exposes no creation time for an employee record.
  createdAt: [],
  modifiedAt: ['lastChanged'],
};

export const suppliedEmployeeFields = (Object.keys(employeeFieldSources) as EmployeeField[]).filter(
  (field) => employeeFieldSources[field].length > 0,
);

/** BambooHR fields the unified fields draw on: what `remoteData` returns by default. */
export const standardRawFields: readonly string[] = [
  'id',
  ...new Set(Object.values(employeeFieldSources).flat()),
];

/**
 * GET /v1/employees returns a fixed record plus extras named in `fields` from a closed list, under
 * names of its own. This maps a standard field to the list's name for it.
 */
export const listEndpointNames: Readonly<Record<string, string>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  preferredName: 'preferredName',
  photoUrl: 'photoUrl',
  jobTitle: 'jobTitleName',
  status: 'status',
  workEmail: 'workEmail',
  homeEmail: 'homeEmail',
  middleName: 'middleName',
  workPhone: 'workPhone',
  mobilePhone: 'mobilePhone',
  homePhone: 'homePhone',
  dateOfBirth: 'birthDate',
  hireDate: 'hireDate',
  division: 'divisionName',
  department: 'departmentName',
  location: 'locationName',
  employmentHistoryStatus: 'employmentStatusName',
  supervisorEId: 'reportsToId',
};

/** Names the list endpoint always returns; anything else must be asked for in `fields`. */
export const listEndpointBaseNames = new Set([
  'employeeId',
  'firstName',
  'lastName',
  'preferredName',
  'photoUrl',
  'jobTitleName',
  'status',
]);

/** Rough bytes of one field's value, for the planner's tie-breaking. */
export const bytesPerField = 24;

/**
 * Whether a key names a field of the employee record (what Get Employee, reports and the dataset
 * return), rather than a table or a windowed read (`table@jobInfo`, `timeOff@…`).
 */
export function isFieldKey(key: string): boolean {
  return keyArgument(key) === null;
}
