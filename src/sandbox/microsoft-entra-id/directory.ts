/**
 * The synthetic company as one Entra tenant: users projected per request (never all held at once),
 * departments and divisions as security groups, directory extensions from the company's custom
 * fields, and the organization object. Values follow Graph's v1.0 `user` type (the CSDL slice).
 */
import type { Person, SyntheticCompany } from '../company/types.js';
import {
  appIdOf,
  entraGroupId,
  entraUserId,
  type GroupKind,
  parseEntraGroupId,
  personIdFromEntraUserId,
  tenantIdOf,
} from './ids.js';

export type GraphObject = Record<string, unknown>;

/** A directory extension registered on the tenant's app: `extension_{appId}_{name}`. */
export interface DirectoryExtension {
  readonly name: string;
  /** Index into the company's custom fields. */
  readonly field: number;
}

export interface EntraGroup {
  readonly id: string;
  readonly kind: GroupKind;
  readonly unitId: number;
  readonly displayName: string;
}

export interface Directory {
  readonly company: SyntheticCompany;
  readonly tenantId: string;
  /** Domains the tenant has verified: `acme.onmicrosoft.com` and the work-email domain. */
  readonly domains: readonly string[];
  readonly extensions: readonly DirectoryExtension[];
  readonly groups: readonly EntraGroup[];
  /** Every property of the user Graph can return, by name (before `$select`). */
  user(person: Person): GraphObject;
  find(id: string): Person | undefined;
  findGroup(id: string): EntraGroup | undefined;
  managerOf(person: Person): Person | undefined;
  members(group: EntraGroup): readonly Person[];
  organization(): GraphObject;
}

const EMPLOYEE_TYPES: Record<string, string> = {
  'Full-Time': 'Employee',
  'Part-Time': 'Employee',
  Contractor: 'Contractor',
  Intern: 'Intern',
  Temporary: 'Temporary',
};

/** Graph writes DateTimeOffset values in UTC with a `Z`, to the second. */
const graphTime = (date: string | null) =>
  date === null
    ? null
    : `${date.slice(0, 10)}T${date.length > 10 ? date.slice(11, 19) : '00:00:00'}Z`;

export function displayNameOf(person: Person): string {
  return `${person.preferredName ?? person.firstName} ${person.lastName}`;
}

function employeeType(person: Person): string {
  for (let i = person.statusHistory.length - 1; i >= 0; i--) {
    const status = person.statusHistory[i]?.status;
    if (status && status !== 'Terminated') return EMPLOYEE_TYPES[status] ?? 'Employee';
  }
  return 'Employee';
}

