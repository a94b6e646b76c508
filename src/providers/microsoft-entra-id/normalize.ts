/**
 * Graph users into the unified model. Every normalised enum keeps Graph's own value as `raw`, and
 * a value this mapping does not know becomes OTHER rather than a guess. A value of the wrong type
 * (an object where text belongs, a date that is not one) is UPSTREAM_BAD_RESPONSE at the field,
 * never "[object Object]" or a guess.
 */
import type { RawEmployee } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  EmployeeField,
  EmployeeFields,
  EmploymentRelationship,
  EmploymentStatus,
  Normalized,
} from '../../core/model.js';
import { employeeFieldSources } from './fields.js';
import { isObject } from './shapes.js';

/** Department and division names to the id of the group of that name (see groups.ts). */
export interface GroupIndex {
  groupIdByName(name: string): RemoteId | null;
}

/** `employeeType` is free text (Entra suggests Employee, Contractor, Consultant, Vendor). */
const relationshipMap: Readonly<Record<string, EmploymentRelationship>> = {
  employee: 'EMPLOYEE',
  'full-time': 'EMPLOYEE',
  'part-time': 'EMPLOYEE',
  member: 'EMPLOYEE',
  contractor: 'CONTRACTOR',
  consultant: 'CONTRACTOR',
  contingent: 'CONTRACTOR',
  vendor: 'CONTRACTOR',
  intern: 'INTERN',
  temporary: 'TEMPORARY',
  temp: 'TEMPORARY',
  freelance: 'FREELANCE',
  freelancer: 'FREELANCE',
};

function bad(key: string, what: string): never {
  throw hrError(ErrorCode.UPSTREAM_BAD_RESPONSE, `Entra ID sent ${key} as ${what}`, {
    field: key,
  });
}

function text(value: unknown, key: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') bad(key, 'something other than text');
  return value.trim() === '' ? null : value;
}

/** The calendar date of a Graph DateTimeOffset (`2019-03-18T00:00:00Z` → `2019-03-18`). */
function dateOf(value: unknown, key: string): string | null {
  const s = text(value, key);
  if (s === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.exec(s);
  if (!match || Number.isNaN(Date.parse(match[1]!))) bad(key, 'something other than a date');
  return match[1]!;
}

/**
 * `accountEnabled` is the only lifecycle Graph keeps: an account that signs in is an employed
 * person, a disabled one has left (Entra has no leave or pending state; `employeeLeaveDateTime`
 * is the termination date). The raw twin is Graph's boolean as written.
 */
export function employmentStatus(value: unknown): Normalized<EmploymentStatus> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') bad('accountEnabled', 'something other than a boolean');
  return { value: value ? 'ACTIVE' : 'INACTIVE', raw: String(value) };
}

export function employmentRelationship(
  raw: string | null,
): Normalized<EmploymentRelationship> | null {
  return raw === null ? null : { value: relationshipMap[raw.trim().toLowerCase()] ?? 'OTHER', raw };
}

function firstPhone(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) bad('businessPhones', 'something other than a list');
  return text(value[0], 'businessPhones');
}

function division(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) bad('employeeOrgData', 'something other than an object');
  return text(value.division, 'employeeOrgData.division');
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
      case 'department': {
        // A RemoteId must resolve through the groups: the group named like the property. With no
        // such group the field is null; the name stays in remoteData.
        const name = text(raw.get(source), source);
        return name === null ? null : groups().groupIdByName(name);
      }
      case 'division': {
        const name = division(raw.get(source));
        return name === null ? null : groups().groupIdByName(name);
      }
      case 'manager': {
        const id = text(raw.get(source), source);
        return id === null ? null : remoteId(id);
      }
      case 'employmentStatus':
        return employmentStatus(raw.get(source));
      case 'employmentRelationship':
        return employmentRelationship(text(raw.get(source), source));
      case 'workPhone':
        return firstPhone(raw.get(source));
      case 'hireDate':
      case 'terminationDate':
        return dateOf(raw.get(source), source);
      default:
        return text(raw.get(source), source);
    }
  })();
  return value as EmployeeFields[F];
}
