/**
 * Where each field lives in BambooHR's UI: a page (tab) and, for history fields, a table. Datasets
 * report it as `parentType`/`parentName`/`entityName` (spec Field), webhook post-fields as
 * `pageId`/`tableId` (spec WebHookPostFieldDataObject). Ids are the sandbox's own.
 */
import type { FieldDef } from '../../fields.js';

export interface Page {
  readonly id: number;
  readonly name: string;
  readonly entityName: string;
}

export interface Table {
  readonly id: number;
  readonly name: string;
  /** The table alias of /v1/employees/{id}/tables/{alias}. */
  readonly alias: string;
}

export const PAGES: readonly Page[] = [
  { id: 1, name: 'Personal', entityName: 'personal' },
  { id: 2, name: 'Job', entityName: 'job' },
  { id: 3, name: 'Additional Information', entityName: 'customFields' },
];

export const TABLES: readonly Table[] = [
  { id: 1, name: 'Job Information', alias: 'jobInfo' },
  { id: 2, name: 'Employment Status', alias: 'employmentStatus' },
  { id: 3, name: 'Compensation', alias: 'compensation' },
];

const JOB_INFO = /^(jobTitle|department|division|location|supervisor|reportsTo)/;
const EMPLOYMENT_STATUS = /^(employmentHistoryStatus|employmentStatus)/;
const COMPENSATION = /^(pay|paidPer|exempt|flsaCode)/;
const JOB_PAGE = new Set([
  'hireDate',
  'originalHireDate',
  'terminationDate',
  'employeeNumber',
  'workEmail',
  'workPhone',
  'workPhoneExtension',
  'workPhonePlusExtension',
  'standardHoursPerWeek',
  'eeo',
  'acaStatusCategory',
  'acaStatus',
  'payGroup',
  'includeInPayroll',
  'timeTrackingEnabled',
]);

export interface Section {
  readonly page: Page;
  readonly table: Table | null;
}

function tableOf(alias: string): Table | null {
  if (JOB_INFO.test(alias)) return TABLES[0] ?? null;
  if (EMPLOYMENT_STATUS.test(alias)) return TABLES[1] ?? null;
  if (COMPENSATION.test(alias)) return TABLES[2] ?? null;
  return null;
}

export function sectionOf(def: FieldDef): Section {
  const [personal, job, custom] = PAGES as [Page, Page, Page];
  if (def.kind === 'custom') return { page: custom, table: null };
  const table = tableOf(def.alias);
  if (table || JOB_PAGE.has(def.alias)) return { page: job, table };
  return { page: personal, table: null };
}
