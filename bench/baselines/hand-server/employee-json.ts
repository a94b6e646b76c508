/**
 * BambooHR's employee values as hrgraph's unified Employee, by hand: for each field a scenario
 * selects, the BambooHR keys it is read from and how its value is written in the answer. This is
 * the mapping a team writes for their own endpoint (enum tables, unset dates, the address object,
 * group and manager references), kept to the fields the scenarios ask for.
 */
import { listEndpointNames } from '../../../src/providers/bamboohr/fields.js';
import type { FieldSelection } from '../../scenarios/fields.js';
import { globalId } from './wire-format.js';

/** A BambooHR value of one employee by standard key, whichever call brought it. */
export type Read = (key: string) => unknown;

/** What a value may need beyond the employee's own keys. */
export interface Shaping {
  readonly account: string;
  /** Option ids of the org lists, by `list:text`; only fields answering `{ id }` read it. */
  readonly optionIds: ReadonlyMap<string, string> | null;
}

interface Field {
  readonly keys: readonly string[];
  value(read: Read, shaping: Shaping): unknown;
}

/** Null for unset; BambooHR sends numbers for some text fields and '' for unset ones. */
export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : String(value);
  return s.trim() === '' ? null : s;
}

/** BambooHR writes an unset date as 0000-00-00. */
export function date(value: unknown): string | null {
  const s = text(value);
  return s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && s !== '0000-00-00' ? s : null;
}

