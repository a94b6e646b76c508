/**
 * HiBob's employee record in the unified model. Bob keeps department and site as named-list item
 * ids (checked against the account's lists: one the list does not hold is Bob's fault, never a
 * silent null), names the manager in `work.reportsTo` (an object with the manager's id), and
 * keeps the employment status in `internal.status` (Active / Inactive) beside
 * `internal.lifecycleStatus` (employed, leave, terminated, …), which says it more finely.
 */
import type { LookupValues, RawEmployee } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
import type {
  EmployeeField,
  EmployeeFields,
  EmploymentStatus,
  Normalized,
} from '../../core/model.js';
import { employeeFieldSources } from './fields.js';
import type { NamedLists } from './lookups.js';
import { isRecord } from './shapes.js';

/**
 * A value as text. Numbers are text too (`work.employeeIdInCompany`); an object or a list is no
 * text, and String() would show it as "[object Object]": UPSTREAM_BAD_RESPONSE instead.
 */
export function text(value: unknown, key: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      `HiBob sent ${key} as something other than text`,
      {
        field: key,
      },
    );
  }
  const s = String(value);
  return s.trim() === '' ? null : s;
}

/** An item id of a named list, checked against the account's copy of the list. */
export function listedRef(
  value: unknown,
  list: 'department' | 'site',
  key: string,
  lookups: LookupValues,
): RemoteId | null {
  const id = text(value, key);
  if (id === null) return null;
  if (lookups.get<NamedLists>('namedLists').get(list)?.has(id)) return remoteId(id);
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `HiBob named a ${list} its ${list} list does not hold`,
    { field: key },
  );
}

/** The manager's id in `work.reportsTo` (`{id, email, …}`). */
export function managerRef(value: unknown, key: string): RemoteId | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) {
    throw hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      `HiBob sent ${key} as something other than a person`,
      {
        field: key,
      },
    );
  }
  const id = text(value.id, `${key}.id`);
  return id === null ? null : remoteId(id);
}

const lifecycle: Readonly<Record<string, EmploymentStatus>> = {
  employed: 'ACTIVE',
  hired: 'PENDING',
  leave: 'LEAVE',
  terminated: 'INACTIVE',
  garden_leave: 'LEAVE',
};
const statuses: Readonly<Record<string, EmploymentStatus>> = {
  active: 'ACTIVE',
  inactive: 'INACTIVE',
};

/** The finer lifecycle status where Bob sends one, else Active / Inactive. */
export function employmentStatus(
  status: string | null,
  lifecycleStatus: string | null,
): Normalized<EmploymentStatus> | null {
  if (lifecycleStatus !== null) {
    const value = lifecycle[lifecycleStatus.trim().toLowerCase().replace(/\s+/g, '_')];
    if (value) return { value, raw: lifecycleStatus };
  }
  if (status !== null)
    return { value: statuses[status.trim().toLowerCase()] ?? 'OTHER', raw: status };
  return lifecycleStatus === null ? null : { value: 'OTHER', raw: lifecycleStatus };
}

/**
 * `root.avatarUrl`: Bob links a person's picture over https. Anything that is not an absolute
 * http(s) URL is Bob's fault, never shown: the URL scalar would rewrite it (`Mjl:` shows as
 * `mjl:`), a value no reply held (found by the replies generator).
 */
export function avatarUrl(value: unknown, key: string): string | null {
  const url = text(value, key);
  if (url === null) return null;
  if (!/^https?:\/\/[^/\s]/i.test(url) || !URL.canParse(url)) {
    throw hrError(ErrorCode.UPSTREAM_BAD_RESPONSE, `HiBob sent ${key} that is no http(s) URL`, {
      field: key,
    });
  }
  return url;
}

export function unifiedValue<F extends EmployeeField>(
  field: F,
  raw: RawEmployee,
  lookups: LookupValues,
): EmployeeFields[F] {
  const [source = field, second] = employeeFieldSources[field] ?? [];
  const value = ((): EmployeeFields[EmployeeField] => {
    switch (field) {
      case 'department':
        return listedRef(raw.get(source), 'department', source, lookups);
      case 'location':
        return listedRef(raw.get(source), 'site', source, lookups);
      case 'manager':
        return managerRef(raw.get(source), source);
      case 'avatarUrl':
        return avatarUrl(raw.get(source), source);
      case 'employmentStatus':
        return employmentStatus(
          text(raw.get(source), source),
          second === undefined ? null : text(raw.get(second), second),
        );
      default:
        return text(raw.get(source), source);
    }
  })();
  return value as EmployeeFields[F];
}
