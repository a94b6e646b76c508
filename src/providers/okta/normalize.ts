/**
 * Okta users into the unified model. Every normalised enum keeps Okta's own value as `raw`, and
 * a value this mapping does not know becomes OTHER rather than a guess.
 */

import type { RawEmployee } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  Address,
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentStatus,
  Normalized,
} from '../../core/model.js';
import { employeeFieldSources } from './fields.js';

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

/**
 * An attribute's text. Base attributes are strings, but an org's schema can retype them and custom
 * sources may be numbers; an object or a list is no text, and String() would show it as
 * "[object Object]": the field is UPSTREAM_BAD_RESPONSE instead.
 */
function text(value: unknown, key = 'an attribute'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      `Okta sent ${key} as something other than text`,
      {
        field: key,
      },
    );
  }
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

function address(raw: RawEmployee): Address | null {
  const value: Address = {
    line1: text(raw.get('streetAddress'), 'streetAddress'),
    line2: null,
    city: text(raw.get('city'), 'city'),
    state: text(raw.get('state'), 'state'),
    postalCode: text(raw.get('zipCode'), 'zipCode'),
    country: text(raw.get('countryCode'), 'countryCode'),
  };
  return Object.values(value).every((v) => v === null) ? null : value;
}

/**
 * One unified field of a stored user, from its source keys. `groups` is read only for department
 * and division (the catalog's `needs` has it loaded for them).
 */
export function unifiedValue<F extends EmployeeField>(
  field: F,
  raw: RawEmployee,
  groups: () => GroupIndex,
): EmployeeFields[F] {
  const [source = field] = employeeFieldSources[field] ?? [];
  const value = ((): EmployeeFields[EmployeeField] => {
    switch (field) {
      case 'department':
      case 'division': {
        // A RemoteId must resolve through the groups: the Okta group named like the attribute's
        // value. With no such group the field is null; the name stays in remoteData.
        const name = text(raw.get(source), source);
        return name === null ? null : groups().groupIdByName(name);
      }
      case 'manager': {
        const id = text(raw.get(source), source);
        return id === null ? null : remoteId(id);
      }
      case 'employmentStatus':
        return employmentStatus(text(raw.get(source), source));
      case 'employmentRelationship':
        return employmentRelationship(text(raw.get(source), source));
      case 'homeAddress':
        return address(raw);
      default:
        return text(raw.get(source), source);
    }
  })();
  return value as EmployeeFields[F];
}
