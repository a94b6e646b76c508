/** OAuth scopes of the Directory API (Discovery `auth.oauth2.scopes` and each method's `scopes`). */

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  userReadonly: `${AUTH}admin.directory.user.readonly`,
  user: `${AUTH}admin.directory.user`,
  groupReadonly: `${AUTH}admin.directory.group.readonly`,
  group: `${AUTH}admin.directory.group`,
  memberReadonly: `${AUTH}admin.directory.group.member.readonly`,
  member: `${AUTH}admin.directory.group.member`,
  orgunitReadonly: `${AUTH}admin.directory.orgunit.readonly`,
  orgunit: `${AUTH}admin.directory.orgunit`,
  userschemaReadonly: `${AUTH}admin.directory.userschema.readonly`,
  userschema: `${AUTH}admin.directory.userschema`,
  customerReadonly: `${AUTH}admin.directory.customer.readonly`,
  customer: `${AUTH}admin.directory.customer`,
  cloudPlatform: `${AUTH}cloud-platform`,
} as const;

/** What the tenant's admin delegated to the service account: the read-only directory scopes. */
export const DELEGATED_SCOPES: readonly string[] = [
  SCOPES.userReadonly,
  SCOPES.groupReadonly,
  SCOPES.memberReadonly,
  SCOPES.orgunitReadonly,
  SCOPES.userschemaReadonly,
  SCOPES.customerReadonly,
];

/** Scopes any one of which lets a method run, as the Discovery document lists them. */
export const METHOD_SCOPES = {
  'users.list': [SCOPES.user, SCOPES.userReadonly, SCOPES.cloudPlatform],
  'users.get': [SCOPES.user, SCOPES.userReadonly],
  'groups.list': [SCOPES.group, SCOPES.groupReadonly],
  'groups.get': [SCOPES.group, SCOPES.groupReadonly],
  'members.list': [SCOPES.group, SCOPES.member, SCOPES.memberReadonly, SCOPES.groupReadonly],
  'orgunits.list': [SCOPES.orgunit, SCOPES.orgunitReadonly],
  'schemas.list': [SCOPES.userschema, SCOPES.userschemaReadonly],
  'customers.get': [SCOPES.customer, SCOPES.customerReadonly],
} as const satisfies Record<string, readonly string[]>;

export type MethodId = keyof typeof METHOD_SCOPES;
