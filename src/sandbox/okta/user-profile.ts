/** A synthetic person's Okta `profile`: base attributes (spec `UserProfile`) and custom ones. */
import type { EmploymentStatusName, Person, SyntheticCompany } from '../company/types.js';
import { type AttributeValue, attributeValue, type CustomAttribute } from './custom-attributes.js';
import { oktaUserId } from './ids.js';

const USER_TYPES: Record<Exclude<EmploymentStatusName, 'Terminated'>, string> = {
  'Full-Time': 'Employee',
  'Part-Time': 'Employee',
  Contractor: 'Contractor',
  Intern: 'Intern',
  Temporary: 'Temporary',
};

/** Locale per country of the person's work location; English (US) elsewhere. */
const LOCALES: Readonly<Record<string, string>> = {
  US: 'en_US',
  GB: 'en_GB',
  CA: 'en_CA',
  DE: 'de_DE',
  FR: 'fr_FR',
  ES: 'es_ES',
  NL: 'nl_NL',
  IE: 'en_IE',
  AU: 'en_AU',
  IN: 'en_IN',
  JP: 'ja_JP',
  SG: 'en_SG',
  BR: 'pt_BR',
  MX: 'es_MX',
};

/** The employment type before termination: a deprovisioned contractor stays a Contractor. */
function userType(person: Person): string {
  for (let i = person.statusHistory.length - 1; i >= 0; i--) {
    const status = person.statusHistory[i]?.status;
    if (status && status !== 'Terminated') return USER_TYPES[status];
  }
  return 'Employee';
}

export function displayNameOf(person: Person): string {
  return `${person.preferredName ?? person.firstName} ${person.lastName}`;
}

export type Profile = Record<string, AttributeValue>;

export function userProfile(
  company: SyntheticCompany,
  person: Person,
  custom: readonly CustomAttribute[],
): Profile {
  const job = company.currentJob(person);
  const manager = job.managerId === null ? undefined : company.person(job.managerId);
  const location = company.locations.find((l) => l.id === job.locationId);
  const phone = person.workPhone
    ? `${person.workPhone}${person.workPhoneExtension ? ` x${person.workPhoneExtension}` : ''}`
    : null;
  const profile: Profile = {
    login: person.workEmail,
    email: person.workEmail,
    secondEmail: person.homeEmail,
    firstName: person.firstName,
    lastName: person.lastName,
    middleName: person.middleName,
    nickName: person.preferredName,
    displayName: displayNameOf(person),
    title: company.jobTitles.find((t) => t.id === job.jobTitleId)?.name ?? null,
    department: company.departments.find((d) => d.id === job.departmentId)?.name ?? '',
    division: company.divisions.find((d) => d.id === job.divisionId)?.name ?? null,
    organization: company.displayName,
    costCenter: `CC-${String(1000 + job.departmentId)}`,
    employeeNumber: person.employeeNumber,
    managerId: manager ? oktaUserId(manager.id) : null,
    manager: manager ? displayNameOf(manager) : null,
    userType: userType(person),
    primaryPhone: phone,
    mobilePhone: person.mobilePhone,
    streetAddress: [person.address.line1, person.address.line2].filter(Boolean).join(', '),
    city: person.address.city,
    state: person.address.state,
    zipCode: person.address.zip,
    countryCode: person.address.country,
    timezone: location?.timezone ?? 'America/Los_Angeles',
    locale: LOCALES[location?.country ?? 'US'] ?? 'en_US',
    preferredLanguage: (LOCALES[location?.country ?? 'US'] ?? 'en_US').slice(0, 2),
  };
  for (const attribute of custom)
    profile[attribute.name] = attributeValue(company, person, attribute);
  return profile;
}
