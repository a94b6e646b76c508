/**
 * Okta users into the unified model. Every normalised enum keeps Okta's own value as `raw`, and
 * a value this mapping does not know becomes OTHER rather than a guess.
 */

import type { EmployeeRecord } from '../../core/contract/index.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentStatus,
  Normalized,
} from '../../core/model.js';
import {
  employeeFieldSources,
  groupFields,
  suppliedEmployeeFields,
  TOP_LEVEL_KEYS,
} from './fields.js';
import { isObject, type OktaObject } from './shapes.js';

/** Department and division names to the id of the Okta group of that name (see groups.ts). */
export interface GroupIndex {
  groupIdByName(name: string): RemoteId | null;
}

/**
 * Okta's user lifecycle (spec `UserStatus`) as employment. Okta tracks the account, not the job,
 * so this is the nearest reading: an account that works (even locked out or with an expired
 * password) is an employed person; one created but never activated is a pending hire; a
 * suspended account is a person kept on but not working; a deprovisioned one has left.
 */
const statusMap: Readonly<Record<string, EmploymentStatus>> = {
  ACTIVE: 'ACTIVE',
  LOCKED_OUT: 'ACTIVE',
  PASSWORD_EXPIRED: 'ACTIVE',
  RECOVERY: 'ACTIVE',
  STAGED: 'PENDING',
  PROVISIONED: 'PENDING',
  SUSPENDED: 'LEAVE',
  DEPROVISIONED: 'INACTIVE',
};

/** `profile.userType` is free text; these are the spellings orgs commonly use. */
const relationshipMap: Readonly<Record<string, EmploymentRelationship>> = {
  employee: 'EMPLOYEE',
  'full-time': 'EMPLOYEE',
  'part-time': 'EMPLOYEE',
  fte: 'EMPLOYEE',
  contractor: 'CONTRACTOR',
  contract: 'CONTRACTOR',
  contingent: 'CONTRACTOR',
  intern: 'INTERN',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
  temp: 'TEMPORARY',
  freelance: 'FREELANCE',
  freelancer: 'FREELANCE',
};

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : String(value);
  return s.trim() === '' ? null : s;
}

function normalized<E extends string>(
  raw: string | null,
  map: Readonly<Record<string, E>>,
  key: (v: string) => string,
  other: E,
): Normalized<E> | null {
  return raw === null ? null : { value: map[key(raw.trim())] ?? other, raw };
}

export const employmentStatus = (raw: string | null) =>
  normalized<EmploymentStatus>(raw, statusMap, (v) => v.toUpperCase(), 'OTHER');

export const employmentRelationship = (raw: string | null) =>
  normalized<EmploymentRelationship>(raw, relationshipMap, (v) => v.toLowerCase(), 'OTHER');

function address(raw: ReadonlyMap<string, unknown>): Address | null {
  const value: Address = {
    line1: text(raw.get('streetAddress')),
    line2: null,
    city: text(raw.get('city')),
    state: text(raw.get('state')),
    postalCode: text(raw.get('zipCode')),
    country: text(raw.get('countryCode')),
  };
  return Object.values(value).every((v) => v === null) ? null : value;
}

function unifiedValue(
  field: EmployeeField,
  raw: ReadonlyMap<string, unknown>,
  groups: GroupIndex | null,
): EmployeeFields[EmployeeField] {
  const [source = field] = employeeFieldSources[field] ?? [];
  switch (field) {
    case 'department':
    case 'division': {
      // A RemoteId must resolve through listGroups: the Okta group named like the attribute's
      // value. With no such group the field is null; the name stays in remoteData.
      const name = text(raw.get(source));
      return name === null || groups === null ? null : groups.groupIdByName(name);
    }
    case 'manager': {
      const id = text(raw.get(source));
      return id === null ? null : remoteId(id);
    }
    case 'employmentStatus':
      return employmentStatus(text(raw.get(source)));
    case 'employmentRelationship':
      return employmentRelationship(text(raw.get(source)));
    case 'homeAddress':
      return address(raw);
    default:
      return text(raw.get(source));
  }
}

/** The user's top-level properties and profile attributes, flat, by Okta name. */
function rawOf(user: OktaObject, asked: ReadonlySet<string> | 'all'): Map<string, unknown> {
  const raw = new Map<string, unknown>();
  for (const key of TOP_LEVEL_KEYS) if (key in user) raw.set(key, user[key]);
  const profile = isObject(user.profile) ? user.profile : {};
  for (const key in profile) if (!TOP_LEVEL_KEYS.has(key)) raw.set(key, profile[key]);
  // Okta leaves unset attributes out; what was asked for and is absent is known to be null.
  if (asked !== 'all') for (const key of asked) if (!raw.has(key)) raw.set(key, null);
  return raw;
}

/**
 * One user as an employee record. `asked` is the set of Okta keys a projection asked for (a
 * unified field is known only when all its sources were), or `all` for a whole user. Group-named
 * fields need `groups`; without it they stay unknown, so the loaders ask again.
 */
export function toEmployeeRecord(
  user: OktaObject,
  asked: ReadonlySet<string> | 'all',
  groups: GroupIndex | null,
): EmployeeRecord {
  const raw = rawOf(user, asked);
  const fields: Partial<Record<EmployeeField, unknown>> = {};
  for (const field of suppliedEmployeeFields) {
    const sources = employeeFieldSources[field] ?? [];
    if (asked !== 'all' && !sources.every((key) => asked.has(key))) continue;
    if (groupFields.has(field) && groups === null) continue;
    fields[field] = unifiedValue(field, raw, groups);
  }
  return {
    remoteId: remoteId(String(user.id)),
    fields: fields as Partial<EmployeeFields>,
    raw,
  };
}
