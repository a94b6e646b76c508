/**
 * The provider-neutral synthetic company that every sandbox projects into its own format.
 *
 * One seed gives one company, byte for byte, so that the same person can be found in BambooHR,
 * Okta and Google Workspace under the same work email, and so that tests and benchmarks see the
 * same data on every run. Values here are "truth"; each provider sandbox decides how its API
 * spells them (BambooHR writes list values as option text, Okta as profile attributes, …).
 */

/** ISO-8601 calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO-8601 timestamp with offset, `YYYY-MM-DDTHH:MM:SS+00:00`. */
export type IsoDateTime = string;
/** A decimal amount as a string with two places, never a float: `"83000.00"`. */
export type DecimalString = string;

export interface CompanyOptions {
  /** @default 42 */
  seed?: number;
  /** Number of people, 10 to 100,000. @default 200 */
  size?: number;
  /** Number of custom fields, 0 to 1,000. @default 150 */
  customFieldCount?: number;
  /**
   * The company's "today": history, time off and balances are laid around it so that output does
   * not drift with the wall clock. @default '2026-06-15'
   */
  today?: IsoDate;
  /** Subdomain and email domain stem. @default 'acme' */
  domain?: string;
}

export interface OrgUnit {
  readonly id: number;
  readonly name: string;
}

export interface Department extends OrgUnit {
  readonly divisionId: number;
}

export interface Location extends OrgUnit {
  readonly line1: string;
  readonly city: string;
  /** State or region code where the country has them, else null. */
  readonly state: string | null;
  readonly zip: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** IANA time zone. */
  readonly timezone: string;
  /** ISO 4217 currency people at this location are paid in. */
  readonly currency: string;
  readonly remote: boolean;
}

export interface JobTitle extends OrgUnit {
  readonly departmentId: number;
}

/** Employment statuses as HR systems name them; 'Terminated' ends employment. */
export type EmploymentStatusName =
  | 'Full-Time'
  | 'Part-Time'
  | 'Contractor'
  | 'Intern'
  | 'Temporary'
  | 'Terminated';

export interface JobRow {
  readonly id: number;
  readonly effectiveDate: IsoDate;
  readonly jobTitleId: number;
  readonly departmentId: number;
  readonly divisionId: number;
  readonly locationId: number;
  readonly managerId: number | null;
}

export interface StatusRow {
  readonly id: number;
  readonly effectiveDate: IsoDate;
  readonly status: EmploymentStatusName;
  /** Only on 'Terminated' rows. */
  readonly terminationType: 'Voluntary' | 'Involuntary' | 'Death' | null;
  readonly terminationReason: string | null;
  readonly rehireEligible: 'Yes' | 'No' | 'Upon review' | null;
  readonly comment: string | null;
}

export type PayType = 'Salary' | 'Hourly' | 'Commission' | 'Contract';
export type PaidPer = 'Hour' | 'Day' | 'Week' | 'Month' | 'Year';
export type PayFrequency = 'Weekly' | 'Every other week' | 'Twice a month' | 'Monthly';

export interface CompensationRow {
  readonly id: number;
  readonly effectiveDate: IsoDate;
  readonly amount: DecimalString;
  /** ISO 4217. */
  readonly currency: string;
  readonly payType: PayType;
  readonly paidPer: PaidPer;
  readonly payFrequency: PayFrequency;
  readonly reason: 'New Hire' | 'Promotion' | 'Merit' | 'Market Adjustment' | 'Role Change';
  readonly comment: string | null;
  readonly exempt: 'Exempt' | 'Non-exempt';
}

export interface TimeOffType {
  readonly id: number;
  readonly name: string;
  readonly units: 'hours' | 'days';
  readonly icon: string;
  readonly color: string;
  readonly policyType: 'accruing' | 'discretionary' | 'manual';
  /** Yearly allowance in the type's units; null for discretionary types. */
  readonly yearlyAllowance: number | null;
}

export type TimeOffStatus = 'approved' | 'denied' | 'superceded' | 'requested' | 'canceled';

