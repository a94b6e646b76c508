/**
 * Which `User` properties (Discovery `User` schema, top level) each unified field draws on, and
 * the raw fields `remoteData`/`customFields` can name: those properties, and custom schema fields
 * as `Schema.field`. The list and get calls ask only for the properties a request needs, through
 * the `fields` partial-response parameter, and for custom schemas only through
 * `projection=custom&customFieldMask=…`.
 */

import type { EmployeeFieldRequest } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';

/**
 * What the directory supplies natively. Hire, start and termination dates, employment type,
 * birth dates, marital status and location ids are not User properties: tenants that keep them
 * in custom schemas reach them through `customFields(names: ["Schema.field"])`.
 */
export const userFieldSources = {
  employeeNumber: ['externalIds'],
  firstName: ['name'],
  lastName: ['name'],
  displayName: ['name'],
  workEmail: ['primaryEmail'],
  personalEmail: ['emails'],
  workPhone: ['phones'],
  mobilePhone: ['phones'],
  homePhone: ['phones'],
  jobTitle: ['organizations'],
  department: ['orgUnitPath'],
  manager: ['relations'],
  employmentStatus: ['suspended', 'archived'],
  gender: ['gender'],
  homeAddress: ['addresses'],
  avatarUrl: ['thumbnailPhotoUrl'],
  createdAt: ['creationTime'],
} as const satisfies Partial<Record<EmployeeField, readonly string[]>>;

export type SuppliedField = keyof typeof userFieldSources;

export const suppliedEmployeeFields = Object.keys(userFieldSources) as SuppliedField[];

export function isSupplied(field: EmployeeField): field is SuppliedField {
  return Object.hasOwn(userFieldSources, field);
}

/** The `User` schema's properties (Discovery revision 20240618). */
export const USER_PROPERTIES: readonly string[] = [
  'addresses',
  'agreedToTerms',
  'aliases',
  'archived',
  'changePasswordAtNextLogin',
  'creationTime',
  'customSchemas',
  'customerId',
  'deletionTime',
  'emails',
  'etag',
  'externalIds',
  'gender',
  'hashFunction',
  'id',
  'ims',
  'includeInGlobalAddressList',
  'ipWhitelisted',
  'isAdmin',
  'isDelegatedAdmin',
  'isEnforcedIn2Sv',
  'isEnrolledIn2Sv',
  'isMailboxSetup',
  'keywords',
  'kind',
  'languages',
  'lastLoginTime',
  'locations',
  'name',
  'nonEditableAliases',
  'notes',
  'orgUnitPath',
  'organizations',
  'password',
  'phones',
  'posixAccounts',
  'primaryEmail',
  'recoveryEmail',
  'recoveryPhone',
  'relations',
  'sshPublicKeys',
  'suspended',
  'suspensionReason',
  'thumbnailPhotoEtag',
  'thumbnailPhotoUrl',
  'websites',
];

/** What `remoteData` returns unasked: the HR-relevant part of the basic projection. */
export const DEFAULT_RAW_FIELDS: readonly string[] = [
  'id',
  'primaryEmail',
  'name',
  'emails',
  'externalIds',
  'organizations',
  'relations',
  'phones',
  'addresses',
  'gender',
  'orgUnitPath',
  'suspended',
  'suspensionReason',
  'archived',
  'isAdmin',
  'creationTime',
  'lastLoginTime',
  'thumbnailPhotoUrl',
];

/** Every record carries these: the id, and the email other users' `relations` point at. */
const ALWAYS = ['id', 'primaryEmail'];

/** A custom schema field key, `Schema.field`. */
export function customKey(key: string): { schema: string; field: string } | null {
  const dot = key.indexOf('.');
  return dot > 0 ? { schema: key.slice(0, dot), field: key.slice(dot + 1) } : null;
}

/** What one call must ask Google for, in its terms. */
export interface UserMask {
  /** Top-level User properties. */
  readonly properties: ReadonlySet<string>;
  /** Custom schemas, for `customFieldMask`. */
  readonly schemas: ReadonlySet<string>;
}

export function maskFor(request: EmployeeFieldRequest): UserMask {
  const properties = new Set(ALWAYS);
  const schemas = new Set<string>();
  for (const field of request.unified) {
    if (isSupplied(field)) for (const key of userFieldSources[field]) properties.add(key);
  }
  for (const key of request.raw) {
    const custom = customKey(key);
    if (custom) {
      schemas.add(custom.schema);
      properties.add('customSchemas');
    } else {
      properties.add(key);
    }
  }
  return { properties, schemas };
}

/** Query parameters that narrow a users.get/users.list answer to `mask`. */
export function maskParams(mask: UserMask, listWrapper: boolean): Record<string, string> {
  const props = [...mask.properties].sort().join(',');
  const params: Record<string, string> = {
    // `kind` tells a page with no users (`{kind}`) from a body that is not a page at all (`{}`).
    fields: listWrapper ? `kind,nextPageToken,users(${props})` : props,
  };
  if (mask.schemas.size > 0) {
    params.projection = 'custom';
    params.customFieldMask = [...mask.schemas].sort().join(',');
  }
  return params;
}

/** Whether a record read with `had` carries everything `need` asks. `had` null: a full read. */
export function covers(had: UserMask | null, need: UserMask): boolean {
  if (had === null) return need.schemas.size === 0;
  for (const key of need.properties) if (!had.properties.has(key)) return false;
  for (const schema of need.schemas) if (!had.schemas.has(schema)) return false;
  return true;
}
