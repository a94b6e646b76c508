/**
 * BambooHR's standard employee fields (reference §2.2, the "list of field names" page, and the
 * Get Employee / List Employees response schemas of the spec), each with how its value is read
 * from the synthetic company.
 *
 * Value formats follow reference §3.4: dates `yyyy-mm-dd`, list values as option text, employee
 * references as "Preferred-or-First Last", timestamps with offset. Sandbox decisions:
 * - `payRate` is `"83000.00 USD"` (amount, space, ISO currency), the form BambooHR's own
 *   changed-tables sample shows for currency reads; the bare `"27000.00"` of the field-types page
 *   describes writes in the company currency.
 * - `country` and `state` are names (`United Kingdom`, `California`), `stateCode` the US code.
 * - Fields BambooHR has but the synthetic company does not model (SSN, EEO, social profiles
 *   other than LinkedIn, bonus, …) exist and read as null.
 * - `inMeta: false` marks names the newer endpoints use for the same data (`jobTitleName`,
 *   `departmentId`, `reportsToId`, …): accepted by Get Employee, not listed by `/v1/meta/fields`.
 * Ids are the sandbox's own (a few match public examples: hireDate 3, department 4,
 * dateOfBirth 6, mobilePhone 13, gender 154, maritalStatus 155); all are below 5000.
 */
import {
  EMPLOYMENT_STATUS_OPTIONS,
  optionId,
  PAY_FREQUENCY_OPTIONS,
  PAY_TYPE_OPTIONS,
} from './list-options.js';
import { employeeRef, type PersonView } from './person-view.js';
import { countryName, stateName } from './regions.js';

export interface StandardField {
  readonly id: number;
  readonly alias: string;
  readonly name: string;
  readonly type: string;
  readonly inMeta: boolean;
  readonly deprecated?: boolean;
  read(view: PersonView): string | null;
}

type Read = (view: PersonView) => string | null;

const str = (n: number | null | undefined): string | null =>
  n === null || n === undefined ? null : String(n);
const none: Read = () => null;

const jobTitleName: Read = (v) => v.org.jobTitle(v.job.jobTitleId)?.name ?? null;
const departmentName: Read = (v) => v.org.department(v.job.departmentId)?.name ?? null;
const divisionName: Read = (v) => v.org.division(v.job.divisionId)?.name ?? null;
const locationName: Read = (v) => v.org.location(v.job.locationId)?.name ?? null;
const statusName: Read = (v) => v.status.status;
const statusId: Read = (v) => str(optionId(EMPLOYMENT_STATUS_OPTIONS, v.status.status));
const managerName: Read = (v) => employeeRef(v.manager);
const managerId: Read = (v) => str(v.manager?.id);
const birthDate: Read = (v) => v.person.dateOfBirth;
const linkedIn: Read = (v) => v.person.linkedinUrl;
const paidPer: Read = (v) => v.comp.paidPer;
const photoUrl: Read = (v) =>
  // Some people have no photo, so clients meet the null the spec allows.
  v.person.id % 7 === 0
    ? null
    : `https://${v.company.domain}.bamboohr.com/images/photo_person_${v.person.id}.jpg`;

function age(v: PersonView): string {
  const [y, m, d] = v.person.dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = v.company.today.split('-').map(Number) as [number, number, number];
  return String(ty - y - (tm < m || (tm === m && td < d) ? 1 : 0));
}

function hoursPerWeek(v: PersonView): string | null {
  if (v.status.status === 'Full-Time') return '40';
  if (v.status.status === 'Part-Time') return '20';
  return null;
}

// [id, alias, display name, type, read, inMeta?, deprecated?]
type Row = [number, string, string, string, Read, boolean?, boolean?];

