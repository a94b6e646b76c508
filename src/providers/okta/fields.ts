/**
 * Which parts of an Okta user each unified Employee field is made from. Raw keys are Okta's own
 * names: profile attributes by attribute name (`title`, `customShirtSize`), and the user's
 * top-level properties (`status`, `created`, …) by theirs.
 */
import type { EmployeeField } from '../../core/model.js';

/** Top-level user properties hrgraph reads by name (spec `User`); the rest are profile attributes. */
export const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  'id',
  'status',
  'created',
  'activated',
  'statusChanged',
  'lastLogin',
  'lastUpdated',
  'passwordChanged',
]);

/**
 * Okta keys behind each unified field. Fields missing here Okta cannot supply: it keeps no hire,
 * start or termination dates, birth dates, genders, schedules or photos in its base profile
 * (reference §6), and has no location objects for a RemoteId to point at.
 */
export const employeeFieldSources: Readonly<Partial<Record<EmployeeField, readonly string[]>>> = {
  employeeNumber: ['employeeNumber'],
  firstName: ['firstName'],
  middleName: ['middleName'],
  lastName: ['lastName'],
  preferredName: ['nickName'],
  displayName: ['displayName'],
  workEmail: ['email'],
  personalEmail: ['secondEmail'],
  workPhone: ['primaryPhone'],
  mobilePhone: ['mobilePhone'],
  jobTitle: ['title'],
  department: ['department'],
  division: ['division'],
  manager: ['managerId'],
  employmentStatus: ['status'],
  employmentRelationship: ['userType'],
  homeAddress: ['streetAddress', 'city', 'state', 'zipCode', 'countryCode'],
  createdAt: ['created'],
  modifiedAt: ['lastUpdated'],
};

/** The base profile attributes of Okta's default user schema (spec `UserSchemaBaseProperties`). */
export const BASE_PROFILE_ATTRIBUTES: readonly string[] = [
  'login',
  'email',
  'secondEmail',
  'firstName',
  'lastName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'title',
  'displayName',
  'nickName',
  'profileUrl',
  'primaryPhone',
  'mobilePhone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'postalAddress',
  'countryCode',
  'preferredLanguage',
  'locale',
  'timezone',
  'userType',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'managerId',
  'manager',
];

/** What `remoteData` returns unasked: the top-level properties and the base profile. */
export const standardRawFields: readonly string[] = [...TOP_LEVEL_KEYS, ...BASE_PROFILE_ATTRIBUTES];

/**
 * listUsers' `fields` projection for these keys (`id,status,profile:(firstName,title)`), so a
 * page carries only what the selection needs. `id` is always returned.
 */
export function projectionOf(keys: readonly string[]): string {
  const top = new Set<string>(['id']);
  const profile: string[] = [];
  for (const key of keys) {
    if (TOP_LEVEL_KEYS.has(key)) top.add(key);
    else profile.push(key);
  }
  const parts = [...top];
  if (profile.length > 0) parts.push(`profile:(${profile.join(',')})`);
  return parts.join(',');
}
