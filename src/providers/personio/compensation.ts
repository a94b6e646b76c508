/**
 * Pay from v1's salary attributes: `fix_salary` (with its `currency` and `fix_salary_interval`)
 * and `hourly_salary` (with its `currency`). Personio's v1 API keeps the current salary only, so
 * the history is one row per salary that is set, undated; a zero salary is "none" (v1 sends 0 for
 * the kind of pay a person does not get).
 */
import type { HistorySource } from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { Compensation, PayPeriod } from '../../core/model.js';
import { COMPENSATION_KEY } from './fields.js';
import { badValue } from './normalize.js';
import { isRecord, type Json } from './shapes.js';

const periods: Readonly<Record<string, PayPeriod>> = {
  hourly: 'HOUR',
  daily: 'DAY',
  weekly: 'WEEK',
  monthly: 'MONTH',
  quarterly: 'QUARTER',
  yearly: 'YEAR',
  annually: 'YEAR',
};

function amountOf(attribute: unknown, field: string): { amount: number; currency: string | null } {
  const value = isRecord(attribute) ? attribute.value : null;
  if (value === null || value === undefined || value === '') return { amount: 0, currency: null };
  const amount =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(amount) || amount < 0)
    return badValue(field, 'a salary that is not an amount');
  const currency = isRecord(attribute) ? attribute.currency : null;
  if (amount > 0 && (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))) {
    return badValue(field, 'a salary without an ISO 4217 currency');
  }
  return { amount, currency: typeof currency === 'string' ? currency : null };
}

const decimal = (amount: number) => amount.toFixed(2);

export const compensationHistory: HistorySource<Compensation> = {
  key: () => COMPENSATION_KEY,
  rows(value, owner) {
    if (!isRecord(value)) return [];
    const rows: Compensation[] = [];
    const fixed = amountOf(value.fix_salary, 'fix_salary');
    if (fixed.amount > 0) {
      const interval = isRecord(value.fix_salary_interval) ? value.fix_salary_interval.value : null;
      const raw = typeof interval === 'string' && interval !== '' ? interval : null;
      rows.push({
        accountId: owner.accountId,
        remoteId: remoteId(`${owner.remoteId}:fix_salary`),
        employee: owner.remoteId,
        effectiveDate: null,
        pay: { amount: decimal(fixed.amount), currency: fixed.currency! },
        payPeriod: raw === null ? null : { value: periods[raw.toLowerCase()] ?? 'OTHER', raw },
        payFrequency: null,
        payType: { value: 'SALARY', raw: 'fix_salary' },
        flsaStatus: null,
        reason: null,
        raw: value as Json,
      });
    }
    const hourly = amountOf(value.hourly_salary, 'hourly_salary');
    if (hourly.amount > 0) {
      rows.push({
        accountId: owner.accountId,
        remoteId: remoteId(`${owner.remoteId}:hourly_salary`),
        employee: owner.remoteId,
        effectiveDate: null,
        pay: { amount: decimal(hourly.amount), currency: hourly.currency! },
        payPeriod: { value: 'HOUR', raw: 'hourly' },
        payFrequency: null,
        payType: { value: 'HOURLY', raw: 'hourly_salary' },
        flsaStatus: null,
        reason: null,
        raw: value as Json,
      });
    }
    return rows;
  },
};
