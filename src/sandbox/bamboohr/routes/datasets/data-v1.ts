/**
 * The deprecated POST /v1/datasets/{name}?page=&page_size= (spec get-data-from-dataset-v1): a
 * DataRequest body with `fields`, `filters`, `sortBy`, `groupBy` (one field; `data` becomes an
 * object keyed by group value), `aggregations`; `{data, aggregations, pagination}` back. Paging
 * follows the v1 rules (500 per page, max 1000, clamped). Errors are 400s with a text message.
 */
import { paginateV1, type V1Pagination } from '../reports/pagination.js';
import type { Dataset, DatasetField } from './catalog.js';
import { MAX_DATASET_FIELDS } from './data-v2.js';
import { recordOf, type SortKey, selectPeople } from './query.js';
import { parseV1Filters } from './v1-filters.js';

type Row = Record<string, string | null>;

export interface DataV1Body {
  data: Row[] | Record<string, Row[]>;
  aggregations: Array<{
    field: string;
    aggregationType: string;
    groups: Record<string, number | string | null>;
    all: number | string | null;
  }>;
  pagination: V1Pagination;
}

export type DataV1Result =
  | { readonly ok: true; readonly body: DataV1Body }
  | { readonly ok: false; readonly message: string };

const AGGREGATIONS = new Set(['count', 'sum', 'avg', 'min', 'max']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function aggregate(kind: string, values: readonly (string | null)[]): number | string | null {
  const present = values.filter((v): v is string => v !== null && v !== '');
  if (kind === 'count') return present.length;
  if (kind === 'min' || kind === 'max') {
    const sorted = [...present].sort((a, b) =>
      Number.isNaN(Number(a)) ? a.localeCompare(b) : Number(a) - Number(b),
    );
    return (kind === 'min' ? sorted[0] : sorted[sorted.length - 1]) ?? null;
  }
  const numbers = present.map(Number).filter((n) => !Number.isNaN(n));
  const sum = numbers.reduce((a, b) => a + b, 0);
  if (kind === 'sum') return sum;
  return numbers.length === 0 ? null : Math.round((sum / numbers.length) * 100) / 100;
}

function aggregationKinds(
  spec: unknown,
  fields: readonly string[],
): Array<[string, string]> | string {
  if (spec === undefined || spec === null) return [];
  if (!isRecord(spec)) return 'aggregations must be an object';
  const kinds = new Map<string, string>();
  const fallback = spec.defaultAggregation;
  if (typeof fallback === 'string') for (const field of fields) kinds.set(field, fallback);
  for (const override of Array.isArray(spec.overridingAggregations)
    ? spec.overridingAggregations
    : []) {
    if (!isRecord(override)) return 'overridingAggregations must hold {field: aggregation} objects';
    for (const [field, kind] of Object.entries(override)) kinds.set(field, String(kind));
  }
  for (const kind of kinds.values())
    if (!AGGREGATIONS.has(kind)) return `Unknown aggregation: ${kind}`;
  return [...kinds.entries()];
}

export interface DataV1Query {
  readonly page: string | undefined;
  readonly pageSize: string | undefined;
  /** Absolute URL of the endpoint, for pagination links. */
  readonly url: string;
  readonly today: string;
}

export function queryDataV1(dataset: Dataset, body: unknown, query: DataV1Query): DataV1Result {
  if (!isRecord(body) || !Array.isArray(body.fields) || body.fields.length === 0) {
    return { ok: false, message: 'fields or groupBy missing' };
  }
  const names = body.fields.map(String);
  if (names.length > MAX_DATASET_FIELDS)
    return { ok: false, message: `At most ${MAX_DATASET_FIELDS} fields` };
  const unknown = names.filter((name) => !dataset.field(name));
  if (unknown.length > 0) return { ok: false, message: `Unknown fields: ${unknown.join(', ')}` };
  const requested = names.map((name) => dataset.field(name) as DatasetField);

  const filters = parseV1Filters(body.filters, dataset, query.today);
  if (!filters.ok) return filters;
  const sort: SortKey[] = [];
  for (const rule of Array.isArray(body.sortBy) ? body.sortBy : []) {
    const field =
      isRecord(rule) && typeof rule.field === 'string' ? dataset.field(rule.field) : undefined;
    if (
      !field ||
      !isRecord(rule) ||
      (rule.sort !== undefined && rule.sort !== 'asc' && rule.sort !== 'desc')
    ) {
      return { ok: false, message: 'Invalid sortBy rule' };
    }
    sort.push({ field, descending: rule.sort === 'desc' });
  }
  const groupBy =
    Array.isArray(body.groupBy) && body.groupBy.length > 0 ? String(body.groupBy[0]) : null;
  if (groupBy !== null && !names.includes(groupBy))
    return { ok: false, message: 'groupBy field must be in fields' };
  const kinds = aggregationKinds(body.aggregations, names);
  if (typeof kinds === 'string') return { ok: false, message: kinds };

  const people = selectPeople({
    dataset,
    filterFields: filters.fields,
    predicate: filters.predicate,
    sort,
  });
  const page = paginateV1(people, query.page, query.pageSize, query.url);
  const rows = page.items.map((person) => recordOf(dataset, person, requested, null));
  const group = (row: Row): string => row[groupBy as string] ?? '';
  const data: DataV1Body['data'] = groupBy === null ? rows : groupRows(rows, group);
  const aggregations = kinds.map(([field, kind]) => {
    const groups: Record<string, number | string | null> = {};
    if (groupBy !== null) {
      for (const [key, members] of Object.entries(groupRows(rows, group))) {
        groups[key] = aggregate(
          kind,
          members.map((row) => row[field] ?? null),
        );
      }
    }
    return {
      field,
      aggregationType: kind,
      groups,
      all: aggregate(
        kind,
        rows.map((row) => row[field] ?? null),
      ),
    };
  });
  return { ok: true, body: { data, aggregations, pagination: page.pagination } };
}

function groupRows(rows: readonly Row[], key: (row: Row) => string): Record<string, Row[]> {
  const groups: Record<string, Row[]> = {};
  for (const row of rows) {
    const name = key(row);
    const members = groups[name] ?? [];
    members.push(row);
    groups[name] = members;
  }
  return groups;
}
