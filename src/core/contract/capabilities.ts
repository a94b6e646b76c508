import type { EmployeeField } from '../model.js';
import type { EmployeeFilterName, EmployeeOrderField, PageDirection } from './employee-list.js';

/** Which unified fields and objects an account's provider can supply at all. */
export interface Capabilities {
  readonly employeeFields: readonly EmployeeField[];
  readonly employments: boolean;
  readonly compensations: boolean;
  readonly statusHistory: boolean;
  readonly timeOff: boolean;
  readonly timeOffBalances: boolean;
  readonly groups: boolean;
  readonly locations: boolean;
  readonly customFields: boolean;
  readonly filters: readonly EmployeeFilterName[];
  readonly orders: readonly EmployeeOrderField[];
  /** Most records one page may carry. */
  readonly maxPageSize: number;
  /**
   * The directions the provider's own cursor can walk. A forward-only cursor cannot serve
   * `last`/`before`; the connection says so instead of reading the whole list to find its end.
   */
  readonly pagingDirections: readonly PageDirection[];
}
