/**
 * Which properties of a Graph `user` make each unified Employee field, and how a set of provider
 * keys becomes `$select` and `$expand`. Keys are Graph's own property names; `manager` is the
 * manager's id (from `$expand=manager($select=id)`, since Graph keeps the manager as a
 * relationship, not a property); a nested value is `property/child` (OData's path syntax), as
 * `onPremisesExtensionAttributes/extensionAttribute1`.
 */
import type { EmployeeField } from '../../core/model.js';

/**
 * Graph keys behind each unified field. Fields missing here Entra cannot supply: it keeps no
 * birth date (a single-user `birthday` is the user's own, often unset), gender, marital status,
 * home address (street, city… are the office's), schedule or photo URL in the directory, and
 * `officeLocation` is free text, not a location object a RemoteId could point at.
 */
export const employeeFieldSources: Readonly<Partial<Record<EmployeeField, readonly string[]>>> = {
  employeeNumber: ['employeeId'],
  firstName: ['givenName'],
  lastName: ['surname'],
  displayName: ['displayName'],
  workEmail: ['mail'],
  workPhone: ['businessPhones'],
  mobilePhone: ['mobilePhone'],
  jobTitle: ['jobTitle'],
  department: ['department'],
  division: ['employeeOrgData'],
  manager: ['manager'],
  employmentStatus: ['accountEnabled'],
  employmentRelationship: ['employeeType'],
  hireDate: ['employeeHireDate'],
  terminationDate: ['employeeLeaveDateTime'],
  createdAt: ['createdDateTime'],
};

/** The key that holds the manager's id. */
export const MANAGER_KEY = 'manager';

/** Properties Graph returns only on a single-user GET: a list that selects one is a 501. */
export const SINGLE_USER_ONLY: ReadonlySet<string> = new Set([
  'aboutMe',
  'birthday',
  'hireDate',
  'interests',
  'mySite',
  'pastProjects',
  'preferredName',
  'responsibilities',
  'schools',
  'skills',
  'mailboxSettings',
]);

/** The property a key is selected by: `onPremisesExtensionAttributes/extensionAttribute1` → its parent. */
export const propertyOf = (key: string) => key.split('/')[0]!;

/** `$select` and `$expand` for these keys; `id` is always selected. */
export function selectionOf(keys: readonly string[]): { $select: string; $expand?: string } {
  const select = new Set<string>(['id']);
  let manager = false;
  for (const key of keys) {
    if (key === MANAGER_KEY) manager = true;
    else select.add(propertyOf(key));
  }
  return {
    $select: [...select].join(','),
    ...(manager ? { $expand: 'manager($select=id)' } : {}),
  };
}
