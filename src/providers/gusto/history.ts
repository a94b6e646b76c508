/**
 * Jobs, pay and employment changes from an employee row. Gusto keeps a job per role (only
 * hourly employees have more than one) with its effective-dated compensations, the hire date
 * and the terminations; it keeps no history of departments, managers or schedules, so those
 * appear on the primary job as they are now.
 */
import type { HistorySources, LookupValues } from '../../core/contract/index.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type {
  Compensation,
  Employment,
  EmploymentStatusChange,
  FlsaStatus,
  Normalized,
  PayPeriod,
  PayType,
} from '../../core/model.js';
import { rowKey } from './fields.js';
import { listedRef, text } from './normalize.js';
import { isRecord, type Json } from './shapes.js';

/** The stored row a history reads (null when the read found none). */
const rowOf = (value: unknown): Json => (isRecord(value) ? value : {});

/**
 * The histories as keys of the employee record: employments and status history from the row any
 * read brings (a page's cost nothing more), pay history from the row read with every
 * compensation (`include=all_compensations`).
 */
export const gustoHistories: Pick<
  HistorySources,
  'employments' | 'compensations' | 'statusHistory'
> = {
  employments: {
    key: () => rowKey(''),
    // A job's department and location are checked against the account's lists of them.
    needs: ['departments', 'locations'],
    rows: (value, owner, lookups) => toEmployments(owner, rowOf(value), lookups),
  },
  compensations: {
    key: () => rowKey('all_compensations'),
    rows: (value, owner) => toCompensations(owner, rowOf(value)),
  },
  statusHistory: {
    key: () => rowKey(''),
    rows: (value, owner) => toStatusChanges(owner, rowOf(value)),
  },
};

const list = (row: Json, key: string): Json[] =>
  Array.isArray(row[key]) ? (row[key] as unknown[]).filter(isRecord) : [];

const byDate = (key: string) => (a: Json, b: Json) =>
  String(a[key] ?? '').localeCompare(String(b[key] ?? ''));

export function toEmployments(
  { accountId, remoteId: employee }: EntityRef,
  row: Json,
  lookups: LookupValues,
): Employment[] {
  return list(row, 'jobs')
    .sort(byDate('hire_date'))
    .map((job) => {
      const primary = job.primary === true;
      const { compensations: _pay, ...raw } = job;
      return {
        accountId,
        remoteId: remoteId(String(job.uuid)),
        employee,
        effectiveDate: text(job, 'hire_date'),
        jobTitle: text(job, 'title'),
        // The row's department and manager are the person's, so they belong to the primary job.
        department: primary
          ? listedRef(text(row, 'department_uuid'), 'departments', lookups)
          : null,
        division: null,
        location: listedRef(text(job, 'location_uuid'), 'locations', lookups),
        manager: primary ? nullableId(text(row, 'manager_uuid')) : null,
        raw,
      };
    });
}

const nullableId = (value: string | null) => (value === null ? null : remoteId(value));

const periods: Readonly<Record<string, PayPeriod>> = {
  Hour: 'HOUR',
  Week: 'WEEK',
  Month: 'MONTH',
  Year: 'YEAR',
};

/** Gusto's FLSA statuses (spec `Flsa-Status-Type`) as exemption and as the kind of pay. */
const flsa: Readonly<Record<string, { flsa: FlsaStatus; pay: PayType }>> = {
  Exempt: { flsa: 'EXEMPT', pay: 'SALARY' },
  'Salaried Nonexempt': { flsa: 'NON_EXEMPT', pay: 'SALARY' },
  Nonexempt: { flsa: 'NON_EXEMPT', pay: 'HOURLY' },
  'Commission Only Exempt': { flsa: 'EXEMPT', pay: 'COMMISSION' },
  'Commission Only Nonexempt': { flsa: 'NON_EXEMPT', pay: 'COMMISSION' },
  Owner: { flsa: 'OTHER', pay: 'OTHER' },
};

function normalized<E extends string>(raw: string | null, value: E | undefined, other: E) {
  return raw === null ? null : ({ value: value ?? other, raw } satisfies Normalized<E>);
}

export function toCompensations(
  { accountId, remoteId: employee }: EntityRef,
  row: Json,
): Compensation[] {
  return list(row, 'jobs')
    .flatMap((job) => list(job, 'compensations'))
    .sort(byDate('effective_date'))
    .map((pay) => {
      const rate = text(pay, 'rate');
      const unit = text(pay, 'payment_unit');
      const status = text(pay, 'flsa_status');
      const kind = status === null ? undefined : flsa[status];
      return {
        accountId,
        remoteId: remoteId(String(pay.uuid)),
        employee,
        effectiveDate: text(pay, 'effective_date'),
        // Gusto pays in US dollars only.
        pay: rate === null ? null : { amount: rate, currency: 'USD' },
        payPeriod: normalized(unit, unit === null ? undefined : periods[unit], 'OTHER'),
        // The pay schedule lives on the company's pay schedules, not on the compensation.
        payFrequency: null,
        payType: normalized(status, kind?.pay, 'OTHER'),
        flsaStatus: normalized(status, kind?.flsa, 'OTHER'),
        reason: null,
        raw: pay,
      };
    });
}

/** The hire, then each termination (one in the future is scheduled, and shows as such). */
export function toStatusChanges(
  { accountId, remoteId: employee }: EntityRef,
  row: Json,
): EmploymentStatusChange[] {
  const out: EmploymentStatusChange[] = [];
  const hired = text(row, 'hired_at');
  if (hired !== null) {
    out.push({
      accountId,
      remoteId: remoteId(`${employee}:hired`),
      employee,
      effectiveDate: hired,
      status: { value: 'ACTIVE', raw: 'hired' },
      relationship: null,
      schedule: null,
      terminationReason: null,
      raw: { hired_at: hired },
    });
  }
  for (const termination of list(row, 'terminations').sort(byDate('effective_date'))) {
    out.push({
      accountId,
      remoteId: remoteId(String(termination.uuid)),
      employee,
      effectiveDate: text(termination, 'effective_date'),
      status: { value: 'INACTIVE', raw: termination.active === true ? 'terminated' : 'scheduled' },
      relationship: null,
      schedule: null,
      terminationReason: null,
      raw: termination,
    });
  }
  return out;
}
