/**
 * `POST /people/search`: the one read of employee records. It has no paging (one call answers
 * everyone the service user can see), narrows each record to the field ids in `fields`, takes one
 * filter (`root.id` or `root.email` equals any of `values`), and leaves out people no longer
 * employed unless `showInactive`.
 */
import type { CallContext, ProviderKey } from '../../core/contract/index.js';
import type { HibobClient } from './client.js';
import { ID_KEY } from './fields.js';
import { type Json, shapes } from './shapes.js';

export interface SearchParams {
  readonly keys: readonly ProviderKey[];
  /** Only these employees (the `root.id` filter). */
  readonly ids?: readonly string[];
  readonly showInactive: boolean;
}

export async function searchPeople(
  client: HibobClient,
  operation: 'hibob.people.search' | 'hibob.people.byIds',
  params: SearchParams,
  ctx: CallContext,
): Promise<readonly Json[]> {
  // `root.id` always: without it a record could not be told apart, and `fields` replaces the
  // default set entirely.
  const fields = [...new Set([ID_KEY, ...params.keys])];
  const body = await client.call<{ employees: Json[] }>(operation, '/people/search', ctx, {
    body: {
      fields,
      ...(params.ids
        ? { filters: [{ fieldPath: ID_KEY, operator: 'equals', values: params.ids }] }
        : {}),
      showInactive: params.showInactive,
    },
    shape: shapes.employees,
    fields: fields.length,
    ids: params.ids?.length ?? 0,
  });
  return body.employees;
}
