/**
 * The `filters` of the deprecated POST /v1/datasets/{name} (spec DataRequest): `{match: all|any,
 * filters: [{field, operator, value}]}` with the operators the spec lists by field type. Relative
 * operators (`last`, `next`) count days back or forward from the company's today; `value` is a
 * number of days or "N days|weeks|months|years".
 */
import { addDays } from '../changed/since.js';
import type { Dataset, DatasetField } from './catalog.js';
import { compareValues, type RowPredicate } from './query.js';

const OPERATORS = new Set([
  'contains',
  'does_not_contain',
  'equal',
  'not_equal',
  'empty',
  'not_empty',
  'lt',
  'lte',
  'gt',
  'gte',
  'last',
  'next',
  'range',
  'checked',
  'not_checked',
  'includes',
  'does_not_include',
]);

type Condition = (value: string | null) => boolean;

export type V1FilterResult =
  | { readonly ok: true; readonly fields: DatasetField[]; readonly predicate: RowPredicate | null }
  | { readonly ok: false; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function days(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const m =
    typeof value === 'string' ? /^\s*(\d+)\s*(day|week|month|year)?s?\s*$/i.exec(value) : null;
  if (!m) return undefined;
  const unit = { day: 1, week: 7, month: 30, year: 365 }[(m[2] ?? 'day').toLowerCase() as 'day'];
  return Number(m[1]) * unit;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).toLowerCase();
}

function condition(operator: string, value: unknown, today: string): Condition | string {
  const empty = (v: string | null): boolean => v === null || v === '';
  const cmp = (v: string | null): number | null =>
    empty(v) ? null : compareValues(v, String(value));
  switch (operator) {
    case 'contains':
      return (v) => text(v).includes(text(value));
    case 'does_not_contain':
      return (v) => !text(v).includes(text(value));
    case 'equal':
      return (v) => text(v) === text(value);
    case 'not_equal':
      return (v) => text(v) !== text(value);
    case 'empty':
      return empty;
    case 'not_empty':
      return (v) => !empty(v);
    case 'lt':
      return (v) => (cmp(v) ?? 0) < 0;
    case 'lte':
      return (v) => cmp(v) !== null && (cmp(v) as number) <= 0;
    case 'gt':
      return (v) => (cmp(v) ?? 0) > 0;
    case 'gte':
      return (v) => cmp(v) !== null && (cmp(v) as number) >= 0;
    case 'checked':
      return (v) => ['yes', 'true', '1', 'checked'].includes(text(v));
    case 'not_checked':
      return (v) => !['yes', 'true', '1', 'checked'].includes(text(v));
    case 'includes':
    case 'does_not_include': {
      if (!Array.isArray(value)) return `${operator} needs an array value`;
      const options = value.map(text);
      return operator === 'includes'
        ? (v) => options.includes(text(v))
        : (v) => !options.includes(text(v));
    }
    case 'range': {
      const [from, to] = Array.isArray(value)
        ? value
        : isRecord(value)
          ? [value.start, value.end]
          : [];
      if (typeof from !== 'string' || typeof to !== 'string')
        return 'range needs a [start, end] value';
      return (v) => !empty(v) && compareValues(v, from) >= 0 && compareValues(v, to) <= 0;
    }
    default: {
      const n = days(value);
      if (n === undefined) return `${operator} needs a number of days`;
      const [from, to] =
        operator === 'last' ? [addDays(today, -n), today] : [today, addDays(today, n)];
      return (v) =>
        !empty(v) && (v as string).slice(0, 10) >= from && (v as string).slice(0, 10) <= to;
    }
  }
}

export function parseV1Filters(filters: unknown, dataset: Dataset, today: string): V1FilterResult {
  if (filters === undefined || filters === null) return { ok: true, fields: [], predicate: null };
  if (!isRecord(filters) || !Array.isArray(filters.filters)) {
    return { ok: false, message: 'filters must be {match, filters: [...]}' };
  }
  const match = filters.match ?? 'all';
  if (match !== 'all' && match !== 'any')
    return { ok: false, message: "match must be 'all' or 'any'" };
  const parts: Array<{ name: string; test: Condition }> = [];
  const fields = new Map<string, DatasetField>();
  for (const item of filters.filters) {
    if (!isRecord(item) || typeof item.field !== 'string' || typeof item.operator !== 'string') {
      return { ok: false, message: 'Each filter needs field and operator' };
    }
    const field = dataset.field(item.field);
    if (!field) return { ok: false, message: `Unknown filter field: ${item.field}` };
    if (!OPERATORS.has(item.operator))
      return { ok: false, message: `Unknown operator: ${item.operator}` };
    const test = condition(item.operator, item.value, today);
    if (typeof test === 'string') return { ok: false, message: test };
    fields.set(field.name, field);
    parts.push({ name: field.name, test });
  }
  if (parts.length === 0) return { ok: true, fields: [], predicate: null };
  const predicate: RowPredicate = (read) =>
    match === 'all'
      ? parts.every((p) => p.test(read(p.name)))
      : parts.some((p) => p.test(read(p.name)));
  return { ok: true, fields: [...fields.values()], predicate };
}
