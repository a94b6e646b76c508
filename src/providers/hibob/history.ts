/**
 * Jobs, pay and status changes from Bob's employee tables, each one key of the employee record
 * (`table@work`, `table@salaries`, `table@lifecycle`) read in bulk (tables.ts). Entries come
 * oldest first by effective date; a department or site is checked against the named lists.
 */
import type { HistorySources, LookupValues } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type {
  Compensation,
  Employment,
  EmploymentStatusChange,
  Normalized,
  PayFrequency,
  PayPeriod,
} from '../../core/model.js';
import { tableKey } from './fields.js';
import { employmentStatus, listedRef, managerRef, text } from './normalize.js';
import { isRecord, type Json } from './shapes.js';

const entriesOf = (value: unknown): Json[] =>
  (Array.isArray(value) ? value.filter(isRecord) : []).sort((a, b) =>
    String(a.effectiveDate ?? '').localeCompare(String(b.effectiveDate ?? '')),
  );

/** An entry's id: Bob numbers table entries. */
function entryId(entry: Json, table: string) {
  const id = text(entry.id, `${table}.id`);
  if (id === null) {
    throw hrError(ErrorCode.UPSTREAM_BAD_RESPONSE, `HiBob sent a ${table} entry without an id`, {
      field: `${table}.id`,
    });
  }
  return remoteId(id);
}

function normalized<E extends string>(
  raw: string | null,
  map: Readonly<Record<string, E>>,
): Normalized<E> | null {
  return raw === null ? null : { value: map[raw.trim().toLowerCase()] ?? ('OTHER' as E), raw };
}

const periods: Readonly<Record<string, PayPeriod>> = {
  hourly: 'HOUR',
  daily: 'DAY',
  weekly: 'WEEK',
  monthly: 'MONTH',
  quarterly: 'QUARTER',
  annual: 'YEAR',
  yearly: 'YEAR',
};
const frequencies: Readonly<Record<string, PayFrequency>> = {
  weekly: 'WEEKLY',
  'bi-weekly': 'BIWEEKLY',
  biweekly: 'BIWEEKLY',
  'semi-monthly': 'SEMIMONTHLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  annually: 'ANNUALLY',
};

/** `base: {value, currency}` as money: a finite number with a currency, else Bob's fault. */
function money(base: unknown): Compensation['pay'] {
  if (base === null || base === undefined) return null;
  const value = isRecord(base) ? base.value : undefined;
  const currency = isRecord(base) ? text(base.currency, 'salaries.base.currency') : null;
  if (typeof value !== 'number' || !Number.isFinite(value) || currency === null) {
    throw hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      'HiBob sent a salary that is no amount of money',
      {
        field: 'salaries.base',
      },
    );
  }
  return { amount: value.toFixed(2), currency };
}

export function toEmployments(
  { accountId, remoteId: employee }: EntityRef,
  value: unknown,
  lookups: LookupValues,
): Employment[] {
  return entriesOf(value).map((entry) => ({
    accountId,
    remoteId: entryId(entry, 'work'),
    employee,
    effectiveDate: text(entry.effectiveDate, 'work.effectiveDate'),
    jobTitle: text(entry.title, 'work.title'),
    department: listedRef(entry.department, 'department', 'work.department', lookups),
    division: null,
    location: listedRef(entry.siteId, 'site', 'work.siteId', lookups),
    manager: managerRef(entry.reportsTo, 'work.reportsTo'),
    raw: entry,
  }));
}

export function toCompensations(
  { accountId, remoteId: employee }: EntityRef,
  value: unknown,
): Compensation[] {
  return entriesOf(value).map((entry) => {
    const change = isRecord(entry.change) ? entry.change : {};
    return {
      accountId,
      remoteId: entryId(entry, 'salaries'),
      employee,
      effectiveDate: text(entry.effectiveDate, 'salaries.effectiveDate'),
      pay: money(entry.base),
      payPeriod: normalized(text(entry.payPeriod, 'salaries.payPeriod'), periods),
      payFrequency: normalized(text(entry.payFrequency, 'salaries.payFrequency'), frequencies),
      // Bob keeps the kind of pay and the FLSA code on the employment table, not the salary.
      payType: null,
      flsaStatus: null,
      reason: text(change.reason, 'salaries.change.reason'),
      raw: entry,
    };
  });
}

export function toStatusChanges(
  { accountId, remoteId: employee }: EntityRef,
  value: unknown,
): EmploymentStatusChange[] {
  return entriesOf(value).map((entry) => {
    const raw = text(entry.status, 'lifecycle.status');
    const status = employmentStatus(
      text(entry.employeeStatus, 'lifecycle.employeeStatus'),
      raw,
    ) ?? {
      value: 'OTHER' as const,
      raw: '',
    };
    return {
      accountId,
      remoteId: entryId(entry, 'lifecycle'),
      employee,
      effectiveDate: text(entry.effectiveDate, 'lifecycle.effectiveDate'),
      status,
      relationship: null,
      schedule: null,
      terminationReason:
        status.value === 'INACTIVE' ? text(entry.reasonType, 'lifecycle.reasonType') : null,
      raw: entry,
    };
  });
}

export const hibobHistories: Pick<
  HistorySources,
  'employments' | 'compensations' | 'statusHistory'
> = {
  employments: {
    key: () => tableKey('work'),
    needs: ['namedLists'],
    rows: (value, owner, lookups) => toEmployments(owner, value, lookups),
  },
  compensations: {
    key: () => tableKey('salaries'),
    rows: (value, owner) => toCompensations(owner, value),
  },
  statusHistory: {
    key: () => tableKey('lifecycle'),
    rows: (value, owner) => toStatusChanges(owner, value),
  },
};
