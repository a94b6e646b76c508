/**
 * Jobs and compensations. Each person holds one primary job (Gusto: "only hourly employees can
 * have multiple jobs"), titled by the current job row; its compensations are the person's
 * compensation history. Rate fields appear only with `compensations:read` (spec, list operation).
 */
import { usdEquivalent } from '../../company/index.js';
import type { CompensationRow, Person } from '../../company/types.js';
import { gustoEmployeeUuid, gustoUuid, versionOf } from '../ids.js';
import { projectLocation } from './org.js';
import type { GustoView } from './view.js';

export type Json = Record<string, unknown>;

export interface JobProjection {
  /** Rate, payment unit, current compensation and compensations only with compensations:read. */
  withPay: boolean;
  /** Every compensation instead of the current one (`include=all_compensations`). */
  allCompensations: boolean;
}

export function jobUuid(person: Person): string {
  return gustoUuid('job', person.id);
}

export function compensationUuid(person: Person, index: number): string {
  return gustoUuid('compensation', person.id, index);
}

const GUSTO_UNIT = { Hour: 'Hour', Week: 'Week', Month: 'Month', Year: 'Year' } as const;

/**
 * Gusto pays in US dollars only: pay kept in another currency shows as what the same level earns
 * in dollars. `Day` has no Gusto unit: it becomes an hourly rate over an 8-hour day. Both are
 * sandbox choices.
 */
function rateAndUnit(person: Person, row: CompensationRow): { rate: string; unit: string } {
  const amount = Number(usdEquivalent(row.amount, row.currency));
  // The founder is paid as an owner's draw per paycheck (Gusto's `Owner` FLSA status).
  if (person.id === 1 && row.paidPer === 'Year')
    return { rate: (amount / 26).toFixed(2), unit: 'Paycheck' };
  if (row.paidPer === 'Day') return { rate: (amount / 8).toFixed(2), unit: 'Hour' };
  return { rate: amount.toFixed(2), unit: GUSTO_UNIT[row.paidPer] };
}

export function flsaStatus(person: Person, row: CompensationRow): string {
  if (person.id === 1) return 'Owner';
  const exempt = row.exempt === 'Exempt';
  if (row.payType === 'Commission')
    return exempt ? 'Commission Only Exempt' : 'Commission Only Nonexempt';
  if (row.payType === 'Salary') return exempt ? 'Exempt' : 'Salaried Nonexempt';
  return 'Nonexempt';
}

export function titleOf(view: GustoView, person: Person): string {
  const job = view.company.currentJob(person);
  return view.jobTitle(job.jobTitleId)?.name ?? '';
}

export function projectCompensation(view: GustoView, person: Person, index: number): Json {
  const row = person.compensationHistory[index]!;
  const { rate, unit } = rateAndUnit(person, row);
  return {
    uuid: compensationUuid(person, index),
    version: versionOf('compensation', person.id, row.id, row.amount),
    job_uuid: jobUuid(person),
    employee_uuid: gustoEmployeeUuid(person.id),
    rate,
    payment_unit: unit,
    flsa_status: flsaStatus(person, row),
    effective_date: row.effectiveDate,
    title: titleOf(view, person),
    adjust_for_minimum_wage: false,
    minimum_wages: [],
  };
}

export function currentCompensationIndex(view: GustoView, person: Person): number {
  return person.compensationHistory.indexOf(view.company.currentCompensation(person));
}

export function projectJob(view: GustoView, person: Person, how: JobProjection): Json {
  const current = currentCompensationIndex(view, person);
  const location = view.location(view.company.currentJob(person).locationId);
  const job: Json = {
    uuid: jobUuid(person),
    version: versionOf('job', person.id, person.lastChanged),
    employee_uuid: gustoEmployeeUuid(person.id),
    hire_date: person.hireDate,
    title: titleOf(view, person),
    primary: true,
    two_percent_shareholder: person.id === 1,
    state_wc_covered: null,
    state_wc_class_code: null,
  };
  if (location) {
    job.location_uuid = gustoUuid('location', location.id);
    job.location = projectLocation(view, location);
  }
  if (!how.withPay) return job;
  const row = person.compensationHistory[current]!;
  const { rate, unit } = rateAndUnit(person, row);
  job.rate = rate;
  job.payment_unit = unit;
  job.current_compensation_uuid = compensationUuid(person, current);
  const indexes = how.allCompensations
    ? person.compensationHistory.map((_, index) => index)
    : [current];
  job.compensations = indexes.map((index) => projectCompensation(view, person, index));
  return job;
}
