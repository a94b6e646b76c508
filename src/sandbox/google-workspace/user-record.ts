/**
 * One person as a Directory API `User`. Rules the spec leaves to us:
 * - terminated people are `suspended` (reason `ADMIN`); those terminated more than a year before
 *   the company's today are also `archived` (kept on an Archived User licence);
 * - `costCenter` is `CC-<division id><department id, 3 digits>`;
 * - `domain_public` keeps what every domain user may see: id, names, work email and phone,
 *   organizations, relations, and custom fields whose readAccessType is ALL_DOMAIN_USERS.
 */
import type { Person } from '../company/types.js';
import type { CustomValue, SchemaView } from './custom-schemas.js';
import type { Directory } from './directory.js';
import { etagOf, googleUserId, hashString } from './ids.js';

export type Projection = 'basic' | 'custom' | 'full';
export type ViewType = 'admin_view' | 'domain_public';

export interface RecordOptions {
  readonly projection: Projection;
  /** Schemas to include for `custom`; ignored otherwise. */
  readonly customFieldMask: ReadonlySet<string>;
  readonly viewType: ViewType;
}

const DAY_MS = 86_400_000;
/** What Google reports for a user who never signed in. */
const NEVER = '1970-01-01T00:00:00.000Z';

function stamp(date: string, seconds: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + seconds * 1000).toISOString();
}

export function isArchived(directory: Directory, person: Person): boolean {
  if (person.terminationDate === null) return false;
  const since = Date.parse(directory.company.today) - Date.parse(person.terminationDate);
  return since > 365 * DAY_MS;
}

function lastLoginTime(directory: Directory, person: Person): string {
  const h = hashString(`login:${directory.company.seed}:${person.id}`);
  if (h % 50 === 0) return NEVER;
  const day = person.terminationDate ?? directory.company.today;
  return stamp(day, -((h >>> 8) % (14 * 86_400)));
}

function customSchemas(
  person: Person,
  schemas: readonly SchemaView[],
  options: RecordOptions,
): Record<string, Record<string, CustomValue>> | undefined {
  if (options.projection === 'basic') return undefined;
  const out: Record<string, Record<string, CustomValue>> = {};
  for (const schema of schemas) {
    if (options.projection === 'custom' && !options.customFieldMask.has(schema.schemaName))
      continue;
    const values: Record<string, CustomValue> = {};
    let any = false;
    for (const field of schema.fields) {
      if (options.viewType === 'domain_public' && field.readAccessType !== 'ALL_DOMAIN_USERS') {
        continue;
      }
      const value = field.value(person);
      if (value === null) continue;
      values[field.fieldName] = value;
      any = true;
    }
    // Google leaves out a schema the user has no values in.
    if (any) out[schema.schemaName] = values;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function genderOf(person: Person): { type: string; customGender?: string } | undefined {
  if (person.gender === null) return undefined;
  if (person.gender === 'Nonbinary') return { type: 'other', customGender: 'Nonbinary' };
  return { type: person.gender.toLowerCase() };
}

export function userRecord(
  directory: Directory,
  person: Person,
  options: RecordOptions,
): Record<string, unknown> {
  const { company } = directory;
  const job = company.currentJob(person);
  const department = company.departments.find((d) => d.id === job.departmentId);
  const location = company.locations.find((l) => l.id === job.locationId);
  const title = company.jobTitles.find((t) => t.id === job.jobTitleId);
  const manager = job.managerId === null ? undefined : company.person(job.managerId);
  const id = googleUserId(person.id);
  const givenName = person.preferredName ?? person.firstName;
  const name = {
    givenName,
    familyName: person.lastName,
    fullName: `${givenName} ${person.lastName}`,
  };
  const organizations = [
    {
      title: title?.name ?? '',
      department: department?.name ?? '',
      costCenter: `CC-${job.divisionId}${String(job.departmentId).padStart(3, '0')}`,
      location: location?.name ?? '',
      primary: true,
      type: 'work',
      customType: '',
    },
  ];
  const relations = manager ? [{ type: 'manager', value: manager.workEmail }] : undefined;
  const workPhone = person.workPhone ? [{ value: person.workPhone, type: 'work' }] : [];
  const custom = customSchemas(person, directory.schemas, options);
  const base = {
    kind: 'admin#directory#user',
    id,
    etag: etagOf(`user:${id}:${person.lastChanged}`),
    primaryEmail: person.workEmail,
    name,
  };
  if (options.viewType === 'domain_public') {
    return {
      ...base,
      emails: [{ address: person.workEmail, primary: true }],
      ...(workPhone.length ? { phones: workPhone } : {}),
      organizations,
      ...(relations ? { relations } : {}),
      ...(custom ? { customSchemas: custom } : {}),
    };
  }
  const suspended = person.terminationDate !== null;
  const phones = [
    ...workPhone,
    ...(person.mobilePhone ? [{ value: person.mobilePhone, type: 'mobile' }] : []),
    ...(person.homePhone ? [{ value: person.homePhone, type: 'home' }] : []),
  ];
  const { address } = person;
  const gender = genderOf(person);
  return {
    ...base,
    isAdmin: directory.isAdmin(person),
    isDelegatedAdmin: false,
    lastLoginTime: lastLoginTime(directory, person),
    creationTime: stamp(person.originalHireDate, -3 * 86_400 + 9 * 3600),
    agreedToTerms: true,
    suspended,
    ...(suspended ? { suspensionReason: 'ADMIN' } : {}),
    archived: isArchived(directory, person),
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [
      { address: person.workEmail, primary: true },
      ...(person.homeEmail ? [{ address: person.homeEmail, type: 'home' }] : []),
    ],
    externalIds: [{ value: person.employeeNumber, type: 'organization' }],
    ...(relations ? { relations } : {}),
    addresses: [
      {
        type: 'home',
        formatted: [address.line1, address.line2, address.city, address.state, address.zip]
          .filter(Boolean)
          .join(', '),
        streetAddress: [address.line1, address.line2].filter(Boolean).join('\n'),
        locality: address.city,
        ...(address.state ? { region: address.state } : {}),
        postalCode: address.zip,
        countryCode: address.country,
        primary: true,
      },
    ],
    organizations,
    ...(phones.length ? { phones } : {}),
    ...(gender ? { gender } : {}),
    customerId: directory.customerId,
    orgUnitPath: directory.orgUnitPath(person),
    isMailboxSetup: true,
    isEnrolledIn2Sv: hashString(`2sv:${id}`) % 3 !== 0,
    isEnforcedIn2Sv: false,
    includeInGlobalAddressList: true,
    ...(custom ? { customSchemas: custom } : {}),
  };
}
