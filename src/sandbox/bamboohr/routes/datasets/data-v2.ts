/**
 * POST /v2/datasets/{name}/data (spec get-data-from-dataset-v2, reference §2.9): `fields`
 * (required), an OData-style `filter`, `orderBy` over requested fields, `page` (from 1) and
 * `pageSize` (default 100, max 1000) in the body; `{data:[{fields}], links, meta}` back.
 *
 * Statuses, per the spec's list: a malformed body or unknown field is 400; more than
 * {@link MAX_DATASET_FIELDS} fields is 413 ("the request produced too much data"); a bad
 * filter, order or page is 422.
 */
import type { ProblemDetails } from '../../respond.js';
import type { Dataset, DatasetField } from './catalog.js';
import { compileFilter } from './filter-eval.js';
import { filterFields, parseFilter } from './odata-filter.js';
import { type QueryPlan, recordOf, type SortKey, selectPeople } from './query.js';

/**
 * The spec gives datasets no field limit of their own, only a 413 for too much data; 400 is
 * BambooHR's general per-request ceiling (Get Employee, custom reports), used here too.
 */
export const MAX_DATASET_FIELDS = 400;

export interface DataV2Body {
  data: Array<{ fields: Record<string, string> }>;
  links: { next: string | null; prev: string | null };
  meta: { page: number; pageSize: number; totalPages: number; totalItems: number };
}

export type DataV2Result =
  | { readonly ok: true; readonly body: DataV2Body }
  | { readonly ok: false; readonly status: 400 | 413 | 422; readonly problem: ProblemDetails };

function fail(
  status: 400 | 413 | 422,
  code: string,
  detail: string,
  fields?: Record<string, string>,
): DataV2Result {
  const title =
    status === 400 ? 'Bad Request' : status === 413 ? 'Payload Too Large' : 'Unprocessable Entity';
  return { ok: false, status, problem: { title, detail, code, ...(fields ? { fields } : {}) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pageValue(value: unknown, fallback: number, max: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
    ? (value as number)
    : undefined;
}

function parseOrderBy(
  text: string,
  requested: ReadonlySet<string>,
  dataset: Dataset,
): SortKey[] | string {
  const keys: SortKey[] = [];
  for (const part of text.split(',')) {
    const [name, direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const dir = direction.toLowerCase();
    if (!name || rest.length > 0 || (dir !== 'asc' && dir !== 'desc'))
      return `Invalid orderBy clause: '${part.trim()}'`;
    const field = dataset.field(name);
    if (!field || !requested.has(name)) return `orderBy field '${name}' must also appear in fields`;
    keys.push({ field, descending: dir === 'desc' });
  }
  return keys;
}

/** Validates the body and runs the query; `link(page)` makes the absolute `links` URLs. */
export function queryDataV2(
  dataset: Dataset,
  body: unknown,
  link: (page: number, pageSize: number) => string,
): DataV2Result {
  if (!isRecord(body))
    return fail(400, 'INVALID_REQUEST_BODY', 'The request body must be a JSON object');
  const names = body.fields;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    return fail(
      400,
      'INVALID_REQUEST_BODY',
      'fields is required: a non-empty array of field names',
    );
  }
  if (names.length > MAX_DATASET_FIELDS) {
    return fail(
      413,
      'TOO_MANY_FIELDS',
      `At most ${MAX_DATASET_FIELDS} fields may be requested at once`,
    );
  }
  const unknown = names.filter((name) => !dataset.field(name));
  if (unknown.length > 0) {
    const fields = Object.fromEntries(unknown.map((name) => [name, 'Unknown field']));
    return fail(400, 'INVALID_FIELDS', `Unknown fields: ${unknown.join(', ')}`, fields);
  }
  const page = pageValue(body.page, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = pageValue(body.pageSize, 100, 1000);
  if (page === undefined)
    return fail(422, 'INVALID_PAGINATION', 'page must be an integer of at least 1');
  if (pageSize === undefined)
    return fail(422, 'INVALID_PAGINATION', 'pageSize must be an integer from 1 to 1000');

  let predicate: QueryPlan['predicate'] = null;
  let readFields: DatasetField[] = [];
  if (body.filter !== undefined && body.filter !== null) {
    if (typeof body.filter !== 'string')
      return fail(422, 'INVALID_FILTER', 'filter must be a string');
    const parsed = parseFilter(body.filter);
    if (!parsed.ok) return fail(422, 'INVALID_FILTER', `Invalid filter: ${parsed.message}`);
    const used = [...new Set(filterFields(parsed.node))];
    const missing = used.filter((name) => !dataset.field(name));
    if (missing.length > 0) {
      const fields = Object.fromEntries(missing.map((name) => [name, 'Unknown field']));
      return fail(422, 'INVALID_FILTER', `Unknown filter fields: ${missing.join(', ')}`, fields);
    }
    readFields = used.map((name) => dataset.field(name) as DatasetField);
    predicate = compileFilter(parsed.node);
  }
  let sort: SortKey[] = [];
  if (body.orderBy !== undefined && body.orderBy !== null && body.orderBy !== '') {
    if (typeof body.orderBy !== 'string')
      return fail(422, 'INVALID_ORDER_BY', 'orderBy must be a string');
    const parsed = parseOrderBy(body.orderBy, new Set(names as string[]), dataset);
    if (typeof parsed === 'string') return fail(422, 'INVALID_ORDER_BY', parsed);
    sort = parsed;
  }

  const people = selectPeople({ dataset, filterFields: readFields, predicate, sort });
  const totalPages = Math.ceil(people.length / pageSize);
  const requested = (names as string[]).map((name) => dataset.field(name) as DatasetField);
  const data = people
    .slice((page - 1) * pageSize, page * pageSize)
    .map((person) => ({ fields: recordOf(dataset, person, requested, '') }));
  return {
    ok: true,
    body: {
      data,
      links: {
        next: page < totalPages ? link(page + 1, pageSize) : null,
        prev: page > 1 && totalPages > 0 ? link(Math.min(page - 1, totalPages), pageSize) : null,
      },
      meta: { page, pageSize, totalPages, totalItems: people.length },
    },
  };
}
