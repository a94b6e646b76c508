/**
 * A Directory API `User` into the unified model. Normalised enums keep Google's own value as
 * `raw`; what this mapping does not know becomes OTHER rather than a guess.
 *
 * References: `department` is the user's org unit (a Group of type ORG_UNIT from orgunits.list,
 * by `orgUnitId`), resolved through the account's org-unit catalogue; `manager` is the Google id
 * of the user whose email `relations[type=manager]` names, resolved by the session (managers.ts).
 * Either is null when it does not resolve.
 */
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeFields,
  EmploymentStatus,
  Gender,
  Normalized,
} from '../../core/model.js';
import { customKey, type SuppliedField } from './fields.js';
import { isRecord } from './shapes.js';

export type GoogleUser = Readonly<Record<string, unknown>>;

export interface References {
  /** The org unit's id for a path; null when the catalogue does not know it. */
  orgUnitId(path: string): string | null;
  /** The Google id of the user with this email; null when none. */
  userIdByEmail(email: string): string | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function rows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The primary entry, else the first: Google marks at most one `primary`. */
function primaryOf(items: Record<string, unknown>[]): Record<string, unknown> | undefined {
  return items.find((item) => item.primary === true) ?? items[0];
}

function ofType(value: unknown, type: string): Record<string, unknown> | undefined {
  return primaryOf(rows(value).filter((item) => item.type === type));
}

/** The manager's email from `relations`, lower-cased (emails are case-insensitive keys). */
export function managerEmail(user: GoogleUser): string | null {
  return str(ofType(user.relations, 'manager')?.value)?.toLowerCase() ?? null;
}

function employmentStatus(user: GoogleUser): Normalized<EmploymentStatus> | null {
  if (user.suspended === undefined && user.archived === undefined) return null;
  // Google has flags, not a status: the raw value names the flag that decided.
  if (user.archived === true) return { value: 'INACTIVE', raw: 'archived' };
  if (user.suspended === true) return { value: 'INACTIVE', raw: 'suspended' };
  return { value: 'ACTIVE', raw: 'active' };
}

const genders: Readonly<Record<string, Gender>> = {
  female: 'FEMALE',
  male: 'MALE',
  nonbinary: 'NON_BINARY',
  'non-binary': 'NON_BINARY',
  unknown: 'PREFER_NOT_TO_DISCLOSE',
};

function gender(value: unknown): Normalized<Gender> | null {
  if (!isRecord(value)) return null;
  const type = str(value.type);
  if (type === null) return null;
  // `other` carries the person's own word in customGender; that word is the raw value.
  const raw = type === 'other' ? (str(value.customGender) ?? type) : type;
  return { value: genders[raw.toLowerCase()] ?? 'OTHER', raw };
}

function homeAddress(value: unknown): Address | null {
  const home = ofType(value, 'home');
  if (!home) return null;
  const street = (str(home.streetAddress) ?? '').split('\n');
  return {
    line1: str(street[0]) ?? str(home.formatted),
    line2: str(street.slice(1).join(', ')),
    city: str(home.locality),
    state: str(home.region),
    postalCode: str(home.postalCode),
    country: str(home.countryCode) ?? str(home.country),
  };
}

function phone(user: GoogleUser, type: string): string | null {
  return str(ofType(user.phones, type)?.value);
}

export function unifiedValue<F extends SuppliedField>(
  field: F,
  user: GoogleUser,
  refs: References,
): EmployeeFields[F] {
  const name = isRecord(user.name) ? user.name : {};
  const value = ((): EmployeeFields[SuppliedField] => {
    switch (field) {
      case 'employeeNumber':
        return str(ofType(user.externalIds, 'organization')?.value);
      case 'firstName':
        return str(name.givenName);
      case 'lastName':
        return str(name.familyName);
      case 'displayName':
        return str(name.fullName) ?? str(name.displayName);
      case 'workEmail':
        return str(user.primaryEmail);
      case 'personalEmail':
        return str(ofType(user.emails, 'home')?.address);
      case 'workPhone':
        return phone(user, 'work');
      case 'mobilePhone':
        return phone(user, 'mobile');
      case 'homePhone':
        return phone(user, 'home');
      case 'jobTitle':
        return str(primaryOf(rows(user.organizations))?.title);
      case 'department': {
        const path = str(user.orgUnitPath);
        const id = path === null ? null : refs.orgUnitId(path);
        return id === null ? null : remoteId(id);
      }
      case 'manager': {
        const email = managerEmail(user);
        const id = email === null ? null : refs.userIdByEmail(email);
        return id === null ? null : (remoteId(id) as RemoteId);
      }
      case 'employmentStatus':
        return employmentStatus(user);
      case 'gender':
        return gender(user.gender);
      case 'homeAddress':
        return homeAddress(user.addresses);
      case 'avatarUrl':
        return str(user.thumbnailPhotoUrl);
      case 'createdAt':
        return str(user.creationTime);
    }
    return null;
  })();
  return value as EmployeeFields[F];
}

/** The raw values a request asked for: top-level properties, and `Schema.field` custom values. */
export function rawValues(user: GoogleUser, keys: Iterable<string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const custom = isRecord(user.customSchemas) ? user.customSchemas : {};
  for (const key of keys) {
    const ref = customKey(key);
    if (ref) {
      const schema = custom[ref.schema];
      out.set(key, isRecord(schema) ? (schema[ref.field] ?? null) : null);
    } else if (key in user) {
      out.set(key, user[key]);
    } else {
      out.set(key, null);
    }
  }
  return out;
}
