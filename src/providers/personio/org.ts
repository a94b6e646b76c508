/**
 * The account's departments and offices, and the length of its employee list. Personio's v1 API
 * has no list of departments or offices (they exist only as references on employees), so the
 * org lookup reads the employee list narrowed to `department` and `office`, 100 a call, and keeps
 * what it found for the lookup's freshness: ⌈employees / 100⌉ calls per account every five
 * minutes by default. A group or location nobody belongs to is not found; the length starts a
 * walk from the list's end (list-employees.ts).
 */
import type { CallContext, Lookup } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { remoteId } from '../../core/ids.js';
import type { Group, Location } from '../../core/model.js';
import type { PersonioClient } from './client.js';
import { PERSONIO_MAX_LIMIT, readEmployeeWindow } from './employee-list.js';
import { isRecord, type Json } from './shapes.js';

export interface OrgUnitSeen {
  readonly id: string;
  readonly name: string;
  readonly raw: Json;
}

export interface OrgIndex {
  readonly departments: readonly OrgUnitSeen[];
  readonly offices: readonly OrgUnitSeen[];
  /** Employees in the list when it was read. */
  readonly count: number;
}

/** A reference's id and name, when it has both; anything else is left to normalize to judge. */
function unitOf(attribute: unknown): OrgUnitSeen | null {
  const value = isRecord(attribute) ? attribute.value : null;
  const attributes = isRecord(value) ? value.attributes : null;
  if (!isRecord(attributes)) return null;
  const id = attributes.id;
  const name = attributes.name;
  if (!(typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) return null;
  return { id: String(id), name: typeof name === 'string' ? name : '', raw: value as Json };
}

export function orgLookup(client: PersonioClient, freshnessMs: number): Lookup<OrgIndex> {
  return {
    freshnessMs,
    async load(ctx: CallContext) {
      const departments = new Map<string, OrgUnitSeen>();
      const offices = new Map<string, OrgUnitSeen>();
      let offset = 0;
      let count = 0;
      for (;;) {
        const window = await readEmployeeWindow(
          client,
          { offset, limit: PERSONIO_MAX_LIMIT },
          ['department', 'office'],
          ctx,
          'personio.employees.org',
        );
        if (offset === 0) count = window.total;
        for (const row of window.rows) {
          const attributes = isRecord(row.attributes) ? row.attributes : {};
          const department = unitOf(attributes.department);
          if (department) departments.set(department.id, department);
          const office = unitOf(attributes.office);
          if (office) offices.set(office.id, office);
        }
        offset += window.rows.length;
        // A short page is the last; so is the length the first page said. A list that runs on
        // past that is not the list it said it was.
        if (window.rows.length < PERSONIO_MAX_LIMIT || offset >= window.total) break;
        if (offset >= count + PERSONIO_MAX_LIMIT) {
          throw hrError(
            ErrorCode.UPSTREAM_BAD_RESPONSE,
            `personio.employees.org for account ${client.accountId}: a list longer than it said`,
            { accountId: client.accountId, operation: 'personio.employees.org' },
          );
        }
      }
      const byId = (a: OrgUnitSeen, b: OrgUnitSeen) => Number(a.id) - Number(b.id);
      return {
        departments: [...departments.values()].sort(byId),
        offices: [...offices.values()].sort(byId),
        count,
      };
    },
  };
}

export function groupsOf(org: OrgIndex, accountId: AccountId): Group[] {
  return org.departments.map((unit) => ({
    accountId,
    remoteId: remoteId(unit.id),
    name: unit.name,
    type: 'DEPARTMENT' as const,
    parent: null,
    raw: unit.raw,
  }));
}

export function locationsOf(org: OrgIndex, accountId: AccountId): Location[] {
  return org.offices.map((unit) => ({
    accountId,
    remoteId: remoteId(unit.id),
    name: unit.name,
    address: null,
    timezone: null,
    raw: unit.raw,
  }));
}

/**
 * A department or office id checked against the org index: one it does not hold would show as a
 * null department with no error (the schema finds groups and locations there), so it is
 * UPSTREAM_BAD_RESPONSE at the field. A department nobody belongs to any more (named only by an
 * old employment) is one of those: Personio's API lists no departments to find it in.
 */
export function listedUnit(
  org: OrgIndex,
  kind: 'departments' | 'offices',
  id: string | null,
  field: string,
): string | null {
  if (id === null || org[kind].some((unit) => unit.id === id)) return id;
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Personio named ${kind === 'departments' ? 'a department' : 'an office'} none of the account's employees belongs to`,
    { field },
  );
}