/** A DateTime as hrgraph writes one: ISO 8601 in UTC, with milliseconds. */
function instant(value: unknown): string | null {
  const s = text(value);
  const time = s === null ? Number.NaN : Date.parse(s);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The normalised value of `raw` in `table`, OTHER where the table has none. */
export function normalised(raw: string | null, table: Readonly<Record<string, string>>) {
  return raw === null ? null : (table[raw.trim().toLowerCase()] ?? 'OTHER');
}

const relationships = {
  'full-time': 'EMPLOYEE',
  'part-time': 'EMPLOYEE',
  contractor: 'CONTRACTOR',
  contract: 'CONTRACTOR',
  intern: 'INTERN',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
  freelance: 'FREELANCE',
};
const schedules = { 'full-time': 'FULL_TIME', 'part-time': 'PART_TIME' };
const statuses = { active: 'ACTIVE', inactive: 'INACTIVE' };
const genders = {
  female: 'FEMALE',
  male: 'MALE',
  nonbinary: 'NON_BINARY',
  'non-binary': 'NON_BINARY',
  'prefer not to say': 'PREFER_NOT_TO_DISCLOSE',
};
const maritalStatuses = {
  single: 'SINGLE',
  married: 'MARRIED',
  'domestic partnership': 'DOMESTIC_PARTNERSHIP',
  divorced: 'DIVORCED',
  widowed: 'WIDOWED',
};

/** A leave in the job history outranks the record's own status. */
function status(read: Read): { value: string; raw: string } | null {
  const history = text(read('employmentHistoryStatus'));
  if (history !== null && /leave/i.test(history)) return { value: 'LEAVE', raw: history };
  const raw = text(read('status'));
  return raw === null ? null : { value: normalised(raw, statuses)!, raw };
}

const plain = (key: string): Field => ({ keys: [key], value: (read) => text(read(key)) });
const day = (key: string): Field => ({ keys: [key], value: (read) => date(read(key)) });
const mapped = (key: string, table: Readonly<Record<string, string>>): Field => ({
  keys: [key],
  value: (read) => normalised(text(read(key)), table),
});

function groupName(list: string): Field {
  return {
    keys: [list],
    value(read) {
      const name = text(read(list));
      return name === null ? null : { name };
    },
  };
}

/** Departments and divisions share the Group id space, so their remote id names the list. */
function groupId(list: 'department' | 'division' | 'location'): Field {
  const [typename, prefix] = list === 'location' ? ['Location', ''] : ['Group', `${list}:`];
  return {
    keys: [list],
    value(read, { account, optionIds }) {
      const name = text(read(list));
      const option = name === null ? undefined : optionIds?.get(`${list}:${name}`);
      return option === undefined
        ? null
        : { id: globalId(typename, account, `${prefix}${option}`) };
    },
  };
}

export const managerIdOf = (read: Read) => {
  const id = text(read('supervisorEId'));
  return id === null || id === '0' ? null : id;
};

const addressKeys = ['address1', 'address2', 'city', 'state', 'zipcode', 'country'] as const;

/** Every field the scenarios select, by its selection as written in the query. */
const fields: Readonly<Record<string, Field>> = {
  employeeNumber: plain('employeeNumber'),
  firstName: plain('firstName'),
  middleName: plain('middleName'),
  lastName: plain('lastName'),
  preferredName: plain('preferredName'),
  displayName: plain('displayName'),
  workEmail: plain('workEmail'),
  personalEmail: plain('homeEmail'),
  workPhone: plain('workPhone'),
  mobilePhone: plain('mobilePhone'),
  homePhone: plain('homePhone'),
  jobTitle: plain('jobTitle'),
  employmentStatus: {
    keys: ['status', 'employmentHistoryStatus'],
    value: (read) => status(read)?.value ?? null,
  },
  employmentStatusRaw: {
    keys: ['status', 'employmentHistoryStatus'],
    value: (read) => status(read)?.raw ?? null,
  },
  employmentRelationship: mapped('employmentHistoryStatus', relationships),
  employmentSchedule: mapped('employmentHistoryStatus', schedules),
  gender: mapped('gender', genders),
  maritalStatus: mapped('maritalStatus', maritalStatuses),
  startDate: day('hireDate'),
  hireDate: day('hireDate'),
  terminationDate: day('terminationDate'),
  dateOfBirth: day('dateOfBirth'),
  'homeAddress { line1 line2 city state postalCode country }': {
    keys: addressKeys,
    value(read) {
      const [line1, line2, city, state, postalCode, country] = addressKeys.map((k) =>
        text(read(k)),
      );
      const address = { line1, line2, city, state, postalCode, country };
      return Object.values(address).every((v) => v === null) ? null : address;
    },
  },
  avatarUrl: plain('photoUrl'),
  modifiedAt: { keys: ['lastChanged'], value: (read) => instant(read('lastChanged')) },
  'department { name }': groupName('department'),
  'division { name }': groupName('division'),
  'location { name }': groupName('location'),
  'department { id }': groupId('department'),
  'division { id }': groupId('division'),
  'location { id }': groupId('location'),
  'manager { id }': {
    keys: ['supervisorEId'],
    value(read, { account }) {
      const id = managerIdOf(read);
      return id === null ? null : { id: globalId('Employee', account, id) };
    },
  },
};

/** A scenario's selection as the hand-written server answers it. */
export interface EmployeeShape {
  /** The BambooHR keys it reads. */
  readonly keys: readonly string[];
  /** The answer's object for one employee, `remoteId` first, then the selection in order. */
  write(id: string, read: Read, shaping: Shaping): Record<string, unknown>;
}

export function employeeShape(selection: readonly FieldSelection[]): EmployeeShape {
  const chosen = selection.map(([name, sub]): [string, Field] => {
    const field = fields[sub ? `${name} ${sub}` : name];
    if (!field) throw new Error(`The hand-written server has no mapping for ${name} ${sub ?? ''}`);
    return [name, field];
  });
  return {
    keys: [...new Set(chosen.flatMap(([, field]) => field.keys))],
    write(id, read, shaping) {
      const out: Record<string, unknown> = { remoteId: id };
      for (const [name, field] of chosen) out[name] = field.value(read, shaping);
      return out;
    },
  };
}

const listNames = new Map(Object.entries(listEndpointNames));

/** A record of GET /v1/employees, which spells some keys its own way (jobTitleName, reportsToId). */
export const listRecord =
  (row: Readonly<Record<string, unknown>>): Read =>
  (key) =>
    row[listNames.get(key) ?? key];

/** A list record with report values added (the wide page), in a Map. */
export const mergedRecord =
  (row: ReadonlyMap<string, unknown>): Read =>
  (key) =>
    row.get(listNames.get(key) ?? key);

/** A record by its provider id: a list record or a report row, whichever brought it. */
export const anyRecord = (row: Readonly<Record<string, unknown>>): Read =>
  'employeeId' in row ? listRecord(row) : reportRow(row);

/** `customFields(names:)`: the values by the names asked, an unset one (BambooHR's '') null. */
export function customValues(read: Read, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = read(name);
    out[name] = value === '' || value === undefined ? null : value;
  }
  return out;
}

/** A row of a custom report, keyed by standard keys. */
export const reportRow =
  (row: Readonly<Record<string, unknown>>): Read =>
  (key) =>
    row[key];