export interface TimeOffRequest {
  readonly id: number;
  readonly personId: number;
  readonly typeId: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly created: IsoDate;
  readonly status: TimeOffStatus;
  readonly statusChanged: IsoDate;
  /** Amount per day in the type's units, keyed by date; weekends are absent. */
  readonly dates: Readonly<Record<IsoDate, number>>;
  readonly employeeNote: string | null;
  readonly managerNote: string | null;
}

export type CustomFieldType = 'text' | 'int' | 'date' | 'list' | 'checkbox' | 'currency';

export interface CustomFieldDef {
  /** Numeric field id as the provider shows it, unique among standard and custom fields. */
  readonly id: number;
  readonly name: string;
  /** camelCase alias, always starting with `custom`. */
  readonly alias: string;
  readonly type: CustomFieldType;
  /** Options for `list` fields, else empty. */
  readonly options: readonly string[];
}

export interface Address {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly state: string | null;
  readonly zip: string;
  readonly country: string;
}

export interface Person {
  /** 1-based, dense and stable for a seed. */
  readonly id: number;
  readonly employeeNumber: string;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly preferredName: string | null;
  readonly gender: 'Female' | 'Male' | 'Nonbinary' | null;
  readonly dateOfBirth: IsoDate;
  readonly maritalStatus: 'Single' | 'Married' | 'Domestic Partnership' | 'Divorced' | null;
  /** Unique across the company; the join key across providers. */
  readonly workEmail: string;
  readonly homeEmail: string | null;
  readonly workPhone: string | null;
  readonly workPhoneExtension: string | null;
  readonly mobilePhone: string | null;
  readonly homePhone: string | null;
  readonly linkedinUrl: string | null;
  readonly address: Address;
  readonly hireDate: IsoDate;
  readonly originalHireDate: IsoDate;
  /** Set when the latest status row is 'Terminated'. */
  readonly terminationDate: IsoDate | null;
  /** 'Inactive' when terminated; everyone else is 'Active'. */
  readonly status: 'Active' | 'Inactive';
  /** Ordered by effective date, oldest first; the last row is the current one. */
  readonly jobHistory: readonly JobRow[];
  readonly statusHistory: readonly StatusRow[];
  readonly compensationHistory: readonly CompensationRow[];
  readonly timeOffRequests: readonly TimeOffRequest[];
  readonly created: IsoDateTime;
  readonly lastChanged: IsoDateTime;
}

export interface TimeOffBalance {
  readonly typeId: number;
  /** In the type's units, two decimals. */
  readonly balance: DecimalString;
  readonly usedYearToDate: DecimalString;
  readonly asOf: IsoDate;
}

export interface SyntheticCompany {
  readonly seed: number;
  readonly domain: string;
  readonly legalName: string;
  readonly displayName: string;
  readonly address: Address;
  readonly phone: string;
  readonly today: IsoDate;
  readonly divisions: readonly OrgUnit[];
  readonly departments: readonly Department[];
  readonly locations: readonly Location[];
  readonly jobTitles: readonly JobTitle[];
  readonly timeOffTypes: readonly TimeOffType[];
  readonly customFields: readonly CustomFieldDef[];
  /** Ordered by id. */
  readonly people: readonly Person[];
  /** O(1) lookup; undefined for an unknown id. */
  person(id: number): Person | undefined;
  /** The person's current job (last job row effective on or before `today`). */
  currentJob(person: Person): JobRow;
  currentStatus(person: Person): StatusRow;
  currentCompensation(person: Person): CompensationRow;
  /**
   * A custom field's value for a person, computed on demand from the seed so that 100,000 people
   * × 1,000 fields never sit in memory. Null where the person has no value.
   */
  customValue(person: Person, field: CustomFieldDef): string | null;
  /** Balance of one time-off type as of a date (default `today`). */
  timeOffBalance(person: Person, type: TimeOffType, asOf?: IsoDate): TimeOffBalance;
}
