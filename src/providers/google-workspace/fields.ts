/**
 * The provider keys of a Google user: the `User` properties (Discovery `User` schema, top level)
 * and custom schema fields as `Schema.field`; which of them each unified field draws on; and how
 * a call asks for exactly the keys it needs, through the `fields` partial-response parameter and,
 * for custom schemas only, `projection=custom&customFieldMask=…`.
 */

import type { ProviderKey } from '../../core/contract/index.js';
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

/** What a users.get without `fields` returns: every property but the custom schemas. */
export const BASIC_PROPERTIES: readonly string[] = USER_PROPERTIES.filter(
  (property) => property !== 'customSchemas',
);

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

/** The mask that brings `keys`, and the keys every record carries. */
export function maskFor(keys: readonly ProviderKey[]): UserMask {
  const properties = new Set(ALWAYS);
  const schemas = new Set<string>();
  for (const key of keys) {
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

/** The keys a record read with `keys` carries. */
export function keysRead(keys: readonly ProviderKey[]): ProviderKey[] {
  return [...new Set([...ALWAYS, ...keys])];
}

/** How many names a mask asks for, for upstream accounting. */
export function maskSize(mask: UserMask): number {
  return mask.properties.size + mask.schemas.size;
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
