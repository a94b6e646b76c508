/**
 * Normalised enums. Each has a catch-all (`OTHER`) for provider values no mapping covers, and
 * every field of one of these types has a sibling `…Raw: String` with the provider's own value.
 */
import type {
  EmploymentRelationship,
  EmploymentSchedule,
  EmploymentStatus,
  FlsaStatus,
  Gender,
  GroupType,
  MaritalStatus,
  PayFrequency,
  PayPeriod,
  PayType,
  TimeOffPolicyType,
  TimeOffStatus,
  TimeOffUnit,
} from '../../core/model.js';
import { builder } from '../builder.js';

type Described<E extends string> = Record<E, { description: string }>;

function values<E extends string>(described: Described<E>) {
  return described;
}

export const EmploymentStatusEnum = builder.enumType('EmploymentStatus', {
  values: values<EmploymentStatus>({
    ACTIVE: { description: 'Employed and working.' },
    PENDING: { description: 'Hired, not started yet.' },
    LEAVE: { description: 'Employed, on a leave of absence.' },
    INACTIVE: { description: 'No longer employed.' },
    OTHER: { description: 'A provider value no mapping covers; see the `…Raw` field.' },
  }),
});

export const EmploymentRelationshipEnum = builder.enumType('EmploymentRelationship', {
  description: 'Who the worker is to the company, independent of their schedule.',
  values: values<EmploymentRelationship>({
    EMPLOYEE: { description: 'On the payroll.' },
    CONTRACTOR: { description: 'Engaged under a contract for services.' },
    INTERN: { description: 'Intern or trainee.' },
    TEMPORARY: { description: 'Temporary or seasonal worker.' },
    FREELANCE: { description: 'Freelancer.' },
    OTHER: { description: 'A provider value no mapping covers; see the `…Raw` field.' },
  }),
});

export const EmploymentScheduleEnum = builder.enumType('EmploymentSchedule', {
  description: 'How much the worker works, independent of their relationship to the company.',
  values: ['FULL_TIME', 'PART_TIME', 'OTHER'] as const satisfies readonly EmploymentSchedule[],
});

export const GenderEnum = builder.enumType('Gender', {
  values: [
    'FEMALE',
    'MALE',
    'NON_BINARY',
    'OTHER',
    'PREFER_NOT_TO_DISCLOSE',
  ] as const satisfies readonly Gender[],
});

export const MaritalStatusEnum = builder.enumType('MaritalStatus', {
  description: 'Marital status (not a tax filing status).',
  values: [
    'SINGLE',
    'MARRIED',
    'DOMESTIC_PARTNERSHIP',
    'DIVORCED',
    'WIDOWED',
    'OTHER',
  ] as const satisfies readonly MaritalStatus[],
});

export const PayPeriodEnum = builder.enumType('PayPeriod', {
  description: 'The span of time a pay rate is expressed per.',
  values: [
    'HOUR',
    'DAY',
    'WEEK',
    'MONTH',
    'QUARTER',
    'YEAR',
    'OTHER',
  ] as const satisfies readonly PayPeriod[],
});

export const PayFrequencyEnum = builder.enumType('PayFrequency', {
  description: 'How often the worker is paid.',
  values: [
    'WEEKLY',
    'BIWEEKLY',
    'SEMIMONTHLY',
    'MONTHLY',
    'QUARTERLY',
    'ANNUALLY',
    'OTHER',
  ] as const satisfies readonly PayFrequency[],
});

export const PayTypeEnum = builder.enumType('PayType', {
  values: [
    'SALARY',
    'HOURLY',
    'COMMISSION',
    'CONTRACT',
    'OTHER',
  ] as const satisfies readonly PayType[],
});

export const FlsaStatusEnum = builder.enumType('FlsaStatus', {
  description: 'US Fair Labor Standards Act overtime status.',
  values: ['EXEMPT', 'NON_EXEMPT', 'OTHER'] as const satisfies readonly FlsaStatus[],
});

export const GroupTypeEnum = builder.enumType('GroupType', {
  values: [
    'DEPARTMENT',
    'DIVISION',
    'TEAM',
    'COST_CENTER',
    'BUSINESS_UNIT',
    'ORG_UNIT',
    'GROUP',
  ] as const satisfies readonly GroupType[],
});

export const TimeOffStatusEnum = builder.enumType('TimeOffStatus', {
  values: values<TimeOffStatus>({
    REQUESTED: { description: 'Waiting for approval.' },
    APPROVED: { description: 'Approved.' },
    DECLINED: { description: 'Declined by an approver.' },
    CANCELLED: { description: 'Withdrawn.' },
    SUPERSEDED: { description: 'Replaced by a newer request.' },
    OTHER: { description: 'A provider value no mapping covers; see `statusRaw`.' },
  }),
});

export const TimeOffUnitEnum = builder.enumType('TimeOffUnit', {
  values: ['HOURS', 'DAYS'] as const satisfies readonly TimeOffUnit[],
});

export const TimeOffPolicyTypeEnum = builder.enumType('TimeOffPolicyType', {
  values: values<TimeOffPolicyType>({
    ACCRUING: { description: 'The balance grows over time.' },
    DISCRETIONARY: { description: 'No tracked balance ("unlimited").' },
    MANUAL: { description: 'Adjusted by hand.' },
    OTHER: { description: 'A provider value no mapping covers; see `policyTypeRaw`.' },
  }),
});
