/**
 * Time-off requests and balances, as windowed keys of the employee record. Requests can be read
 * for one employee or for everyone in a date window, and the planner weighs the two; balances
 * exist only per employee (the balance calculator), so N employees cost N calls, made side by
 * side.
 */

import {
  argumentKey,
  type CallContext,
  type DateWindow,
  type HistorySources,
  keyArgument,
  type PlannedCall,
  type ProviderKey,
  type ReadOperation,
} from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type {
  TimeOffBalance,
  TimeOffPolicyType,
  TimeOffRequest,
  TimeOffStatus,
  TimeOffUnit,
} from '../../core/model.js';
import type { BambooHrClient } from './client.js';
import { byEmployee } from './history-tables.js';
import type { RawRecord } from './reads.js';
import { shapes } from './shapes.js';

interface RequestRow {
  readonly id: number | string;
  readonly employeeId: number | string;
  readonly start: string;
  readonly end: string;
  readonly created?: string;
  readonly status?: { readonly status?: string };
  readonly type?: { readonly id?: number | string; readonly name?: string };
  readonly amount?: { readonly unit?: string; readonly amount?: number | string };
  readonly notes?: { readonly employee?: string };
}

interface BalanceRow {
  readonly timeOffType: string;
  readonly name: string;
  readonly units: string;
  readonly balance: string;
  readonly end?: string;
  readonly policyType?: string;
  readonly usedYearToDate?: string | null;
}

const statuses: Readonly<Record<string, TimeOffStatus>> = {
  approved: 'APPROVED',
  requested: 'REQUESTED',
  denied: 'DECLINED',
  declined: 'DECLINED',
  canceled: 'CANCELLED',
  cancelled: 'CANCELLED',
  // BambooHR's spelling.
  superceded: 'SUPERSEDED',
};

const policyTypes: Readonly<Record<string, TimeOffPolicyType>> = {
  accruing: 'ACCRUING',
  discretionary: 'DISCRETIONARY',
  manual: 'MANUAL',
};

/** Bytes of one employee's requests in a window, for the planner. */
const bytesPerEmployeeRequests = 600;
/** Bytes of one employee's balances. */
const bytesPerEmployeeBalances = 300;

const windowOf = (window: DateWindow) => `${window.start}/${window.end}`;

/** The key one window's requests are stored under: `timeOff@2026-12-01/2026-12-31`. */
export const timeOffKey = (window: DateWindow): ProviderKey =>
  argumentKey('timeOff', windowOf(window));
/** The key the balances as of a day are stored under: `balances@2026-12-03` (`balances@` for today). */
export const balancesKey = (asOf: string | null): ProviderKey =>
  argumentKey('balances', asOf ?? '');

const isKeyOf = (name: string) => (key: ProviderKey) => keyArgument(key)?.name === name;

export function timeOffReads(client: BambooHrClient): ReadOperation[] {
  async function readRequests(call: PlannedCall, ctx: CallContext, employeeId: string | null) {
    // One window per call (one key per call): the window is the key's argument.
    const key = call.fields[0]!;
    const [start, end] = keyArgument(key)!.argument.split('/') as [string, string];
    const rows = await client.get<RequestRow[]>(
      'bamboohr.timeOffRequests',
      '/v1/time_off/requests',
      ctx,
      {
        query: { start, end, employeeId: employeeId ?? undefined },
        ids: employeeId === null ? 0 : 1,
        shape: shapes.rows,
      },
    );
    return byEmployee(key, (rows ?? []) as unknown as RawRecord[]);
  }
  const requests = {
    supplies: isKeyOf('timeOff'),
    bytesPerRecord: bytesPerEmployeeRequests,
    // Whoever took no time off in the window is absent, yet exists.
    provesExistence: false,
  } as const;
  return [
    {
      ...requests,
      name: 'bamboohr.timeOffRequestsOfOne',
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
      run: (call, ctx) => readRequests(call, ctx, call.ids[0]!),
    },
    {
      ...requests,
      name: 'bamboohr.timeOffRequestsOfAll',
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
      run: (call, ctx) => readRequests(call, ctx, null),
    },
    {
      // Balances exist only per employee (the balance calculator): N employees are N calls.
      name: 'bamboohr.timeOffBalance',
      supplies: isKeyOf('balances'),
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
      bytesPerRecord: bytesPerEmployeeBalances,
      provesExistence: false,
      async run(call, ctx) {
        const id = call.ids[0]!;
        const key = call.fields[0]!;
        const asOf = keyArgument(key)!.argument;
        const rows = await client.get<BalanceRow[]>(
          'bamboohr.timeOffBalance',
          `/v1/employees/${encodeURIComponent(id)}/time_off/calculator`,
          ctx,
          { query: { end: asOf || undefined }, ids: 1, notFoundIsNull: true, shape: shapes.rows },
        );
        // The calculator's rows name no employee: they are the one asked about.
        return rows ? [{ id, values: new Map([[key, rows]]) }] : [];
      },
    },
  ];
}

