/**
 * `POST /v1/people/search`: every employee the service user can see in one reply, no paging
 * (reference §2). The body's `fields` narrow each record to the field ids named (unknown ids are
 * 400); without `fields`, the default categories. One filter at most, on `root.id` or
 * `root.email`, with `equals` and a non-empty `values`; anything else is 400 (spec).
 * `showInactive` adds people no longer employed. Records are in machine format, nested by
 * category (`{id, firstName, work: {title, department}}`): `humanReadable` is not emulated, and
 * a value Bob holds nothing for is left out.
 */
import type { Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { HibobEnv } from '../env.js';
import type { BobField } from '../fields.js';
import { DEFAULT_CATEGORIES } from '../fields.js';
import { badRequest } from '../respond.js';
import type { HibobView } from '../view.js';

interface SearchBody {
  readonly fields?: unknown;
  readonly filters?: unknown;
  readonly showInactive?: unknown;
  readonly humanReadable?: unknown;
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function chosenFields(view: HibobView, fields: unknown): Checked<BobField[]> {
  if (fields === undefined) {
    return {
      ok: true,
      value: [...view.fields.values()].filter((f) => DEFAULT_CATEGORIES.includes(f.category)),
    };
  }
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) {
    return { ok: false, error: 'fields must be an array of field ids' };
  }
  const unknown = fields.filter((f) => !view.fields.has(f));
  if (unknown.length > 0) {
    return { ok: false, error: `Unknown field ids: ${unknown.slice(0, 5).join(', ')}` };
  }
  const chosen = new Set(['root.id', ...fields]);
  return { ok: true, value: [...chosen].map((id) => view.fields.get(id)!) };
}

function chosenPeople(view: HibobView, body: SearchBody): Checked<readonly Person[]> {
  if (body.showInactive !== undefined && typeof body.showInactive !== 'boolean') {
    return { ok: false, error: 'showInactive must be a boolean' };
  }
  const everyone = view.people(body.showInactive === true);
  if (body.filters === undefined) return { ok: true, value: everyone };
  const filters = body.filters;
  if (!Array.isArray(filters)) return { ok: false, error: 'filters must be an array' };
  if (filters.length === 0) return { ok: true, value: everyone };
  if (filters.length > 1) return { ok: false, error: 'Only a single filter is supported' };
  const filter = filters[0] as { fieldPath?: unknown; operator?: unknown; values?: unknown };
  if (filter.fieldPath !== 'root.id' && filter.fieldPath !== 'root.email') {
    return { ok: false, error: 'Filtering is supported on root.id and root.email only' };
  }
  if (filter.operator !== 'equals') return { ok: false, error: 'Unsupported operator' };
  const values = filter.values;
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !values.every((v) => typeof v === 'string')
  ) {
    return { ok: false, error: 'values must be a non-empty array of strings' };
  }
  const wanted = new Set(values as string[]);
  const keyOf =
    filter.fieldPath === 'root.id'
      ? (p: Person) => view.idOf(p)
      : (p: Person) => p.workEmail.toLowerCase();
  const match =
    filter.fieldPath === 'root.id' ? wanted : new Set([...wanted].map((v) => v.toLowerCase()));
  return { ok: true, value: everyone.filter((p) => match.has(keyOf(p))) };
}

/** One record: root fields at the top, every other category as a nested object. */
export function recordOf(person: Person, fields: readonly BobField[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const f of fields) {
    const value = f.value(person);
    if (value === undefined) continue;
    const name = f.id.slice(f.category.length + 1);
    if (f.category === 'root') {
      record[name] = value;
      continue;
    }
    const inner = (record[f.category] ?? {}) as Record<string, unknown>;
    inner[name] = value;
    record[f.category] = inner;
  }
  return record;
}

export function registerSearchRoute(app: Hono<HibobEnv>, view: HibobView): void {
  app.post('/v1/people/search', async function searchPeople(c) {
    let body: SearchBody;
    try {
      body = (await c.req.json()) as SearchBody;
    } catch {
      return badRequest(c, 'The request body is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest(c, 'The request body must be an object');
    }
    const fields = chosenFields(view, body.fields);
    if (!fields.ok) return badRequest(c, fields.error);
    const people = chosenPeople(view, body);
    if (!people.ok) return badRequest(c, people.error);
    c.set(
      'fieldsAsked',
      fields.value.map((f) => f.id),
    );
    return c.json({ employees: people.value.map((p) => recordOf(p, fields.value)) });
  });
}
