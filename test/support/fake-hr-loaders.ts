/**
 * A fake data layer for schema and server tests: `HrLoaders` over small in-memory companies whose
 * employee list pages natively the way BambooHR's does (direction-bound opaque tokens, a maximum
 * page size, `limit` above it is an error), and a log of every call the schema made.
 */

import type { Capabilities, NativePage, ProviderAdapter } from '../../src/core/contract/index.js';
import { hrError } from '../../src/core/errors.js';
import {
  type AccountId,
  accountId,
  type EntityRef,
  providerName,
  type RemoteId,
  remoteId,
} from '../../src/core/ids.js';
import type {
  Company,
  Compensation,
  EmployeeField,
  EmployeeFields,
  Employment,
  Group,
  Location,
  TimeOffRequest,
} from '../../src/core/model.js';
import { createUpstreamRecorder, type UpstreamRecorder } from '../../src/http/recorder.js';
import { createDirectReports } from '../../src/loaders/direct-reports.js';
import { createEmployeeLookup } from '../../src/loaders/employee-lookup.js';
import { fieldRequestOf } from '../../src/loaders/selection.js';
import type { EmployeeListArgs, HrLoaders } from '../../src/loaders/types.js';

export interface FakePerson {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly manager?: string;
  readonly status?: 'ACTIVE' | 'INACTIVE';
  /** Loading any field of this person fails like an unavailable provider. */
  readonly failing?: boolean;
}

export interface FakeAccount {
  readonly id: string;
  readonly people: readonly FakePerson[];
  readonly groups?: readonly { id: string; name: string }[];
  readonly maxPageSize?: number;
  readonly capabilities?: Partial<Capabilities>;
}

export type FakeCall =
  | {
      op: 'list';
      account: string;
      direction: string;
      native: string | null;
      limit: number;
      fields: readonly EmployeeField[];
      /** What the nodes' managers are asked for (`manager { … }`, at any depth). */
      managerFields: readonly EmployeeField[];
      filter: unknown;
    }
  | { op: 'prefetch'; ids: string[]; fields: readonly EmployeeField[] }
  | { op: 'field'; id: string; field: EmployeeField }
  | { op: 'other'; what: string };

const fullCapabilities: Capabilities = {
  employeeFields: [
    'firstName',
    'lastName',
    'displayName',
    'jobTitle',
    'department',
    'manager',
    'employmentStatus',
    'workEmail',
  ],
  employments: true,
  compensations: true,
  statusHistory: true,
  timeOff: true,
  timeOffBalances: true,
  groups: true,
  locations: true,
  customFields: true,
  filters: ['status', 'firstName', 'lastName', 'jobTitle', 'departments', 'ids'],
  orders: ['REMOTE_ID', 'LAST_NAME'],
  maxPageSize: 3,
  pagingDirections: ['forward', 'backward'],
};

const never = () => {
  throw new Error('the fake loaders never use a provider catalog');
};

export function fakeAdapter(account: FakeAccount): ProviderAdapter {
  const capabilities = {
    ...fullCapabilities,
    maxPageSize: account.maxPageSize ?? 3,
    ...account.capabilities,
  };
  return {
    provider: providerName('bamboohr'),
    accountId: accountId(account.id),
    authKind: 'apiKey',
    capabilities,
    get employees(): never {
      return never();
    },
    get lookups(): never {
      return never();
    },
    company: never,
  };
}

function fieldsOf(person: FakePerson): EmployeeFields {
  const status = person.status ?? 'ACTIVE';
  return {
    employeeNumber: person.id,
    firstName: person.firstName,
    middleName: null,
    lastName: person.lastName,
    preferredName: null,
    displayName: `${person.firstName} ${person.lastName}`,
    workEmail: `${person.firstName.toLowerCase()}@example.com`,
    personalEmail: null,
    workPhone: null,
    mobilePhone: null,
    homePhone: null,
    jobTitle: person.jobTitle ?? null,
    department: person.department ? remoteId(person.department) : null,
    division: null,
    location: null,
    manager: person.manager ? remoteId(person.manager) : null,
    employmentStatus: { value: status, raw: status === 'ACTIVE' ? 'Active' : 'Inactive' },
    employmentRelationship: { value: 'EMPLOYEE', raw: 'Full-Time' },
    employmentSchedule: { value: 'FULL_TIME', raw: 'Full-Time' },
    startDate: '2020-01-15',
    hireDate: '2020-01-15',
    terminationDate: null,
    dateOfBirth: null,
    gender: { value: 'OTHER', raw: 'Unspecified' },
    maritalStatus: null,
    homeAddress: null,
    avatarUrl: null,
    createdAt: null,
    modifiedAt: null,
  };
}