const rowsOf = <T>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);

/** Time off and balances as the contract's history sources. */
export const timeOffHistories: Pick<HistorySources, 'timeOff' | 'timeOffBalances'> = {
  timeOff: {
    key: timeOffKey,
    rows: (value, owner) => toTimeOffRequests(owner, rowsOf<RequestRow>(value)),
  },
  timeOffBalances: {
    key: balancesKey,
    rows: (value, owner) => rowsOf<BalanceRow>(value).map((row) => toBalance(owner, row)),
  },
};

export function toTimeOffRequests(owner: EntityRef, rows: readonly RequestRow[]): TimeOffRequest[] {
  const { accountId } = owner;
  return rows
    .map((row): TimeOffRequest => {
      const rawStatus = row.status?.status ?? '';
      return {
        accountId,
        remoteId: remoteId(String(row.id)),
        employee: owner.remoteId,
        status: { value: statuses[rawStatus.toLowerCase()] ?? 'OTHER', raw: rawStatus },
        type: { remoteId: remoteId(String(row.type?.id ?? '')), name: row.type?.name ?? '' },
        startDate: row.start,
        endDate: row.end,
        amount: amountOf(owner, row.amount?.amount, 'amount', requestsOperation),
        unit: unitOf(owner, row.amount?.unit, requestsOperation),
        employeeNote: row.notes?.employee ?? null,
        createdAt: row.created ?? null,
        raw: row as unknown as RawRecord,
      };
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.remoteId.localeCompare(b.remoteId));
}

const requestsOperation = 'bamboohr.timeOffRequests';
const balancesOperation = 'bamboohr.timeOffBalance';

function badRow(owner: EntityRef, operation: string, what: string) {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `${operation} for account ${owner.accountId}: ${what}`,
    { accountId: owner.accountId, operation },
  );
}

/**
 * An amount (a number, or a balance calculator's decimal string `"12.5"`): anything else, absent
 * included, is BambooHR's fault, UPSTREAM_BAD_RESPONSE, never NaN (which no Float can show) or a
 * made-up 0.
 */
function amountOf(owner: EntityRef, value: unknown, field: string, operation: string): number {
  const amount =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(amount)) throw badRow(owner, operation, `${field} is not a number`);
  return amount;
}

const units: Readonly<Record<string, TimeOffUnit>> = { hours: 'HOURS', days: 'DAYS' };

/** The unit BambooHR named; one it did not name (or names otherwise) is never taken for hours. */
function unitOf(owner: EntityRef, value: unknown, operation: string): TimeOffUnit {
  const unit = typeof value === 'string' ? units[value] : undefined;
  if (!unit) throw badRow(owner, operation, 'a unit that is neither hours nor days');
  return unit;
}

function toBalance(owner: EntityRef, row: BalanceRow): TimeOffBalance {
  return {
    accountId: owner.accountId,
    remoteId: remoteId(`${owner.remoteId}:${row.timeOffType}`),
    employee: owner.remoteId,
    type: { remoteId: remoteId(row.timeOffType), name: row.name },
    balance: amountOf(owner, row.balance, 'balance', balancesOperation),
    // Absent is "not reported" (the field is null), never zero used.
    used:
      row.usedYearToDate === undefined || row.usedYearToDate === null
        ? null
        : amountOf(owner, row.usedYearToDate, 'usedYearToDate', balancesOperation),
    unit: unitOf(owner, row.units, balancesOperation),
    policyType: row.policyType
      ? { value: policyTypes[row.policyType] ?? 'OTHER', raw: row.policyType }
      : null,
    asOf: row.end ?? null,
    raw: row as unknown as RawRecord,
  };
}
