/**
 * The unified model: what every provider maps its records into, and what the schema exposes.
 * Normalised enums always travel with the provider's raw value (`{ value, raw }`), because no
 * mapping survives every customer's configuration, and clients must be able to see what the
 * provider really said.
 */
import type { EntityRef, RemoteId } from './ids.js';

/** A normalised enum value next to the provider's own spelling of it. */
export interface Normalized<E extends string> {
  readonly value: E;
  readonly raw: string;
}

export type EmploymentStatus = 'ACTIVE' | 'PENDING' | 'LEAVE' | 'INACTIVE' | 'OTHER';
/** Who the worker is to the company, apart from how many hours they work. */
export type EmploymentRelationship =
  | 'EMPLOYEE'
  | 'CONTRACTOR'
  | 'INTERN'
  | 'TEMPORARY'
  | 'FREELANCE'
  | 'OTHER';
/** How much the worker works, apart from who they are to the company. */
export type EmploymentSchedule = 'FULL_TIME' | 'PART_TIME' | 'OTHER';
export type Gender = 'FEMALE' | 'MALE' | 'NON_BINARY' | 'OTHER' | 'PREFER_NOT_TO_DISCLOSE';
export type MaritalStatus =
  | 'SINGLE'
  | 'MARRIED'
  | 'DOMESTIC_PARTNERSHIP'
  | 'DIVORCED'
  | 'WIDOWED'
  | 'OTHER';
export type PayPeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR' | 'OTHER';
export type PayFrequency =
  | 'WEEKLY'
  | 'BIWEEKLY'
  | 'SEMIMONTHLY'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'ANNUALLY'
  | 'OTHER';
export type PayType = 'SALARY' | 'HOURLY' | 'COMMISSION' | 'CONTRACT' | 'OTHER';
export type FlsaStatus = 'EXEMPT' | 'NON_EXEMPT' | 'OTHER';
export type GroupType =
  | 'DEPARTMENT'
  | 'DIVISION'
  | 'TEAM'
  | 'COST_CENTER'
  | 'BUSINESS_UNIT'
  /** A node of a directory's organisational tree (Google Workspace org units). */
  | 'ORG_UNIT'
  | 'GROUP';
export type TimeOffStatus =
  | 'REQUESTED'
  | 'APPROVED'
  | 'DECLINED'
  | 'CANCELLED'
  | 'SUPERSEDED'
  | 'OTHER';
export type TimeOffUnit = 'HOURS' | 'DAYS';
export type TimeOffPolicyType = 'ACCRUING' | 'DISCRETIONARY' | 'MANUAL' | 'OTHER';

export interface Money {
  /** Decimal string, never a float: `"83000.00"`. */
  readonly amount: string;
  /** ISO 4217. */
  readonly currency: string;
}

export interface Address {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  /** ISO 3166-1 alpha-2 where the provider's value maps to one, else the raw value. */
  readonly country: string | null;
}

/**
 * The scalar and reference fields of an Employee that providers load by name. Each provider maps
 * each of them onto its own fields; the planner loads only those a query selects.
 */
export interface EmployeeFields {
  readonly employeeNumber: string | null;
  readonly firstName: string | null;
  readonly middleName: string | null;
  readonly lastName: string | null;
  readonly preferredName: string | null;
  readonly displayName: string | null;
  readonly workEmail: string | null;
  readonly personalEmail: string | null;
  readonly workPhone: string | null;
  readonly mobilePhone: string | null;
  readonly homePhone: string | null;
  readonly jobTitle: string | null;
  readonly department: RemoteId | null;
  readonly division: RemoteId | null;
  readonly location: RemoteId | null;
  readonly manager: RemoteId | null;
  readonly employmentStatus: Normalized<EmploymentStatus> | null;
  readonly employmentRelationship: Normalized<EmploymentRelationship> | null;
  readonly employmentSchedule: Normalized<EmploymentSchedule> | null;
  readonly startDate: string | null;
  readonly hireDate: string | null;
  readonly terminationDate: string | null;
  readonly dateOfBirth: string | null;
  readonly gender: Normalized<Gender> | null;
  readonly maritalStatus: Normalized<MaritalStatus> | null;
  readonly homeAddress: Address | null;
  readonly avatarUrl: string | null;
  readonly createdAt: string | null;
  readonly modifiedAt: string | null;
}

export type EmployeeField = keyof EmployeeFields;

/** A job-history row. */
export interface Employment extends EntityRef {
  readonly employee: RemoteId;
  readonly effectiveDate: string | null;
  readonly jobTitle: string | null;
  readonly department: RemoteId | null;
  readonly division: RemoteId | null;
  readonly location: RemoteId | null;
  readonly manager: RemoteId | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A pay-history row. */
export interface Compensation extends EntityRef {
  readonly employee: RemoteId;
  readonly effectiveDate: string | null;
  readonly pay: Money | null;
  readonly payPeriod: Normalized<PayPeriod> | null;
  readonly payFrequency: Normalized<PayFrequency> | null;
  readonly payType: Normalized<PayType> | null;
  readonly flsaStatus: Normalized<FlsaStatus> | null;
  readonly reason: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** An employment-status history row (hired, changed schedule, terminated, …). */
export interface EmploymentStatusChange extends EntityRef {
  readonly employee: RemoteId;
  readonly effectiveDate: string | null;
  readonly status: Normalized<EmploymentStatus>;
  readonly relationship: Normalized<EmploymentRelationship> | null;
  readonly schedule: Normalized<EmploymentSchedule> | null;
  readonly terminationReason: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface TimeOffRequest extends EntityRef {
  readonly employee: RemoteId;
  readonly status: Normalized<TimeOffStatus>;
  readonly type: { readonly remoteId: RemoteId; readonly name: string };
  readonly startDate: string;
  readonly endDate: string;
  readonly amount: number;
  readonly unit: TimeOffUnit;
  readonly employeeNote: string | null;
  readonly createdAt: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface TimeOffBalance extends EntityRef {
  readonly employee: RemoteId;
  readonly type: { readonly remoteId: RemoteId; readonly name: string };
  readonly balance: number;
  /** Null where the provider reports only the balance (Gusto's policy list). */
  readonly used: number | null;
  readonly unit: TimeOffUnit;
  readonly policyType: Normalized<TimeOffPolicyType> | null;
  readonly asOf: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Group extends EntityRef {
  readonly name: string;
  readonly type: GroupType;
  readonly parent: RemoteId | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Location extends EntityRef {
  readonly name: string;
  readonly address: Address | null;
  readonly timezone: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Company extends EntityRef {
  readonly legalName: string | null;
  readonly displayName: string | null;
  readonly address: Address | null;
  readonly phone: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}
