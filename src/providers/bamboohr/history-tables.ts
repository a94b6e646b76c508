/**
 * Job, employment-status and pay history from BambooHR's tables. A table can be read for one
 * employee (`/employees/{id}/tables/{t}`) or for everyone (`/employees/all/tables/{t}`); the
 * planner weighs the two like any other read: one employee reads their own rows, a page of them
 * reads the whole table once.
 */

import {
  argumentKey,
  type CallContext,
  type HistorySources,
  keyArgument,
  type PlannedCall,
  type ProviderKey,
  type RawReply,
  type ReadOperation,
} from '../../core/contract/index.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type {
  Compensation,
  Employment,
  EmploymentStatusChange,
  FlsaStatus,
  PayFrequency,
  PayPeriod,
  PayType,
} from '../../core/model.js';
import type { BambooHrClient } from './client.js';
import type { OrgLists } from './lookups.js';
import {
  date,
  employmentRelationship,
  employmentSchedule,
  groupRemoteId,
  type ListIndex,
  text,
} from './normalize.js';
import type { RawRecord } from './reads.js';
import { shapes } from './shapes.js';

export type HistoryTable = 'jobInfo' | 'employmentStatus' | 'compensation';

/** The key an employee's rows of a table are stored under: `table@jobInfo`. */
export const tableKey = (table: HistoryTable): ProviderKey => argumentKey('table', table);

const isTableKey = (key: ProviderKey) => keyArgument(key)?.name === 'table';

/** Rough bytes of one employee's rows of a table. */
const bytesPerEmployeeTable = 400;

/** Rows grouped by their employee, each group one record under `key`. */
export function byEmployee(key: ProviderKey, rows: readonly RawRecord[]): RawReply[] {
  const groups = new Map<unknown, RawRecord[]>();
  for (const row of rows) {
    // Ids arrive as strings or numbers; a row without one stays apart, and the loaders refuse it.
    const id = typeof row.employeeId === 'number' ? String(row.employeeId) : row.employeeId;
    const group = groups.get(id) ?? [];
    group.push(row);
    groups.set(id, group);
  }
  return [...groups].map(([id, group]) => ({ id, values: new Map([[key, group]]) }));
}

export function tableReads(client: BambooHrClient): ReadOperation[] {
  async function read(path: string, call: PlannedCall, ctx: CallContext, operation: string) {
    // A planned call names one table (one key per call): its rows arrive under the table's key.
    const key = call.fields[0]!;
    const table = keyArgument(key)!.argument;
    const rows = await client.get<RawRecord[]>(operation, path.replace('{table}', table), ctx, {
      notFoundIsNull: true,
      shape: shapes.rows,
      ids: call.ids.length,
    });
    return byEmployee(key, rows ?? []);
  }
  const table = {
    supplies: isTableKey,
    bytesPerRecord: bytesPerEmployeeTable,
    // Whoever has no rows is absent from a table, yet exists.
    provesExistence: false,
  } as const;
  return [
    {
      ...table,
      name: 'bamboohr.employeeTable',
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
      run: (call, ctx) =>
        read(
          `/v1/employees/${encodeURIComponent(call.ids[0]!)}/tables/{table}`,
          call,
          ctx,
          'bamboohr.employeeTable',
        ),
    },
    {
      ...table,
      name: 'bamboohr.allEmployeesTable',
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
      run: (call, ctx) =>
        read('/v1/employees/all/tables/{table}', call, ctx, 'bamboohr.allEmployeesTable'),
    },
  ];
}

/** The rows of one employee's table, as stored (null: none). */
const rowsOf = (value: unknown) => (Array.isArray(value) ? (value as RawRecord[]) : []);

/** The three history tables as the contract's history sources. */
export const tableHistories: Pick<
  HistorySources,
  'employments' | 'compensations' | 'statusHistory'
> = {
  employments: {
    key: () => tableKey('jobInfo'),
    needs: ['lists'],
    rows: (value, owner, lookups) =>
      toEmployments(owner, rowsOf(value), lookups.get<OrgLists>('lists')),
  },
  compensations: {
    key: () => tableKey('compensation'),
    rows: (value, owner) => toCompensations(owner, rowsOf(value)),
  },
  statusHistory: {
    key: () => tableKey('employmentStatus'),
    rows: (value, owner) => toStatusChanges(owner, rowsOf(value)),
  },
};