export function createDirectory(company: SyntheticCompany, extensionCount: number): Directory {
  const domain = company.domain;
  const emailDomain = company.people[0]?.workEmail.split('@')[1] ?? `${domain}.example`;
  const appId = appIdOf(domain).replace(/-/g, '');
  const extensions = company.customFields
    .slice(0, extensionCount)
    .map((field, index) => ({ name: `extension_${appId}_${field.alias}`, field: index }));
  const groups: EntraGroup[] = [
    ...company.departments.map((d) => ({
      id: entraGroupId(domain, 'department', d.id),
      kind: 'department' as const,
      unitId: d.id,
      displayName: d.name,
    })),
    ...company.divisions.map((d) => ({
      id: entraGroupId(domain, 'division', d.id),
      kind: 'division' as const,
      unitId: d.id,
      displayName: d.name,
    })),
  ];
  const groupById = new Map(groups.map((g) => [g.id, g]));

  function user(person: Person): GraphObject {
    const job = company.currentJob(person);
    const location = company.locations.find((l) => l.id === job.locationId);
    const division = company.divisions.find((d) => d.id === job.divisionId)?.name ?? null;
    const values: GraphObject = {
      id: entraUserId(domain, person.id),
      deletedDateTime: null,
      accountEnabled: person.status === 'Active',
      businessPhones: person.workPhone ? [person.workPhone] : [],
      city: location?.city ?? null,
      companyName: company.displayName,
      country: location?.country ?? null,
      createdDateTime: graphTime(person.created),
      creationType: null,
      department: company.departments.find((d) => d.id === job.departmentId)?.name ?? null,
      displayName: displayNameOf(person),
      employeeHireDate: graphTime(person.hireDate),
      employeeId: person.employeeNumber,
      employeeLeaveDateTime: graphTime(person.terminationDate),
      employeeOrgData: { division, costCenter: `CC-${String(1000 + job.departmentId)}` },
      employeeType: employeeType(person),
      givenName: person.firstName,
      jobTitle: company.jobTitles.find((t) => t.id === job.jobTitleId)?.name ?? null,
      mail: person.workEmail,
      mailNickname: person.workEmail.split('@')[0],
      mobilePhone: person.mobilePhone,
      officeLocation: location?.name ?? null,
      onPremisesExtensionAttributes: Object.fromEntries(
        Array.from({ length: 15 }, (_, i) => [
          `extensionAttribute${i + 1}`,
          i === 0 ? person.employeeNumber : i === 1 ? (location?.name ?? null) : null,
        ]),
      ),
      otherMails: person.homeEmail ? [person.homeEmail] : [],
      postalCode: location?.zip ?? null,
      preferredLanguage: 'en-US',
      state: location?.state ?? null,
      streetAddress: location?.line1 ?? null,
      surname: person.lastName,
      usageLocation: location?.country ?? null,
      userPrincipalName: person.workEmail,
      userType: 'Member',
      // Single-user GET only (Graph answers 501 when a list selects them).
      hireDate: graphTime(person.hireDate),
      preferredName: person.preferredName,
      birthday: graphTime(person.dateOfBirth),
    };
    for (const extension of extensions) {
      const field = company.customFields[extension.field]!;
      const value = company.customValue(person, field);
      if (value !== null) values[extension.name] = value;
    }
    return values;
  }

  const members = new Map<string, Person[]>();
  function membersOf(group: EntraGroup): readonly Person[] {
    let list = members.get(group.id);
    if (!list) {
      list = company.people.filter((person) => {
        const job = company.currentJob(person);
        return group.kind === 'department'
          ? job.departmentId === group.unitId
          : job.divisionId === group.unitId;
      });
      members.set(group.id, list);
    }
    return list;
  }

  return {
    company,
    tenantId: tenantIdOf(domain),
    domains: [`${domain}.onmicrosoft.com`, emailDomain],
    extensions,
    groups,
    user,
    find(id) {
      const personId = personIdFromEntraUserId(domain, id);
      return personId === null ? undefined : company.person(personId);
    },
    findGroup: (id) =>
      parseEntraGroupId(domain, id) ? groupById.get(id.toLowerCase()) : undefined,
    managerOf(person) {
      const managerId = company.currentJob(person).managerId;
      return managerId === null ? undefined : company.person(managerId);
    },
    members: membersOf,
    organization: () => ({
      id: tenantIdOf(domain),
      deletedDateTime: null,
      businessPhones: [company.phone],
      city: company.address.city,
      country: null,
      countryLetterCode: company.address.country,
      createdDateTime: '2015-03-02T17:04:11Z',
      displayName: company.legalName,
      postalCode: company.address.zip,
      preferredLanguage: 'en',
      state: company.address.state,
      street: company.address.line1,
      tenantType: 'AAD',
      verifiedDomains: [
        {
          capabilities: 'Email, OfficeCommunicationsOnline',
          isDefault: false,
          isInitial: true,
          name: `${domain}.onmicrosoft.com`,
          type: 'Managed',
        },
        {
          capabilities: 'Email',
          isDefault: true,
          isInitial: false,
          name: emailDomain,
          type: 'Managed',
        },
      ],
    }),
  };
}
