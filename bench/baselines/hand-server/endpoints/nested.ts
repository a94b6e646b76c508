/**
 * The nested page: the newest employees with their department, their manager (from the page, or
 * one report for those outside it), their pay history and their time off in a window, through
 * the script's plan (the page, the whole pay table and the window's requests at once).
 */
import type { FieldSelection } from '../../../scenarios/fields.js';
import { handNested } from '../../hand-written/nested.js';
import {
  anyRecord,
  date,
  employeeShape,
  listRecord,
  managerIdOf,
  normalised,
  text,
} from '../employee-json.js';
import { checkAccount, type Endpoint, isoDate, pageSize } from './endpoint.js';

type Row = Readonly<Record<string, unknown>>;

const payPeriods = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
  quarter: 'QUARTER',
  year: 'YEAR',
};
const payTypes = {
  salary: 'SALARY',
  hourly: 'HOURLY',
  commission: 'COMMISSION',
  contract: 'CONTRACT',
};
const timeOffStatuses: Readonly<Record<string, string>> = {
  approved: 'APPROVED',
  requested: 'REQUESTED',
  denied: 'DECLINED',
  declined: 'DECLINED',
  canceled: 'CANCELLED',
  cancelled: 'CANCELLED',
  superceded: 'SUPERSEDED',
};

/** `{value, currency}`, or BambooHR's other spelling `"56.00 USD"`. */
function money(rate: unknown): { amount: string; currency: string } | null {
  if (rate && typeof rate === 'object') {
    const { value, currency } = rate as { value?: unknown; currency?: unknown };
    if (typeof value === 'string' && typeof currency === 'string')
      return { amount: value, currency };
  }
  const match =
    typeof rate === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z]{3})\s*$/.exec(rate) : null;
  return match ? { amount: match[1]!, currency: match[2]! } : null;
}

function compensation(row: Row) {
  return {
    effectiveDate: date(row.startDate),
    pay: money(row.rate),
    payType: normalised(text(row.type), payTypes),
    payPeriod: normalised(text(row.paidPer), payPeriods),
  };
}

interface Request {
  readonly id: unknown;
  readonly start: string;
  readonly end: string;
  readonly status?: { readonly status?: string };
  readonly type?: { readonly name?: string };
  readonly amount?: { readonly unit?: string; readonly amount?: number | string };
}

function timeOff(row: Request) {
  return {
    startDate: row.start,
    endDate: row.end,
    amount: Number(row.amount?.amount ?? 0),
    unit: row.amount?.unit === 'days' ? 'DAYS' : 'HOURS',
    status: timeOffStatuses[(row.status?.status ?? '').toLowerCase()] ?? 'OTHER',
    type: { name: row.type?.name ?? '' },
  };
}

const byStart = (a: Request, b: Request) =>
  a.start.localeCompare(b.start) || String(a.id).localeCompare(String(b.id));
const byEffectiveDate = (
  a: { effectiveDate: string | null },
  b: { effectiveDate: string | null },
) => (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? '');

export function nestedEndpoint(
  pageFields: readonly FieldSelection[],
  managerFields: readonly FieldSelection[],
): Endpoint {
  // The query selects `manager { remoteId }` among the page's fields and the manager's own
  // fields beside it: one manager object, its remoteId first.
  const page = employeeShape(pageFields.filter(([name]) => name !== 'manager'));
  const manager = employeeShape(managerFields);
  const pageKeys = [...page.keys, 'supervisorEId'];
  return async function answerNested(variables, ctx) {
    checkAccount(variables, ctx);
    const window = { start: isoDate(variables.start, 'start'), end: isoDate(variables.end, 'end') };
    const rows = await handNested(
      ctx.api,
      pageSize(variables.first),
      pageKeys,
      manager.keys,
      window,
      '-employeeId',
    );
    const shaping = { account: ctx.account, optionIds: null };
    const nodes = rows.map((row) => {
      const read = listRecord(row.employee);
      const node = page.write(String(row.employee.employeeId), read, shaping);
      const managerId = managerIdOf(read);
      node.manager =
        managerId === null || row.manager === null
          ? null
          : manager.write(managerId, anyRecord(row.manager), shaping);
      node.compensations = row.compensations.map(compensation).sort(byEffectiveDate);
      node.timeOff = [...(row.timeOff as unknown as Request[])].sort(byStart).map(timeOff);
      return node;
    });
    return { employees: { nodes } };
  };
}