const ROWS: Row[] = [
  [1, 'firstName', 'First Name', 'text', (v) => v.person.firstName],
  [2, 'lastName', 'Last Name', 'text', (v) => v.person.lastName],
  [3, 'hireDate', 'Hire Date', 'date', (v) => v.person.hireDate],
  [4, 'department', 'Department', 'list', departmentName],
  [5, 'middleName', 'Middle Name', 'text', (v) => v.person.middleName],
  [6, 'dateOfBirth', 'Birth Date', 'date', birthDate],
  [7, 'address1', 'Address Line 1', 'text', (v) => v.person.address.line1],
  [8, 'address2', 'Address Line 2', 'text', (v) => v.person.address.line2],
  [9, 'city', 'City', 'text', (v) => v.person.address.city],
  [
    10,
    'state',
    'State',
    'state',
    (v) => stateName(v.person.address.state, v.person.address.country),
  ],
  [11, 'zipcode', 'ZIP', 'text', (v) => v.person.address.zip],
  [12, 'homePhone', 'Home Phone', 'phone', (v) => v.person.homePhone],
  [13, 'mobilePhone', 'Mobile Phone', 'phone', (v) => v.person.mobilePhone],
  [14, 'country', 'Country', 'country', (v) => countryName(v.person.address.country)],
  [15, 'workPhone', 'Work Phone', 'phone', (v) => v.person.workPhone],
  [16, 'workPhoneExtension', 'Work Ext.', 'text', (v) => v.person.workPhoneExtension],
  [17, 'jobTitle', 'Job Title', 'list', jobTitleName],
  [18, 'location', 'Location', 'list', locationName],
  [19, 'payRate', 'Pay rate', 'currency', (v) => `${v.comp.amount} ${v.comp.currency}`],
  [20, 'payType', 'Pay type', 'pay_type', (v) => v.comp.payType],
  [21, 'paidPer', 'Paid per', 'list', paidPer],
  [22, 'payFrequency', 'Pay Frequency', 'list', (v) => v.comp.payFrequency],
  [23, 'payRateEffectiveDate', 'Pay rate effective date', 'date', (v) => v.comp.effectiveDate],
  [24, 'payChangeReason', 'Pay change reason', 'list', (v) => v.comp.reason],
  [25, 'exempt', 'Overtime Status', 'exempt', (v) => v.comp.exempt],
  [26, 'paySchedule', 'Pay Schedule', 'list', none],
  [27, 'ssn', 'SSN', 'ssn', none],
  [28, 'sin', 'SIN', 'text', none],
  [29, 'nin', 'NIN', 'text', none],
  [30, 'nationalId', 'National ID', 'text', none],
  [31, 'employeeNumber', 'Employee #', 'text', (v) => v.person.employeeNumber],
  [32, 'workEmail', 'Work Email', 'email', (v) => v.person.workEmail],
  [33, 'homeEmail', 'Home Email', 'email', (v) => v.person.homeEmail],
  [34, 'bestEmail', 'Email', 'email', (v) => v.person.workEmail ?? v.person.homeEmail],
  [35, 'preferredName', 'Preferred Name', 'text', (v) => v.person.preferredName],
  [36, 'displayName', 'Display name', 'text', (v) => employeeRef(v.person)],
  [37, 'fullName1', 'First Last', 'text', (v) => `${v.person.firstName} ${v.person.lastName}`],
  [38, 'fullName2', 'Last, First', 'text', (v) => `${v.person.lastName}, ${v.person.firstName}`],
  [39, 'fullName3', 'Full name 3', 'text', fullName3],
  [40, 'fullName4', 'Full name 4', 'text', fullName4],
  [41, 'fullName5', 'Full name 5', 'text', fullName5],
  [42, 'status', 'Status', 'status', (v) => v.person.status],
  [43, 'employmentHistoryStatus', 'Employment Status', 'list', statusName],
  [44, 'terminationDate', 'Termination Date', 'date', (v) => v.person.terminationDate],
  [45, 'originalHireDate', 'Original hire date', 'date', (v) => v.person.originalHireDate],
  [46, 'lastChanged', 'Last changed', 'timestamp', (v) => v.person.lastChanged],
  [47, 'createdByUserId', 'Created by user', 'int', none],
  [48, 'supervisor', 'Reporting to', 'employee', managerName],
  [49, 'supervisorEId', 'Supervisor EID', 'int', managerId],
  [
    50,
    'supervisorId',
    'Supervisor employee number',
    'text',
    (v) => v.manager?.employeeNumber ?? null,
  ],
  [51, 'supervisorEmail', 'Supervisor email', 'email', (v) => v.manager?.workEmail ?? null],
  [52, 'linkedIn', 'LinkedIn URL', 'text', linkedIn],
  [53, 'twitterFeed', 'Twitter Feed', 'text', none],
  [54, 'facebook', 'Facebook URL', 'text', none],
  [55, 'isPhotoUploaded', 'Photo uploaded', 'bool', (v) => String(photoUrl(v) !== null)],
  [56, 'photoUrl', 'Photo URL', 'text', photoUrl],
  [57, 'age', 'Age', 'int', age],
  [58, 'birthday', 'Birthday', 'text', (v) => v.person.dateOfBirth.slice(5)],
  // "The 2 character abbreviation for the employee's state (US only)".
  [
    59,
    'stateCode',
    'State code',
    'text',
    (v) => (v.person.address.country === 'US' ? v.person.address.state : null),
  ],
  [60, 'workPhonePlusExtension', 'Work phone and extension', 'text', phonePlusExtension],
  [61, 'standardHoursPerWeek', 'Standard hours per week', 'int', hoursPerWeek],
  [62, 'eeo', 'EEO Job Category', 'list', none],
  [63, 'ethnicity', 'Ethnicity', 'list', none],
  [64, 'nationality', 'Nationality', 'list', none],
  [65, 'acaStatusCategory', 'ACA Status', 'list', none],
  [66, 'acaStatus', 'ACA Status (deprecated)', 'list', none, true, true],
  [67, 'flsaCode', 'FLSA Code', 'list', (v) => v.comp.exempt, true, true],
  [68, 'bonusAmount', 'Bonus amount', 'currency', none],
  [69, 'bonusDate', 'Bonus date', 'date', none],
  [70, 'bonusReason', 'Bonus reason', 'list', none],
  [71, 'bonusComment', 'Bonus comment', 'text', none],
  [72, 'commissionAmount', 'Commission amount', 'currency', none],
  [73, 'commissionDate', 'Commission date', 'date', none],
  [74, 'commissionComment', 'Commission comment', 'text', none],
  [75, 'payGroup', 'Pay group', 'list', none],
  [76, 'includeInPayroll', 'Include in payroll', 'bool', none],
  [77, 'timeTrackingEnabled', 'Time tracking enabled', 'bool', none],
  [154, 'gender', 'Gender', 'gender', (v) => v.person.gender],
  [155, 'maritalStatus', 'Marital Status', 'marital_status', (v) => v.person.maritalStatus],
  [1355, 'division', 'Division', 'list', divisionName],
  // Names of the newer endpoints (List Employees `fields`, Get Employee response schema).
  [4901, 'jobTitleName', 'Job title name', 'text', jobTitleName, false],
  [4902, 'jobTitleId', 'Job title id', 'int', (v) => str(v.job.jobTitleId), false],
  [4903, 'departmentName', 'Department name', 'text', departmentName, false],
  [4904, 'departmentId', 'Department id', 'int', (v) => str(v.job.departmentId), false],
  [4905, 'divisionName', 'Division name', 'text', divisionName, false],
  [4906, 'divisionId', 'Division id', 'int', (v) => str(v.job.divisionId), false],
  [4907, 'locationName', 'Location name', 'text', locationName, false],
  [4908, 'locationId', 'Location id', 'int', (v) => str(v.job.locationId), false],
  [4909, 'employmentStatus', 'Employment status', 'text', statusName, false],
  [4910, 'employmentStatusName', 'Employment status name', 'text', statusName, false],
  [4911, 'employmentStatusId', 'Employment status id', 'int', statusId, false],
  [4912, 'reportsToName', 'Reports to', 'employee', managerName, false],
  [4913, 'reportsToId', 'Reports to id', 'int', managerId, false],
  [4914, 'birthDate', 'Birth date', 'date', birthDate, false],
  [4915, 'marital', 'Marital status', 'text', (v) => v.person.maritalStatus, false],
  [4916, 'payPeriod', 'Pay period', 'text', paidPer, false],
  [4917, 'payPer', 'Pay per', 'text', paidPer, false],
  [4918, 'linkedinUrl', 'LinkedIn URL', 'text', linkedIn, false],
  [4919, 'skypeUsername', 'Skype username', 'text', none, false],
  [4920, 'facebookUrl', 'Facebook URL', 'text', none, false],
  [4921, 'instagramUrl', 'Instagram URL', 'text', none, false],
  [4922, 'twitterUrl', 'Twitter URL', 'text', none, false],
  [4923, 'pinterestUrl', 'Pinterest URL', 'text', none, false],
  [
    4924,
    'payTypeId',
    'Pay type id',
    'int',
    (v) => str(optionId(PAY_TYPE_OPTIONS, v.comp.payType)),
    false,
  ],
  [4925, 'payFrequencyId', 'Pay frequency id', 'int', payFrequencyId, false],
];

