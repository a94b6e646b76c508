/**
 * Raw user properties by name, for `remoteData(fields:)` and `customFields(names:)`, known without
 * a call: the `user` type's properties (in any case), `employeeOrgData/division`-style paths, the
 * fifteen `onPremisesExtensionAttributes` (also by their bare names, `extensionAttribute1`), and
 * directory extensions by their full names (`extension_{appId}_{name}`). Graph returns an
 * extension only when `$select` names it, and listing an app's extensions needs the application
 * APIs hrgraph does not call, so extensions are asked for by name and Account.customFields is
 * empty (at no cost) rather than a list no reply of the tenant's vouched for.
 */
import type { RawFieldCatalog } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';

/** `user` properties hrgraph can select (Graph v1.0 `user`, with `directoryObject`'s). */
const USER_PROPERTIES = `id deletedDateTime accountEnabled ageGroup businessPhones city companyName
  country createdDateTime creationType department displayName employeeHireDate employeeId
  employeeLeaveDateTime employeeOrgData employeeType externalUserState faxNumber givenName
  identities imAddresses isResourceAccount jobTitle lastPasswordChangeDateTime mail mailNickname
  mobilePhone officeLocation onPremisesDistinguishedName onPremisesDomainName
  onPremisesExtensionAttributes onPremisesImmutableId onPremisesLastSyncDateTime
  onPremisesSamAccountName onPremisesSecurityIdentifier onPremisesSyncEnabled
  onPremisesUserPrincipalName otherMails passwordPolicies postalCode preferredDataLocation
  preferredLanguage proxyAddresses securityIdentifier showInAddressList state streetAddress surname
  usageLocation userPrincipalName userType aboutMe birthday hireDate interests mySite pastProjects
  preferredName responsibilities schools skills`.split(/\s+/);

const EXTENSION_ATTRIBUTES = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);
const extensionAttributeKey = (name: string) => `onPremisesExtensionAttributes/${name}`;

/** Lower-cased names to keys. */
const known = new Map<string, string>([
  ...USER_PROPERTIES.map((p) => [p.toLowerCase(), p] as const),
  ...EXTENSION_ATTRIBUTES.flatMap((name) => [
    [name.toLowerCase(), extensionAttributeKey(name)] as const,
    [extensionAttributeKey(name).toLowerCase(), extensionAttributeKey(name)] as const,
  ]),
  ['employeeorgdata/division', 'employeeOrgData/division'],
  ['employeeorgdata/costcenter', 'employeeOrgData/costCenter'],
]);

const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_[A-Za-z0-9_]{1,100}$/i;

function keyOf(name: string): string | null {
  const trimmed = name.trim();
  if (DIRECTORY_EXTENSION.test(trimmed)) {
    // Graph spells the app id part in lower case; the name part keeps its case.
    return `extension_${trimmed.slice(10, 42).toLowerCase()}${trimmed.slice(42)}`;
  }
  return known.get(trimmed.toLowerCase()) ?? null;
}

/** What `remoteData` returns unasked: the HR-relevant properties a list can carry. */
export const standardRawFields: readonly string[] = [
  'id',
  'accountEnabled',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
  'employeeId',
  'employeeType',
  'employeeHireDate',
  'employeeLeaveDateTime',
  'employeeOrgData',
  'onPremisesExtensionAttributes',
  'usageLocation',
  'createdDateTime',
];

export const entraRawFields: RawFieldCatalog = {
  needs: [],
  resolve(names) {
    const unknown = names.filter((name) => keyOf(name) === null);
    if (unknown.length > 0) {
      throw badInput(
        `Unknown Entra ID user propert${unknown.length > 1 ? 'ies' : 'y'}: ${unknown.join(', ')}`,
        { unknownFields: unknown },
      );
    }
    return names.map((name) => ({ key: keyOf(name)!, requestedAs: name }));
  },
  defaults: standardRawFields,
};
