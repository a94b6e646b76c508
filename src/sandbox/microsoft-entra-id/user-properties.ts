/**
 * The properties of Graph's v1.0 `user` (the CSDL slice: `entity`, `directoryObject`, `user`),
 * which `$select` may name, and what `GET /users` returns when it names none.
 */

/** Structural properties of `microsoft.graph.user`, with those of its base types. */
export const USER_PROPERTIES: ReadonlySet<string> = new Set(
  `id deletedDateTime aboutMe accountEnabled ageGroup assignedLicenses assignedPlans authorizationInfo
  birthday businessPhones city companyName consentProvidedForMinor country createdDateTime creationType
  customSecurityAttributes department deviceEnrollmentLimit displayName employeeHireDate employeeId
  employeeLeaveDateTime employeeOrgData employeeType externalUserState externalUserStateChangeDateTime
  faxNumber givenName hireDate identities identityParentId imAddresses interests isManagementRestricted
  isResourceAccount jobTitle lastPasswordChangeDateTime legalAgeGroupClassification
  licenseAssignmentStates mail mailboxSettings mailNickname mobilePhone mySite officeLocation
  onPremisesDistinguishedName onPremisesDomainName onPremisesExtensionAttributes onPremisesImmutableId
  onPremisesLastSyncDateTime onPremisesProvisioningErrors onPremisesSamAccountName
  onPremisesSecurityIdentifier onPremisesSyncEnabled onPremisesUserPrincipalName otherMails
  passwordPolicies passwordProfile pastProjects postalCode preferredDataLocation preferredLanguage
  preferredName print provisionedPlans proxyAddresses responsibilities schools securityIdentifier
  serviceProvisioningErrors showInAddressList signInActivity signInSessionsValidFromDateTime skills state
  streetAddress surname usageLocation userPrincipalName userType`.split(/\s+/),
);

/** Collection-valued properties: an unset one is `[]`, never null. */
export const COLLECTION_PROPERTIES: ReadonlySet<string> = new Set(
  `assignedLicenses assignedPlans businessPhones identities imAddresses interests
  licenseAssignmentStates onPremisesProvisioningErrors otherMails pastProjects provisionedPlans
  proxyAddresses responsibilities schools serviceProvisioningErrors skills`.split(/\s+/),
);

/** Returned only by a single-user GET: selecting one on a list is 501 (List users, Remarks). */
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

/** What a user carries when `$select` names nothing (List users: "default properties"). */
export const DEFAULT_USER_SELECT: readonly string[] = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

export const GROUP_DEFAULT_SELECT: readonly string[] = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'securityEnabled',
  'visibility',
];