function fullName3(v: PersonView): string {
  const p = v.person;
  const middle = p.middleName ? ` ${p.middleName}` : '';
  const preferred = p.preferredName ? ` (${p.preferredName})` : '';
  return `${p.lastName}, ${p.firstName}${middle}${preferred}`;
}

function fullName4(v: PersonView): string {
  const p = v.person;
  return `${p.lastName}, ${p.firstName}${p.middleName ? ` ${p.middleName}` : ''}`;
}

function fullName5(v: PersonView): string {
  const p = v.person;
  return `${p.firstName}${p.middleName ? ` ${p.middleName}` : ''} ${p.lastName}`;
}

function phonePlusExtension(v: PersonView): string | null {
  const { workPhone, workPhoneExtension } = v.person;
  if (workPhone === null) return null;
  return workPhoneExtension ? `${workPhone} x${workPhoneExtension}` : workPhone;
}

function payFrequencyId(v: PersonView): string | null {
  return str(optionId(PAY_FREQUENCY_OPTIONS, v.comp.payFrequency));
}

export const STANDARD_FIELDS: readonly StandardField[] = ROWS.map(
  ([id, alias, name, type, read, inMeta = true, deprecated = false]) => ({
    id,
    alias,
    name,
    type,
    inMeta,
    ...(deprecated ? { deprecated } : {}),
    read,
  }),
);
