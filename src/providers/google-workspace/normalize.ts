/**
 * A stored Google user (its keys as the Directory API names them) into the unified model.
 * Normalised enums keep Google's own value as `raw`; what this mapping does not know becomes
 * OTHER rather than a guess.
 *
 * References: `department` is the user's org unit (a Group of type ORG_UNIT from orgunits.list,
 * by `orgUnitId`), through the `orgUnits` lookup; `manager` is the user whose email
 * `relations[type=manager]` names, a reference by the `email` alternate key that the loaders
 * resolve into the manager's id. Either is null when nothing names one.
 */
import {
  byAlternateKey,
  type NormalizedValue,
  type RawEmployee,
} from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeField,
  EmploymentStatus,
  Gender,
  Normalized,
} from '../../core/model.js';
import { customKey } from './fields.js';
import { isRecord } from './shapes.js';

/** A user as the Directory API sends it. */
export type GoogleUser = Readonly<Record<string, unknown>>;

/** The alternate key a manager is named by. */
export const EMAIL_KEY = 'email';

/** The org unit catalogue, as `department` reads it. */
export interface OrgUnitIndex {
  /** The org unit's id for a path; null when the catalogue does not know it. */
  idOfPath(path: string): string | null;
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

/** An email as references compare it: Google's addresses are case-insensitive. */
export function emailKey(value: unknown): string | null {
  return str(value)?.toLowerCase() ?? null;
}

/** The manager's email from `relations`. */
function managerEmail(relations: unknown): string | null {
  return emailKey(ofType(relations, 'manager')?.value);
}

function employmentStatus(user: RawEmployee): Normalized<EmploymentStatus> | null {
  const suspended = user.get('suspended');
  const archived = user.get('archived');
  if (suspended == null && archived == null) return null;
  // Google has flags, not a status: the raw value names the flag that decided.
  if (archived === true) return { value: 'INACTIVE', raw: 'archived' };
  if (suspended === true) return { value: 'INACTIVE', raw: 'suspended' };
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

function phone(user: RawEmployee, type: string): string | null {
  return str(ofType(user.get('phones'), type)?.value);
}

export function unifiedValue<F extends EmployeeField>(
  field: F,
  user: RawEmployee,
  orgUnits: OrgUnitIndex | null,
): NormalizedValue<F> {
  const value = ((): NormalizedValue<EmployeeField> => {
    switch (field) {
      case 'employeeNumber':
        return str(ofType(user.get('externalIds'), 'organization')?.value);
      case 'firstName':
        return str(nameOf(user).givenName);
      case 'lastName':
        return str(nameOf(user).familyName);
      case 'displayName': {
        const name = nameOf(user);
        return str(name.fullName) ?? str(name.displayName);
      }
      case 'workEmail':
        return str(user.get('primaryEmail'));
      case 'personalEmail':
        return str(ofType(user.get('emails'), 'home')?.address);
      case 'workPhone':
        return phone(user, 'work');
      case 'mobilePhone':
        return phone(user, 'mobile');
      case 'homePhone':
        return phone(user, 'home');
      case 'jobTitle':
        return str(primaryOf(rows(user.get('organizations')))?.title);
      case 'department': {
        const path = str(user.get('orgUnitPath'));
        const id = path === null ? null : (orgUnits?.idOfPath(path) ?? null);
        return id === null ? null : remoteId(id);
      }
      case 'manager': {
        const email = managerEmail(user.get('relations'));
        return email === null ? null : byAlternateKey(EMAIL_KEY, email);
      }
      case 'employmentStatus':
        return employmentStatus(user);
      case 'gender':
        return gender(user.get('gender'));
      case 'homeAddress':
        return homeAddress(user.get('addresses'));
      case 'avatarUrl':
        return str(user.get('thumbnailPhotoUrl'));
      case 'createdAt':
        return str(user.get('creationTime'));
    }
    return null;
  })();
  return value as NormalizedValue<F>;
}

function nameOf(user: RawEmployee): Record<string, unknown> {
  const name = user.get('name');
  return isRecord(name) ? name : {};
}

/**
 * A user's values for `keys`: top-level properties, and `Schema.field` custom values. A key the
 * user does not have is null: Google leaves out what is empty.
 */
export function userValues(user: GoogleUser, keys: Iterable<string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const custom = isRecord(user.customSchemas) ? user.customSchemas : {};
  for (const key of keys) {
    const ref = customKey(key);
    if (ref) {
      const schema = custom[ref.schema];
      out.set(key, isRecord(schema) ? (schema[ref.field] ?? null) : null);
    } else {
      out.set(key, Object.hasOwn(user, key) ? user[key] : null);
    }
  }
  return out;
}