function listPage(
  people: readonly FakePerson[],
  accountId: AccountId,
  args: EmployeeListArgs,
  maxPageSize: number,
): NativePage<EntityRef> {
  if (args.limit > maxPageSize)
    throw hrError('UPSTREAM_BAD_RESPONSE', `limit above ${maxPageSize}`);
  const token = args.native;
  const wanted = args.direction === 'forward' ? 'f' : 'b';
  // Like BambooHR's BadPage: a token only works in the direction it was issued for.
  if (token !== null && token[0] !== wanted) throw hrError('UPSTREAM_BAD_RESPONSE', 'BadPage');
  const length = people.length;
  const at = token === null ? (args.direction === 'forward' ? 0 : length) : Number(token.slice(2));
  const [start, end] =
    args.direction === 'forward'
      ? [at, Math.min(at + args.limit, length)]
      : [Math.max(at - args.limit, 0), at];
  return {
    records: people.slice(start, end).map((p) => ({ accountId, remoteId: remoteId(p.id) })),
    next: end < length ? `f:${end}` : null,
    prev: start > 0 ? `b:${start}` : null,
    totalCount: length,
  };
}

function matches(person: FakePerson, filter: EmployeeListArgs['filter']): boolean {
  const has = (value: string | undefined, part: string | undefined) =>
    part === undefined || (value ?? '').toLowerCase().includes(part.toLowerCase());
  return (
    (filter.status === undefined || (person.status ?? 'ACTIVE') === filter.status) &&
    has(person.firstName, filter.firstName) &&
    has(person.lastName, filter.lastName) &&
    has(person.jobTitle, filter.jobTitle) &&
    (filter.ids === undefined || filter.ids.includes(remoteId(person.id))) &&
    (filter.managers === undefined ||
      (person.manager !== undefined && filter.managers.includes(remoteId(person.manager)))) &&
    (filter.departments === undefined ||
      (person.department !== undefined && filter.departments.includes(remoteId(person.department))))
  );
}

export interface FakeLoadersHandle {
  readonly calls: FakeCall[];
  readonly adapters: ProviderAdapter[];
  /** A fresh HrLoaders per request, as the server's factory wants; all share `calls`. */
  create(init?: { recorder?: UpstreamRecorder }): HrLoaders;
}