const byDate = <T extends { effectiveDate: string | null }>(a: T, b: T) =>
  (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? '');

export function toEmployments(
  owner: EntityRef,
  rows: readonly RawRecord[],
  lists: ListIndex | null,
): Employment[] {
  const { accountId } = owner;
  return rows
    .map((row): Employment => {
      const ref = (list: 'department' | 'division' | 'location') => {
        const name = text(row, list);
        const id = name && lists ? lists.optionId(list, name) : null;
        return id === null ? null : groupRemoteId(list, id);
      };
      return {
        accountId,
        remoteId: remoteId(`jobInfo:${row.id}`),
        employee: owner.remoteId,
        effectiveDate: date(row, 'date'),
        jobTitle: text(row, 'jobTitle'),
        department: ref('department'),
        division: ref('division'),
        location: ref('location'),
        // Rows name the manager ("First Last"), not their id; the raw value stays in `raw`.
        manager: null,
        raw: row,
      };
    })
    .sort(byDate);
}

export function toStatusChanges(
  owner: EntityRef,
  rows: readonly RawRecord[],
): EmploymentStatusChange[] {
  const { accountId } = owner;
  return rows
    .map((row): EmploymentStatusChange => {
      const status = text(row, 'employmentStatus');
      const terminated = status !== null && /terminat/i.test(status);
      return {
        accountId,
        remoteId: remoteId(`employmentStatus:${row.id}`),
        employee: owner.remoteId,
        effectiveDate: date(row, 'date'),
        status: { value: terminated ? 'INACTIVE' : 'ACTIVE', raw: status ?? '' },
        relationship: terminated ? null : employmentRelationship(status),
        schedule: terminated ? null : employmentSchedule(status),
        terminationReason: text(row, 'terminationReasonId'),
        raw: row,
      };
    })
    .sort(byDate);
}

const payPeriods: Readonly<Record<string, PayPeriod>> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  quarter: 'QUARTER',
  year: 'YEAR',
};
const payFrequencies: Readonly<Record<string, PayFrequency>> = {
  weekly: 'WEEKLY',
  'every other week': 'BIWEEKLY',
  biweekly: 'BIWEEKLY',
  'twice a month': 'SEMIMONTHLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  annually: 'ANNUALLY',
};
const payTypes: Readonly<Record<string, PayType>> = {
  salary: 'SALARY',
  hourly: 'HOURLY',
  commission: 'COMMISSION',
  contract: 'CONTRACT',
};
const flsa: Readonly<Record<string, FlsaStatus>> = { exempt: 'EXEMPT', 'non-exempt': 'NON_EXEMPT' };

function enumOf<E extends string>(raw: string | null, map: Readonly<Record<string, E>>) {
  return raw === null ? null : { value: map[raw.trim().toLowerCase()] ?? ('OTHER' as E), raw };
}

/** Reads `{value, currency}` or BambooHR's other spelling, `"56.00 USD"`. */
export function money(rate: unknown): { amount: string; currency: string } | null {
  if (rate && typeof rate === 'object') {
    const { value, currency } = rate as { value?: unknown; currency?: unknown };
    if (typeof value === 'string' && typeof currency === 'string')
      return { amount: value, currency };
  }
  if (typeof rate === 'string') {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z]{3})\s*$/.exec(rate);
    if (match) return { amount: match[1]!, currency: match[2]! };
  }
  return null;
}

export function toCompensations(owner: EntityRef, rows: readonly RawRecord[]): Compensation[] {
  const { accountId } = owner;
  return rows
    .map(
      (row): Compensation => ({
        accountId,
        remoteId: remoteId(`compensation:${row.id}`),
        employee: owner.remoteId,
        effectiveDate: date(row, 'startDate'),
        pay: money(row.rate),
        payPeriod: enumOf(text(row, 'paidPer'), payPeriods),
        payFrequency: enumOf(text(row, 'paySchedule') ?? text(row, 'payFrequency'), payFrequencies),
        payType: enumOf(text(row, 'type'), payTypes),
        flsaStatus: enumOf(text(row, 'exempt'), flsa),
        reason: text(row, 'reason'),
        raw: row,
      }),
    )
    .sort(byDate);
}
