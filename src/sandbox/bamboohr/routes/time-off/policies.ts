/**
 * Time-off metadata and balances: GET /v1/meta/time_off/types, /v1/meta/time_off/policies,
 * /v1/employees/{id}/time_off/policies and /v1/employees/{id}/time_off/calculator (reference §4).
 * The synthetic company has one policy per time-off type; policy ids are 1-based in type order.
 */
import type { Person, SyntheticCompany, TimeOffType } from '../../../company/types.js';
import { isIsoDate } from '../changed/since.js';

export interface PolicyJson {
  id: number;
  timeOffTypeId: number;
  name: string;
  effectiveDate: null;
  type: TimeOffType['policyType'];
}

const WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function timeOffTypes(company: SyntheticCompany) {
  return {
    timeOffTypes: company.timeOffTypes.map(function typeJson(type) {
      return {
        id: type.id,
        name: type.name,
        units: type.units,
        color: type.color,
        icon: type.icon,
        source: 'internal' as const,
      };
    }),
    // The spec: "Returned as a stringified decimal value".
    defaultHours: WEEK.map((name, day) => ({ name, amount: day === 0 || day === 6 ? '0' : '8' })),
  };
}

function policyName(type: TimeOffType): string {
  const suffix = { accruing: 'Full-Time', discretionary: 'Flexible', manual: 'Manual' };
  return `${type.name} ${suffix[type.policyType]}`;
}

/** Sorted by name, as the spec says. */
export function timeOffPolicies(company: SyntheticCompany): PolicyJson[] {
  return company.timeOffTypes
    .map(function policyJson(type, index): PolicyJson {
      return {
        id: index + 1,
        timeOffTypeId: type.id,
        name: policyName(type),
        effectiveDate: null,
        type: type.policyType,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

/** v1 lists accruing policies only ("Only includes regular (accruing) policy types"). */
export function employeePolicies(company: SyntheticCompany, person: Person) {
  return timeOffPolicies(company)
    .filter((policy) => policy.type === 'accruing')
    .sort((a, b) => a.id - b.id)
    .map((policy) => ({
      timeOffPolicyId: policy.id,
      timeOffTypeId: policy.timeOffTypeId,
      accrualStartDate: person.hireDate,
    }));
}

export interface BalanceJson {
  timeOffType: string;
  name: string;
  units: string;
  balance: string;
  end: string;
  policyType: TimeOffType['policyType'];
  usedYearToDate: string;
}

export type BalanceResult =
  | { readonly ok: true; readonly balances: BalanceJson[] }
  | { readonly ok: false; readonly message: string };

export function timeOffBalances(
  company: SyntheticCompany,
  person: Person,
  endParam: string | undefined,
  precisionParam: string | undefined,
): BalanceResult {
  if (endParam !== undefined && !isIsoDate(endParam)) {
    return { ok: false, message: 'end must be a date in YYYY-MM-DD format' };
  }
  const precision = precisionParam === undefined ? 2 : Number(precisionParam);
  if (!Number.isInteger(precision) || precision < 0 || precision > 4) {
    return { ok: false, message: 'precision must be an integer from 0 to 4' };
  }
  const end = endParam ?? company.today;
  const balances = company.timeOffTypes.map(function balanceJson(type): BalanceJson {
    const balance = company.timeOffBalance(person, type, end);
    return {
      // The spec types these three as strings.
      timeOffType: String(type.id),
      name: type.name,
      units: type.units,
      balance: Number(balance.balance).toFixed(precision),
      end,
      policyType: type.policyType,
      usedYearToDate: Number(balance.usedYearToDate).toFixed(precision),
    };
  });
  return { ok: true, balances };
}