export function createFakeLoaders(
  accounts: readonly FakeAccount[],
  visible?: readonly string[],
): FakeLoadersHandle {
  const calls: FakeCall[] = [];
  const adapters = accounts.map(fakeAdapter);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const readable = (id: string) => (visible ?? accounts.map((a) => a.id)).includes(id);

  function person(ref: EntityRef): FakePerson | undefined {
    return byId.get(ref.accountId)?.people.find((p) => p.id === ref.remoteId);
  }
  function groupsOf(id: AccountId): Group[] {
    return (byId.get(id)?.groups ?? []).map((g) => ({
      accountId: id,
      remoteId: remoteId(g.id),
      name: g.name,
      type: 'DEPARTMENT',
      parent: null,
      raw: { id: g.id, name: g.name },
    }));
  }

  function create(init: { recorder?: UpstreamRecorder } = {}): HrLoaders {
    const recorder = init.recorder ?? createUpstreamRecorder();
    // What the real loaders build over their own batches, built here over the fake's.
    const loaders: HrLoaders = {
      recorder,
      accounts: () => adapters.filter((a) => readable(a.accountId)),
      account: (id) => adapters.find((a) => a.accountId === id && readable(id)),
      async listEmployees(account, args) {
        calls.push({
          op: 'list',
          account,
          direction: args.direction,
          native: args.native,
          limit: args.limit,
          fields: args.fields.unified,
          managerFields: args.managerFields?.unified ?? [],
          filter: args.filter,
        });
        recorder.record({
          accountId: account,
          operation: 'fake.list',
          method: 'GET',
          path: '/employees',
          fields: args.fields.unified.length,
          ids: 0,
          status: 200,
          retries: 0,
          durationMs: 1,
        });
        const data = byId.get(account);
        if (!data) throw new Error('unknown account');
        const people = data.people.filter((p) => matches(p, args.filter));
        return listPage(people, account, args, data.maxPageSize ?? 3);
      },
      async prefetchEmployees(refs, fields) {
        calls.push({ op: 'prefetch', ids: refs.map((r) => r.remoteId), fields: fields.unified });
        return refs.filter((ref) => person(ref) !== undefined);
      },
      employee: (ref, selection) => lookUpEmployee(ref, selection),
      row: (ref) => ({ accountId: ref.accountId, remoteId: ref.remoteId }),
      fieldRequest: (account, selection) => fieldRequestOf(loaders, account, selection),
      directReports: (manager, fields) => reportsOf(manager, fields),
      async employeeField(ref, field) {
        calls.push({ op: 'field', id: ref.remoteId, field });
        const p = person(ref);
        if (!p) return null;
        if (p.failing)
          throw hrError('UPSTREAM_UNAVAILABLE', 'The provider is unavailable.', {
            accountId: ref.accountId,
          });
        return fieldsOf(p)[field];
      },
      async employeeRaw(ref, keys) {
        calls.push({ op: 'other', what: `raw:${ref.remoteId}:${keys.join(',')}` });
        return Object.fromEntries(keys.map((k) => [k, `${k}-of-${ref.remoteId}`]));
      },
      async resolveRawFields(_account, names) {
        const unknown = names.filter((n) => n.startsWith('unknown'));
        if (unknown.length)
          throw hrError('BAD_USER_INPUT', `Unknown fields: ${unknown.join(', ')}`);
        return names.map((n) => ({ key: n.toLowerCase(), requestedAs: n }));
      },
      defaultRawFields: () => ['id', 'firstname'],
      customFields: async () => [],
      async employments(ref): Promise<Employment[]> {
        calls.push({ op: 'other', what: `employments:${ref.remoteId}` });
        return person(ref)
          ? [
              {
                accountId: ref.accountId,
                remoteId: remoteId(`job-${ref.remoteId}`),
                employee: ref.remoteId,
                effectiveDate: '2020-01-15',
                jobTitle: 'Engineer',
                department: null,
                division: null,
                location: null,
                manager: null,
                raw: {},
              },
            ]
          : [];
      },
      async compensations(ref): Promise<Compensation[]> {
        return person(ref)
          ? [
              {
                accountId: ref.accountId,
                remoteId: remoteId(`pay-${ref.remoteId}`),
                employee: ref.remoteId,
                effectiveDate: '2020-01-15',
                pay: { amount: '83000.00', currency: 'USD' },
                payPeriod: { value: 'YEAR', raw: 'Year' },
                payFrequency: null,
                payType: { value: 'SALARY', raw: 'Salary' },
                flsaStatus: null,
                reason: 'Hire',
                raw: {},
              },
            ]
          : [];
      },
      statusHistory: async () => [],
      async timeOff(ref, window): Promise<TimeOffRequest[]> {
        calls.push({ op: 'other', what: `timeOff:${ref.remoteId}:${window.start}..${window.end}` });
        return person(ref)
          ? [
              {
                accountId: ref.accountId,
                remoteId: remoteId(`to-${ref.remoteId}`),
                employee: ref.remoteId,
                status: { value: 'APPROVED', raw: 'approved' },
                type: { remoteId: remoteId('1'), name: 'Vacation' },
                startDate: window.start,
                endDate: window.start,
                amount: 1,
                unit: 'DAYS',
                employeeNote: null,
                createdAt: null,
                raw: {},
              },
            ]
          : [];
      },
      timeOffBalances: async () => [],
      groups: async (id) => groupsOf(id),
      group: async (ref) =>
        groupsOf(ref.accountId).find((g) => g.remoteId === ref.remoteId) ?? null,
      locations: async (): Promise<Location[]> => [],
      location: async () => null,
      async company(id): Promise<Company> {
        return {
          accountId: id,
          remoteId: remoteId('company'),
          legalName: `${id} Inc.`,
          displayName: id,
          address: null,
          phone: null,
          raw: {},
        };
      },
    };
    const lookUpEmployee = createEmployeeLookup(loaders);
    const reportsOf = createDirectReports(loaders);
    return loaders;
  }
  return { calls, adapters, create };
}

export type { RemoteId };
