/**
 * Rows of the standard tables (reference §3.2) projected from the synthetic company. List values
 * are option text and employee references "First Last" [DOC-FIELD-TYPES]. Currency follows the
 * reference's recommendation (§3.3): `{value, currency}` on /employees/{id}/tables/compensation,
 * `"56.00 USD"` on /employees/changed/tables/compensation.
 */
import type { Person, SyntheticCompany } from '../../../company/types.js';
import { emergencyContactRows } from './contacts.js';

export type TableValue = string | null | { value: string; currency: string };
export type TableRow = Record<string, TableValue>;
export type CurrencyStyle = 'object' | 'string';

const TABLES = ['jobInfo', 'employmentStatus', 'compensation', 'emergencyContacts'] as const;
export type TableName = (typeof TABLES)[number];

/** Table aliases are case-sensitive, as BambooHR's are. */
export function isTableName(name: string): name is TableName {
  return (TABLES as readonly string[]).includes(name);
}

function nameOf(list: ReadonlyArray<{ id: number; name: string }>, id: number): string | null {
  return list.find((item) => item.id === id)?.name ?? null;
}

function money(amount: string, currency: string, style: CurrencyStyle): TableValue {
  return style === 'object' ? { value: amount, currency } : `${amount} ${currency}`;
}

function jobInfoRows(company: SyntheticCompany, person: Person): TableRow[] {
  return person.jobHistory.map(function jobRow(row): TableRow {
    const manager = row.managerId === null ? undefined : company.person(row.managerId);
    return {
      date: row.effectiveDate,
      location: nameOf(company.locations, row.locationId),
      division: nameOf(company.divisions, row.divisionId),
      department: nameOf(company.departments, row.departmentId),
      jobTitle: nameOf(company.jobTitles, row.jobTitleId),
      reportsTo: manager ? `${manager.firstName} ${manager.lastName}` : null,
      rowId: String(row.id),
    };
  });
}

function statusRows(person: Person): TableRow[] {
  return person.statusHistory.map((row) => ({
    date: row.effectiveDate,
    employmentStatus: row.status,
    terminationTypeId: row.terminationType,
    terminationReasonId: row.terminationReason,
    terminationRehireId: row.rehireEligible,
    comment: row.comment,
    rowId: String(row.id),
  }));
}

/** Overtime at time and a half for non-exempt hourly pay; other rows have none. */
function overtime(amount: string, hourly: boolean, exempt: string): string | null {
  if (!hourly || exempt !== 'Non-exempt') return null;
  return (Math.round(Number(amount) * 150) / 100).toFixed(2);
}

function compensationRows(person: Person, style: CurrencyStyle): TableRow[] {
  return person.compensationHistory.map(function compensationRow(row): TableRow {
    const overtimeRate = overtime(row.amount, row.payType === 'Hourly', row.exempt);
    return {
      startDate: row.effectiveDate,
      // Only payroll (TRAX) companies fill endDate.
      endDate: null,
      rate: money(row.amount, row.currency, style),
      type: row.payType,
      exempt: row.exempt,
      reason: row.reason,
      comment: row.comment,
      paidPer: row.paidPer,
      paySchedule: row.payFrequency,
      overtimeRate: overtimeRate === null ? null : money(overtimeRate, row.currency, style),
      rowId: String(row.id),
    };
  });
}

/**
 * The table's rows for one person, each carrying its own row id under `rowId` for the caller to
 * place (`id` on the per-employee endpoint, nothing on the changed endpoint).
 */
export function tableRows(
  company: SyntheticCompany,
  person: Person,
  table: TableName,
  style: CurrencyStyle,
): TableRow[] {
  switch (table) {
    case 'jobInfo':
      return jobInfoRows(company, person);
    case 'employmentStatus':
      return statusRows(person);
    case 'compensation':
      return compensationRows(person, style);
    case 'emergencyContacts':
      return emergencyContactRows(company, person);
  }
}
