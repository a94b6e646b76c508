/**
 * Job, employment-status and pay history from BambooHR's tables. A table can be read for one
 * employee (`/employees/{id}/tables/{t}`) or for everyone (`/employees/all/tables/{t}`); the
 * planner weighs the two like any other read: one employee reads their own rows, a page of them
 * reads the whole table once.
 */

import type { CallContext } from '../../core/contract/index.js';
import type { AccountId } from '../../core/ids.js';
import { remoteId } from '../../core/ids.js';
import type {
  Compensation,
  Employment,
  EmploymentStatusChange,
  FlsaStatus,
  PayFrequency,
  PayPeriod,
  PayType,
} from '../../core/model.js';
import type { PlannedCall } from '../../loaders/planner.js';
import type { BambooHrClient } from './client.js';
import type { EmployeeReadOperation, RawRecord } from './employee-operations.js';
import {
  date,
  employmentRelationship,
  employmentSchedule,
  groupRemoteId,
  type ListIndex,
  text,
} from './normalize.js';
import { shapes } from './shapes.js';

export type HistoryTable = 'jobInfo' | 'employmentStatus' | 'compensation';

/** Rough bytes of one employee's rows of a table. */
const bytesPerEmployeeTable = 400;

export function tableReadOperations(client: BambooHrClient): EmployeeReadOperation[] {
  async function read(path: string, call: PlannedCall, ctx: CallContext, operation: string) {
    const byEmployee = new Map<string, RawRecord>();
    // A planned call names one table per "field": its rows arrive under the table's name.
    for (const table of call.fields) {
      const rows = await client.get<RawRecord[]>(operation, path.replace('{table}', table), ctx, {
        notFoundIsNull: true,
        shape: shapes.rows,
        ids: call.ids.length,
      });
      for (const row of rows ?? []) {
        const id = String(row.employeeId);
        const entry = byEmployee.get(id) ?? {};
        const list = (entry[table] as RawRecord[] | undefined) ?? [];
        list.push(row);
        entry[table] = list;
        byEmployee.set(id, entry);
      }
    }
    return byEmployee;
  }
  return [
    {
      name: 'bamboohr.employeeTable',
      supplies: () => true,
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
      bytesPerRecord: bytesPerEmployeeTable,
      run: (call, ctx) =>
        read(
          `/v1/employees/${encodeURIComponent(call.ids[0]!)}/tables/{table}`,
          call,
          ctx,
          'bamboohr.employeeTable',
        ),
    },
    {
      name: 'bamboohr.allEmployeesTable',
      supplies: () => true,
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
      bytesPerRecord: bytesPerEmployeeTable,
      run: (call, ctx) =>
        read('/v1/employees/all/tables/{table}', call, ctx, 'bamboohr.allEmployeesTable'),
    },
  ];
}

const byDate = <T extends { effectiveDate: string | null }>(a: T, b: T) =>
  (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? '');

export function toEmployments(
  accountId: AccountId,
  rows: readonly RawRecord[],
  lists: ListIndex | null,
): Employment[] {
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
        employee: remoteId(String(row.employeeId)),
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
  accountId: AccountId,
  rows: readonly RawRecord[],
): EmploymentStatusChange[] {
  return rows
    .map((row): EmploymentStatusChange => {
      const status = text(row, 'employmentStatus');
      const terminated = status !== null && /terminat/i.test(status);
      return {
        accountId,
        remoteId: remoteId(`employmentStatus:${row.id}`),
        employee: remoteId(String(row.employeeId)),
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

export function toCompensations(accountId: AccountId, rows: readonly RawRecord[]): Compensation[] {
  return rows
    .map(
      (row): Compensation => ({
        accountId,
        remoteId: remoteId(`compensation:${row.id}`),
        employee: remoteId(String(row.employeeId)),
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
