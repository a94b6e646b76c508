/** The employee list's vocabulary: filters, orders and native pages, in provider-neutral terms. */
import type { RemoteId } from '../ids.js';

export type EmployeeStatusFilter = 'ACTIVE' | 'INACTIVE';

export interface EmployeeFilter {
  readonly status?: EmployeeStatusFilter;
  /** Case-insensitive substring of the first or last name. */
  readonly firstName?: string;
  readonly lastName?: string;
  readonly jobTitle?: string;
  /** Department remote ids. */
  readonly departments?: readonly RemoteId[];
  readonly ids?: readonly RemoteId[];
  /** Employees whose current manager is one of these (direct reports). */
  readonly managers?: readonly RemoteId[];
}

export type EmployeeFilterName = keyof EmployeeFilter;

export type EmployeeOrderField = 'REMOTE_ID' | 'FIRST_NAME' | 'LAST_NAME' | 'JOB_TITLE' | 'STATUS';

export interface EmployeeOrder {
  readonly field: EmployeeOrderField;
  readonly direction: 'ASC' | 'DESC';
}

export type PageDirection = 'forward' | 'backward';

/** A page request in the provider's own terms; `native` is the provider's cursor, opaque here. */
export interface NativePageRequest {
  readonly direction: PageDirection;
  readonly limit: number;
  /** Where to start; null for the first (forward) or last (backward) page. */
  readonly native: string | null;
}

export interface NativePage<T> {
  readonly records: readonly T[];
  /** Cursor of the page after this one, null at the end. */
  readonly next: string | null;
  /** Cursor of the page before this one, null at the start. */
  readonly prev: string | null;
  readonly totalCount: number | null;
}
