/**
 * Time off: policies from the company's time-off types with per-employee balances, the
 * employee's `eligible_paid_time_off`, and time-off activities. Gusto counts in hours; day-based
 * types are shown at 8 hours a day (a sandbox choice).
 */
import type { Person, TimeOffType } from '../../company/types.js';
import { gustoEmployeeUuid, gustoUuid, versionOf } from '../ids.js';
import type { Json } from './jobs.js';
import type { GustoView } from './view.js';

const POLICY_TYPE: Readonly<Record<string, string>> = {
  Vacation: 'vacation',
  Sick: 'sick',
  Bereavement: 'bereavement',
  'Jury Duty': 'jury_duty',
};

/** The only values `time_off_type` takes on activities (spec: Time-Off-Activity.time_off_type). */
export const ACTIVITY_TYPES: Readonly<Record<string, string>> = {
  vacation: 'Vacation',
  sick: 'Sick',
};

function hours(type: TimeOffType, amount: number): number {
  return type.units === 'days' ? amount * 8 : amount;
}

function hoursText(type: TimeOffType, amount: string | number): string {
  return hours(type, Number(amount)).toFixed(2);
}

export function policyUuid(type: Pick<TimeOffType, 'id'>): string {
  return gustoUuid('timeOffPolicy', type.id);
}

function accrualMethod(type: TimeOffType): string {
  return type.policyType === 'discretionary' ? 'unlimited' : 'per_calendar_year';
}

/** Gusto lists a policy's current members: people not terminated as of today. */
function members(view: GustoView): Person[] {
  return view.company.people.filter((person) => !isTerminated(view, person));
}

export function isTerminated(view: GustoView, person: Person): boolean {
  return view.company.currentStatus(person).status === 'Terminated';
}

export function projectPolicy(view: GustoView, type: TimeOffType): Json {
  const allowance = type.yearlyAllowance === null ? null : hoursText(type, type.yearlyAllowance);
  return {
    uuid: policyUuid(type),
    company_uuid: view.companyUuid,
    name: type.name,
    policy_type: POLICY_TYPE[type.name] ?? 'custom',
    accrual_method: accrualMethod(type),
    accrual_rate: type.policyType === 'discretionary' ? null : allowance,
    accrual_rate_unit: null,
    paid_out_on_termination: type.name === 'Vacation',
    accrual_waiting_period_days: 0,
    carryover_limit_hours: '0.00',
    max_accrual_hours_per_year: allowance,
    max_hours: null,
    policy_reset_date: '01-01',
    complete: true,
    version: versionOf('policy', type.id, type.name),
    is_active: true,
    employees: members(view).map((person) => ({
      uuid: gustoEmployeeUuid(person.id),
      // Unlimited policies keep no balance; the schema's string gets "0.00" (a choice).
      balance:
        type.policyType === 'discretionary'
          ? '0.00'
          : hoursText(type, view.company.timeOffBalance(person, type).balance),
    })),
  };
}

/** Vacation and sick only: the `name` enum of Paid-Time-Off. */
export function projectEligiblePto(view: GustoView, person: Person): Json[] {
  if (isTerminated(view, person)) return [];
  return view.company.timeOffTypes
    .filter((type) => type.name === 'Vacation' || type.name === 'Sick')
    .map((type) => ({
      name: `${type.name} Hours`,
      policy_name: type.name,
      policy_uuid: policyUuid(type),
      accrual_unit: 'Hour',
      accrual_rate: type.yearlyAllowance === null ? null : hoursText(type, type.yearlyAllowance),
      accrual_method: accrualMethod(type),
      accrual_period: 'Year',
      accrual_balance: hoursText(type, view.company.timeOffBalance(person, type).balance),
      maximum_accrual_balance: null,
      paid_at_termination: type.name === 'Vacation',
    }));
}

/**
 * Activities of one type: joining the policy at hire, each approved request of this year taken
 * by today, then the year's accrual so far posted today, so the last balance is the person's
 * balance (a sandbox simplification of Gusto's per-payroll accrual events).
 */
export function projectActivities(view: GustoView, person: Person, type: TimeOffType): Json[] {
  const { today } = view.company;
  const base = {
    policy_uuid: policyUuid(type),
    time_off_type: POLICY_TYPE[type.name],
    policy_name: type.name,
  };
  const out: Json[] = [
    {
      ...base,
      event_type: 'TimeOffEvent::AddToPolicy',
      event_description: `Added to policy: ${type.name}`,
      effective_time: `${person.hireDate}T09:00:00.000Z`,
      balance: '0.00',
      balance_change: '0.00',
    },
  ];
  const yearStart = `${today.slice(0, 4)}-01-01`;
  let running = 0;
  for (const request of person.timeOffRequests) {
    if (request.typeId !== type.id || request.status !== 'approved') continue;
    const days = Object.entries(request.dates).filter(
      ([date]) => date >= yearStart && date <= today,
    );
    if (days.length === 0) continue;
    const used = hours(
      type,
      days.reduce((sum, [, amount]) => sum + amount, 0),
    );
    running -= used;
    out.push({
      ...base,
      event_type: 'TimeOffEvent::Usage',
      event_description: `Time off used: ${request.start} to ${request.end}`,
      effective_time: `${days[0]![0]}T09:00:00.000Z`,
      balance: running.toFixed(2),
      balance_change: (-used).toFixed(2),
    });
  }
  const final = hours(type, Number(view.company.timeOffBalance(person, type).balance));
  out.push({
    ...base,
    event_type: 'TimeOffEvent::Accrual',
    event_description: 'Accrual',
    effective_time: `${today}T09:00:00.000Z`,
    balance: final.toFixed(2),
    balance_change: (final - running).toFixed(2),
  });
  return out;
}
