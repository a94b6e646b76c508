/**
 * Time off from v1. Requests: `GET /company/time-offs` for up to 50 employees a call
 * (`employees[]`) and one date window (`start_date`/`end_date`, inclusive), 200 periods a page —
 * where `offset` is a page number, unlike the employee list's item offset (spec). Balances:
 * `GET /company/employees/{id}/absences/balance`, one employee a call, as of today only (the
 * endpoint takes no date). Personio counts these absences in days.
 */
import {
  type DateWindow,
  type HistorySource,
  keyArgument,
  type RawReply,
  type ReadOperation,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type { TimeOffBalance, TimeOffRequest, TimeOffStatus } from '../../core/model.js';
import type { PersonioClient } from './client.js';
import { balancesKey, isWindowKey, timeOffKey } from './fields.js';
import { badValue, date, text, timestamp } from './normalize.js';
import { employeeIdOf, idText } from './records.js';
import { isRecord, type Json, shapes } from './shapes.js';

/** Employees one time-offs call names (a sandbox and hrgraph choice: no maximum is published). */
export const EMPLOYEES_PER_TIME_OFF_CALL = 50;
const PERIODS_PER_PAGE = 200;

interface PeriodsBody {
  readonly data: Json[];
  readonly metadata: { readonly total_pages: number };
}

export function timeOffRead(client: PersonioClient): ReadOperation {
  return {
    name: 'personio.timeOffs',
    supplies: (key) => isWindowKey(key, 'timeOff'),
    limits: {
      fieldsPerCall: 1,
      idsPerCall: { kind: 'many', max: EMPLOYEES_PER_TIME_OFF_CALL },
    },
    bytesPerRecord: 2000,
    provesExistence: false,
    async run(call, ctx): Promise<RawReply[]> {
      const key = call.fields[0]!;
      const [start, end] = (keyArgument(key)?.argument ?? '').split('/');
      const byEmployee = new Map<unknown, Json[]>(call.ids.map((id) => [id, []]));
      for (let page = 0; ; page++) {
        const body = await client.get<PeriodsBody>(
          'v1',
          'personio.timeOffs',
          '/v1/company/time-offs',
          ctx,
          {
            query: {
              start_date: start,
              end_date: end,
              'employees[]': call.ids,
              limit: PERIODS_PER_PAGE,
              offset: page,
            },
            ids: call.ids.length,
            shape: shapes.timeOffs,
          },
        );
        for (const period of body!.data) {
          const attributes = isRecord(period.attributes) ? period.attributes : {};
          const employee = isRecord(attributes.employee)
            ? idText(employeeIdOf(attributes.employee))
            : undefined;
          const rows = byEmployee.get(employee);
          // A period of someone not asked for belongs to no reply: the loaders would refuse it.
          if (rows) rows.push(attributes);
          else byEmployee.set(employee, [attributes]);
        }
        if (page + 1 >= body!.metadata.total_pages || body!.data.length === 0) break;
      }
      return [...byEmployee].map(([id, rows]) => ({ id, values: new Map([[key, rows]]) }));
    },
  };
}

const statuses: Readonly<Record<string, TimeOffStatus>> = {
  approved: 'APPROVED',
  pending: 'REQUESTED',
  rejected: 'DECLINED',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
};

function typeOf(row: Json): { remoteId: ReturnType<typeof remoteId>; name: string } {
  const type = isRecord(row.time_off_type) ? row.time_off_type.attributes : null;
  if (!isRecord(type)) return badValue('time_off_type', 'a period without a type');
  const id = type.id;
  if (!(typeof id === 'number' && Number.isSafeInteger(id))) {
    return badValue('time_off_type', 'a time-off type without an id');
  }
  return { remoteId: remoteId(String(id)), name: text(type, 'name') ?? '' };
}

function toRequest(row: Json, owner: EntityRef): TimeOffRequest {
  const status = text(row, 'status') ?? '';
  const days = row.days_count;
  if (typeof days !== 'number' || !Number.isFinite(days)) {
    return badValue('days_count', 'a period whose days are not a number');
  }
  const id = row.id;
  return {
    accountId: owner.accountId,
    remoteId: remoteId(String(id)),
    employee: owner.remoteId,
    status: { value: statuses[status.toLowerCase()] ?? 'OTHER', raw: status },
    type: typeOf(row),
    startDate: date(row, 'start_date') ?? badValue('start_date', 'a period without a start'),
    endDate: date(row, 'end_date') ?? badValue('end_date', 'a period without an end'),
    amount: days,
    unit: 'DAYS',
    employeeNote: null,
    createdAt: timestamp(row, 'created_at'),
    raw: row,
  };
}

export const timeOffHistory: HistorySource<TimeOffRequest, DateWindow> = {
  key: (window) => timeOffKey(window.start, window.end),
  rows: (value, owner) =>
    (Array.isArray(value) ? value.filter(isRecord) : []).map((row) => toRequest(row, owner)),
};

export function balancesRead(client: PersonioClient): ReadOperation {
  return {
    name: 'personio.absenceBalance',
    supplies: (key) => isWindowKey(key, 'balances'),
    limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
    bytesPerRecord: 400,
    provesExistence: false,
    async run(call, ctx): Promise<RawReply[]> {
      const key = call.fields[0]!;
      if (keyArgument(key)?.argument !== '') {
        throw badInput(
          'Personio accounts give time-off balances as of today only; leave out `asOf`.',
          {
            argument: 'asOf',
          },
        );
      }
      const [id] = call.ids;
      const body = await client.get<{ data: Json[] }>(
        'v1',
        'personio.absenceBalance',
        `/v1/company/employees/${encodeURIComponent(id!)}/absences/balance`,
        ctx,
        { ids: 1, shape: shapes.balances, notFoundIsNull: true },
      );
      return body === null ? [] : [{ id, values: new Map([[key, body.data]]) }];
    },
  };
}

function toBalance(row: Json, owner: EntityRef): TimeOffBalance {
  const id = row.id;
  const balance = row.balance;
  if (!(typeof id === 'number' && Number.isSafeInteger(id))) {
    return badValue('balance', 'a balance without a time-off type id');
  }
  if (typeof balance !== 'number' || !Number.isFinite(balance)) {
    return badValue('balance', 'a balance that is not a number of days');
  }
  return {
    accountId: owner.accountId,
    remoteId: remoteId(`${id}:${owner.remoteId}`),
    employee: owner.remoteId,
    type: { remoteId: remoteId(String(id)), name: text(row, 'name') ?? '' },
    balance,
    used: null,
    unit: 'DAYS',
    policyType: null,
    asOf: null,
    raw: row,
  };
}

export const balancesHistory: HistorySource<TimeOffBalance, string | null> = {
  key: balancesKey,
  rows: (value, owner) =>
    (Array.isArray(value) ? value.filter(isRecord) : []).map((row) => toBalance(row, owner)),
};
