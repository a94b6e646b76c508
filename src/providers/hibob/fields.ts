/**
 * HiBob's employee record as keys. A key of a `POST /people/search` record is its field id, the
 * path Bob's `fields` takes (`root.firstName`, `work.title`, a custom field's
 * `category_<n>.field_<id>`); an employee table is `table@<name>` (`table@work`), read by the
 * bulk endpoints; time off in a window is `timeOff@<start>/<end>`.
 */
import { argumentKey, keyArgument, type ProviderKey } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';

/** The record's own id. */
export const ID_KEY = 'root.id';

/** Standard fields hrgraph knows without reading the account's field catalogue. */
export const standardFields: readonly string[] = [
  'root.id',
  'root.companyId',
  'root.firstName',
  'root.secondName',
  'root.surname',
  'root.displayName',
  'root.fullName',
  'root.email',
  'root.avatarUrl',
  'root.creationDateTime',
  'work.title',
  'work.department',
  'work.site',
  'work.siteId',
  'work.reportsTo',
  'work.startDate',
  'work.originalStartDate',
  'work.employeeIdInCompany',
  'work.workPhone',
  'work.workMobile',
  'internal.status',
  'internal.lifecycleStatus',
  'internal.terminationDate',
];

/** What `remoteData` returns unasked: the standard fields. */
export const defaultRawFields: readonly string[] = standardFields;

/** HiBob fields behind each unified field it supplies; the rest are null at no cost. */
export const employeeFieldSources: Readonly<Partial<Record<EmployeeField, readonly string[]>>> = {
  employeeNumber: ['work.employeeIdInCompany'],
  firstName: ['root.firstName'],
  middleName: ['root.secondName'],
  lastName: ['root.surname'],
  displayName: ['root.displayName'],
  workEmail: ['root.email'],
  workPhone: ['work.workPhone'],
  mobilePhone: ['work.workMobile'],
  jobTitle: ['work.title'],
  department: ['work.department'],
  location: ['work.siteId'],
  manager: ['work.reportsTo'],
  employmentStatus: ['internal.status', 'internal.lifecycleStatus'],
  startDate: ['work.startDate'],
  hireDate: ['work.startDate'],
  terminationDate: ['internal.terminationDate'],
  avatarUrl: ['root.avatarUrl'],
  createdAt: ['root.creationDateTime'],
};

export type TableName = 'work' | 'employment' | 'salaries' | 'lifecycle';

/** The key one employee table is stored under: `table@work`. */
export const tableKey = (table: TableName): ProviderKey => argumentKey('table', table);

/** Whether a key is a field of a search record (not a table, not time off). */
export const isSearchKey = (key: ProviderKey) => keyArgument(key) === null;
