/**
 * Pay history: a row at hire, at each job or status change, and merit rises on anniversaries,
 * at most four rows. Each row's pay type follows the status in force on its date, and amounts are
 * in the currency of the person's location.
 */
import { nextWeekday } from './dates.js';
import type { Career, JobStep, StatusStep } from './history.js';
import type { Org } from './org.js';
import type { Rng } from './random.js';
import type { EmploymentStatusName, PaidPer, PayFrequency, PayType } from './types.js';

export type PayReason = 'New Hire' | 'Promotion' | 'Merit' | 'Market Adjustment' | 'Role Change';

export interface PayStep {
  readonly day: number;
  readonly amount: string;
  readonly payType: PayType;
  readonly paidPer: PaidPer;
  readonly payFrequency: PayFrequency;
  readonly reason: PayReason;
  readonly exempt: 'Exempt' | 'Non-exempt';
}

/** Yearly base in USD by title level, intern to VP. */
const BASE_BY_LEVEL = [42_000, 62_000, 85_000, 112_000, 138_000, 172_000, 215_000];
const CEO_BASE = 310_000;
/** Local nominal pay relative to US dollars, roughly what tech salaries look like. */
const CURRENCY_FACTOR: Readonly<Record<string, number>> = {
  USD: 1,
  CAD: 0.82,
  GBP: 0.6,
  EUR: 0.68,
};
/**
 * A pay amount as the same level earns in US dollars: what a US-only payroll (Gusto) shows for
 * someone the HR system pays in another currency. Two decimals, as every amount.
 */
export function usdEquivalent(amount: string, currency: string): string {
  return (Number(amount) / (CURRENCY_FACTOR[currency] ?? 1)).toFixed(2);
}

/** Market pay drifts up ~3% a year; tenure adds ~1% a year on top. */
const MARKET_DRIFT = 0.03;
const TENURE_RISE = 0.01;
const HOURS_PER_YEAR = 2080;

function at<T extends { day: number }>(steps: readonly T[], day: number): T {
  let found = steps[0] as T;
  for (const step of steps) if (step.day <= day) found = step;
  return found;
}

function payShape(status: EmploymentStatusName): [PayType, PaidPer] {
  if (status === 'Full-Time') return ['Salary', 'Year'];
  if (status === 'Contractor') return ['Contract', 'Hour'];
  return ['Hourly', 'Hour'];
}

interface PayEvent {
  day: number;
  reason: PayReason;
}

function payEvents(rng: Rng, career: Career, end: number): PayEvent[] {
  const hire = (career.jobs[0] as JobStep).day;
  const changes: PayEvent[] = [];
  for (let i = 1; i < career.jobs.length; i++) {
    const job = career.jobs[i] as JobStep;
    const before = career.jobs[i - 1] as JobStep;
    changes.push({ day: job.day, reason: job.level > before.level ? 'Promotion' : 'Role Change' });
  }
  for (const status of career.statuses.slice(1)) {
    if (status.status !== 'Terminated' && !changes.some((c) => c.day === status.day)) {
      changes.push({ day: status.day, reason: 'Role Change' });
    }
  }
  const anniversaries = Math.floor((end - hire) / 365.25);
  const room = Math.max(0, Math.min(anniversaries, 3 - changes.length));
  // Long-serving people have had a recent rise; only the last few years can still show.
  const merits = rng.int(anniversaries >= 2 ? Math.min(1, room) : 0, room);
  for (let i = 0; i < merits; i++) {
    const year = rng.int(Math.max(1, anniversaries - 3), anniversaries);
    const day = nextWeekday(hire + Math.round(year * 365.25) + rng.int(0, 20));
    if (day <= end && !changes.some((c) => c.day === day)) {
      changes.push({ day, reason: rng.chance(0.2) ? 'Market Adjustment' : 'Merit' });
    }
  }
  changes.sort((a, b) => a.day - b.day);
  return [{ day: hire, reason: 'New Hire' }, ...changes.slice(-3)];
}

export function buildPay(
  rng: Rng,
  org: Org,
  career: Career,
  options: { id: number; currency: string; country: string; end: number; todayDay: number },
): PayStep[] {
  const personal = 0.9 + rng.next() * 0.2;
  const currencyFactor = CURRENCY_FACTOR[options.currency] ?? 1;
  const hire = (career.jobs[0] as JobStep).day;
  const monthly = options.country !== 'US' && options.country !== 'CA';
  // An anonymous arrow on purpose: under tsx every named function expression is re-labelled each
  // time it is created, which at one closure per person showed up in profiles.
  return payEvents(rng, career, options.end).map((event) => {
    const job = at(career.jobs, event.day);
    const status = at<StatusStep>(career.statuses, event.day).status;
    const [payType, paidPer] = payShape(status);
    const base = options.id === 1 ? CEO_BASE : (BASE_BY_LEVEL[job.level] ?? 85_000);
    // Bases are today's market; a row from years ago pays that year's (lower) market rate.
    const market = (1 + MARKET_DRIFT) ** ((event.day - options.todayDay) / 365.25);
    const tenure = 1 + (TENURE_RISE * (event.day - hire)) / 365.25;
    const yearly =
      base * (org.departmentPay[job.department] ?? 1) * currencyFactor * personal * market * tenure;
    const amount =
      paidPer === 'Year'
        ? (Math.round(yearly / 100) * 100).toFixed(2)
        : (Math.round((yearly / HOURS_PER_YEAR) * 4) / 4).toFixed(2);
    return {
      day: event.day,
      amount,
      payType,
      paidPer,
      payFrequency: monthly || payType === 'Contract' ? 'Monthly' : 'Every other week',
      reason: event.reason,
      exempt: payType === 'Salary' ? 'Exempt' : 'Non-exempt',
    };
  });
}
