/**
 * The company's time-off types and how people use each one. Fixed for every seed so that tests
 * and sandboxes can name them; ids look like BambooHR's (small integers in the 70s–80s).
 */
import type { TimeOffType } from './types.js';

export interface TimeOffPolicy {
  readonly type: TimeOffType;
  /** Relative share of requests of this type. */
  readonly weight: number;
  readonly minDays: number;
  readonly maxDays: number;
  /** Booked ahead (vacation) or reported on the day (sickness). */
  readonly planned: boolean;
  readonly notes: readonly string[];
}

function policy(
  type: TimeOffType,
  usage: Omit<TimeOffPolicy, 'type' | 'notes'>,
  notes: readonly string[],
): TimeOffPolicy {
  return Object.freeze({ type: Object.freeze(type), ...usage, notes });
}

export const POLICIES: readonly TimeOffPolicy[] = [
  policy(
    {
      id: 78,
      name: 'Vacation',
      units: 'hours',
      icon: 'palm-trees',
      color: '56afdd',
      policyType: 'accruing',
      yearlyAllowance: 120,
    },
    { weight: 50, minDays: 1, maxDays: 7, planned: true },
    ['Family trip', 'Long weekend', 'Visiting relatives', 'Moving house', 'Holiday'],
  ),
  policy(
    {
      id: 79,
      name: 'Sick',
      units: 'hours',
      icon: 'medical-bag',
      color: 'e96a5a',
      policyType: 'accruing',
      yearlyAllowance: 64,
    },
    { weight: 38, minDays: 1, maxDays: 3, planned: false },
    ['Flu', 'Doctor appointment', 'Not feeling well'],
  ),
  policy(
    {
      id: 80,
      name: 'Bereavement',
      units: 'days',
      icon: 'heart',
      color: '8c6bb1',
      policyType: 'manual',
      yearlyAllowance: 5,
    },
    { weight: 3, minDays: 1, maxDays: 3, planned: false },
    ['Family funeral'],
  ),
  policy(
    {
      id: 81,
      name: 'Unpaid Leave',
      units: 'days',
      icon: 'calendar',
      color: '9e9e9e',
      policyType: 'discretionary',
      yearlyAllowance: null,
    },
    { weight: 5, minDays: 1, maxDays: 5, planned: true },
    ['Personal matters'],
  ),
  policy(
    {
      id: 82,
      name: 'Jury Duty',
      units: 'days',
      icon: 'gavel',
      color: 'f2b134',
      policyType: 'discretionary',
      yearlyAllowance: null,
    },
    { weight: 4, minDays: 1, maxDays: 3, planned: true },
    ['Jury summons'],
  ),
];

export const POLICY_WEIGHTS: readonly number[] = POLICIES.map((p) => p.weight);

export const TIME_OFF_TYPES: readonly TimeOffType[] = Object.freeze(POLICIES.map((p) => p.type));
