/**
 * `GET /v1/company/employees`: one window of the list (`offset` is an item index, `limit` at most
 * 100), narrowed with `attributes[]` to the keys asked, with the list's length from
 * `metadata.total_elements`. Also the read behind the org lookup (every page, two attributes).
 */
import type { CallContext, ProviderKey } from '../../core/contract/index.js';
import type { PersonioClient } from './client.js';
import { attributesFor } from './fields.js';
import { type Json, shapes } from './shapes.js';

/** "limit may be at most 100" since 31 January 2025 (pagination adoption guide). */
export const PERSONIO_MAX_LIMIT = 100;

export interface EmployeeWindow {
  readonly rows: readonly Json[];
  /** Employees in the whole list. */
  readonly total: number;
}

interface EmployeesBody {
  readonly data: Json[];
  readonly metadata: { readonly total_elements: number };
}

export async function readEmployeeWindow(
  client: PersonioClient,
  window: { readonly offset: number; readonly limit: number },
  attributes: readonly string[],
  ctx: CallContext,
  operation = 'personio.employees',
): Promise<EmployeeWindow> {
  const body = await client.get<EmployeesBody>('v1', operation, '/v1/company/employees', ctx, {
    query: {
      limit: window.limit,
      offset: window.offset,
      // Without attributes[] Personio sends every attribute the credential may read: a page
      // that needs no attribute asks for the id alone.
      'attributes[]': attributes.length > 0 ? attributes : ['id'],
    },
    shape: shapes.employees,
  });
  return { rows: body!.data, total: body!.metadata.total_elements };
}

export const attributesOf = (keys: readonly ProviderKey[]) => attributesFor(keys);
