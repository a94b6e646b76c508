/**
 * The saved reports every sandbox company has, for GET /v1/custom-reports, /v1/custom-reports/{id}
 * and the deprecated GET /v1/reports/{id}. Ids are the sandbox's own.
 */
import type { Person } from '../../../company/types.js';

export interface SavedReport {
  readonly id: number;
  readonly name: string;
  readonly fields: readonly string[];
  /** Which people the report lists; every one when absent. */
  readonly people?: (person: Person) => boolean;
}

const IDENTITY = ['employeeNumber', 'firstName', 'lastName'];

export const SAVED_REPORTS: readonly SavedReport[] = [
  {
    id: 1,
    name: 'Employee Roster',
    fields: [
      ...IDENTITY,
      'jobTitle',
      'department',
      'division',
      'location',
      'supervisor',
      'workEmail',
      'hireDate',
      'status',
    ],
    people: (person) => person.status === 'Active',
  },
  {
    id: 2,
    name: 'Compensation Summary',
    fields: [
      ...IDENTITY,
      'payRate',
      'payType',
      'paidPer',
      'payFrequency',
      'payRateEffectiveDate',
      'exempt',
    ],
    people: (person) => person.status === 'Active',
  },
  {
    id: 3,
    name: 'Terminations',
    fields: [...IDENTITY, 'department', 'hireDate', 'terminationDate', 'employmentHistoryStatus'],
    people: (person) => person.status === 'Inactive',
  },
];

export function savedReport(id: string): SavedReport | undefined {
  return SAVED_REPORTS.find((report) => String(report.id) === id);
}
