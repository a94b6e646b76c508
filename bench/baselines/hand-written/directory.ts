/**
 * Directory by hand: BambooHR's own list, page by page, with the extra fields named in `fields`
 * so one call per page carries all twelve.
 */
import {
  listEndpointBaseNames,
  listEndpointNames,
} from '../../../src/providers/bamboohr/fields.js';
import type { HandApi } from './api.js';

export interface ListPage {
  readonly data: readonly Record<string, unknown>[];
  readonly meta: { readonly page: { readonly nextCursor: string | null } };
}

/** The list call's names for BambooHR field keys, and the ones it must be asked for. */
export function listFieldsParam(keys: readonly string[]): string {
  return keys
    .map((key) => listEndpointNames[key])
    .filter((name): name is string => name !== undefined && !listEndpointBaseNames.has(name))
    .join(',');
}

export function listPage(
  api: HandApi,
  limit: number,
  keys: readonly string[],
  after: string | null,
  sort = 'employeeId',
) {
  return api.get<ListPage>('/v1/employees', {
    sort,
    'page[limit]': limit,
    'page[after]': after ?? undefined,
    fields: listFieldsParam(keys) || undefined,
  });
}

/** The first `people` employees, `pageSize` at a time; resolves to the rows. */
export async function handDirectory(
  api: HandApi,
  people: number,
  pageSize: number,
  keys: readonly string[],
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let after: string | null = null;
  do {
    const page: ListPage = await listPage(api, pageSize, keys, after);
    rows.push(...page.data);
    after = page.meta.page.nextCursor;
  } while (after !== null && rows.length < people);
  return rows;
}
