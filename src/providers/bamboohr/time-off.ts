/**
 * Time-off requests and balances. Requests can be read for one employee or for everyone in a
 * date window, and the planner weighs the two; balances exist only per employee (the balance
 * calculator), so N employees cost N calls, made side by side.
 */

import type { CallContext, DateWindow } from '../../core/contract/index.js';
import { type AccountId, remoteId } from '../../core/ids.js';
import type {
  TimeOffBalance,
  TimeOffPolicyType,
  TimeOffRequest,
  TimeOffStatus,
} from '../../core/model.js';
import type { BambooHrClient } from './client.js';
import type { EmployeeReadOperation, RawRecord } from './employee-operations.js';
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
  readonly usedYearToDate?: string;
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

export function timeOffReadOperations(
  client: BambooHrClient,
  window: DateWindow,
): EmployeeReadOperation[] {
  async function read(ctx: CallContext, employeeId: string | null) {
    const rows = await client.get<RequestRow[]>(
      'bamboohr.timeOffRequests',
      '/v1/time_off/requests',
      ctx,
      {
        query: { start: window.start, end: window.end, employeeId: employeeId ?? undefined },
        ids: employeeId === null ? 0 : 1,
        shape: shapes.rows,
      },
    );
    const byEmployee = new Map<string, RawRecord>();
    for (const row of rows ?? []) {
      const id = String(row.employeeId);
      const entry = byEmployee.get(id) ?? { requests: [] };
      (entry.requests as RequestRow[]).push(row);
      byEmployee.set(id, entry);
    }
    return byEmployee;
  }
  return [
    {
      name: 'bamboohr.timeOffRequestsOfOne',
      supplies: () => true,
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
      bytesPerRecord: bytesPerEmployeeRequests,
      run: (call, ctx) => read(ctx, call.ids[0]!),
    },
    {
      name: 'bamboohr.timeOffRequestsOfAll',
      supplies: () => true,
      limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
      bytesPerRecord: bytesPerEmployeeRequests,
      run: (_call, ctx) => read(ctx, null),
    },
  ];
}

export function toTimeOffRequests(
  accountId: AccountId,
  rows: readonly RequestRow[],
): TimeOffRequest[] {
  return rows
    .map((row): TimeOffRequest => {
      const rawStatus = row.status?.status ?? '';
      const unit = row.amount?.unit === 'days' ? 'DAYS' : 'HOURS';
      return {
        accountId,
        remoteId: remoteId(String(row.id)),
        employee: remoteId(String(row.employeeId)),
        status: { value: statuses[rawStatus.toLowerCase()] ?? 'OTHER', raw: rawStatus },
        type: { remoteId: remoteId(String(row.type?.id ?? '')), name: row.type?.name ?? '' },
        startDate: row.start,
        endDate: row.end,
        amount: Number(row.amount?.amount ?? 0),
        unit,
        employeeNote: row.notes?.employee ?? null,
        createdAt: row.created ?? null,
        raw: row as unknown as RawRecord,
      };
    })
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.remoteId.localeCompare(b.remoteId));
}

export async function loadBalances(
  client: BambooHrClient,
  accountId: AccountId,
  ids: readonly string[],
  asOf: string | null,
  ctx: CallContext,
): Promise<Map<string, TimeOffBalance[]>> {
  const results = await Promise.all(
    ids.map(async (id) => {
      const rows = await client.get<BalanceRow[]>(
        'bamboohr.timeOffBalance',
        `/v1/employees/${encodeURIComponent(id)}/time_off/calculator`,
        ctx,
        { query: { end: asOf ?? undefined }, ids: 1, notFoundIsNull: true, shape: shapes.rows },
      );
      return [id, (rows ?? []).map((row) => toBalance(accountId, id, row))] as const;
    }),
  );
  return new Map(results);
}

function toBalance(accountId: AccountId, employeeId: string, row: BalanceRow): TimeOffBalance {
  return {
    accountId,
    remoteId: remoteId(`${employeeId}:${row.timeOffType}`),
    employee: remoteId(employeeId),
    type: { remoteId: remoteId(row.timeOffType), name: row.name },
    balance: Number(row.balance),
    used: Number(row.usedYearToDate ?? 0),
    unit: row.units === 'days' ? 'DAYS' : 'HOURS',
    policyType: row.policyType
      ? { value: policyTypes[row.policyType] ?? 'OTHER', raw: row.policyType }
      : null,
    asOf: row.end ?? null,
    raw: row as unknown as RawRecord,
  };
}
