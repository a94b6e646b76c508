/**
 * GET /v1/employees (List Employees, cursor paging; reference §2.1) and
 * GET /v1/employees/{id} (Get Employee; §2.2).
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import { runListQuery } from '../employee-list.js';
import { isQueryError, parseListQuery } from '../employee-list-query.js';
import type { SandboxEnv } from '../env.js';
import type { FieldCatalog, FieldDef } from '../fields.js';
import { jsonError, legacyError, negotiate, recordFields } from '../respond.js';

type Ctx = Context<SandboxEnv>;

/** Get Employee's documented limit (spec get-employee: "The maximum number of fields per request is 400"). */
export const MAX_FIELDS_PER_REQUEST = 400;

export function registerEmployeeRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/employees', listEmployees);
  api.get('/v1/employees/:id{[0-9]+}', getEmployee);
}

function listEmployees(c: Ctx): Response {
  const url = new URL(c.req.url);
  const switches = c.get('switches');
  const query = parseListQuery(url.searchParams, {
    defaultLimit: switches.employeesListDefaultLimit,
    maxLimit: switches.employeesListMaxLimit,
  });
  if (isQueryError(query)) return jsonError(c, 400, query.code, query.message);
  recordFields(c, query.fieldsAsked);
  const page = runListQuery(c.get('fields'), c.get('cache'), query);
  if ('code' in page) return jsonError(c, 400, page.code, page.message);
  const extras = query.fields.map((name) => c.get('fields').resolve(name)!);
  const self = `${c.get('baseUrl')}/v1/employees`;
  const links: Record<string, { href: string }> = { self: { href: link(self, url.searchParams) } };
  if (page.nextCursor)
    links.next = { href: link(self, url.searchParams, ['page[after]', page.nextCursor]) };
  if (page.prevCursor)
    links.prev = { href: link(self, url.searchParams, ['page[before]', page.prevCursor]) };
  return c.json({
    data: page.people.map((person) => listRecord(c.get('fields'), person, extras)),
    meta: {
      total: page.total,
      page: { limit: query.limit, nextCursor: page.nextCursor, prevCursor: page.prevCursor },
    },
    _links: links,
  });
}

function listRecord(
  catalog: FieldCatalog,
  person: Person,
  extras: readonly FieldDef[],
): Record<string, unknown> {
  // One view per person: photoUrl and jobTitleName are read with the extras.
  const [photoUrl = null, jobTitleName = null, ...values] = catalog.values(person, [
    catalog.resolve('photoUrl')!,
    catalog.resolve('jobTitleName')!,
    ...extras,
  ]);
  const record: Record<string, unknown> = {
    employeeId: String(person.id),
    firstName: person.firstName,
    lastName: person.lastName,
    preferredName: person.preferredName,
    photoUrl,
    jobTitleName,
    status: person.status,
    _restrictedFields: [],
  };
  extras.forEach((field, i) => {
    record[field.alias] = values[i] ?? null;
  });
  return record;
}

/** The query with the page cursor replaced (links keep every other parameter as sent). */
function link(base: string, params: URLSearchParams, cursor?: [string, string]): string {
  const next = new URLSearchParams(params);
  if (cursor) {
    next.delete('page[after]');
    next.delete('page[before]');
    next.set(cursor[0], cursor[1]);
  }
  const query = next.toString();
  return query ? `${base}?${query}` : base;
}

function getEmployee(c: Ctx): Response {
  const raw = c.req.param('id');
  const id = raw === '0' ? c.get('principal').employeeId : Number(raw);
  const asked = (c.req.queries('fields') ?? ['firstName,lastName'])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  recordFields(c, asked);
  const names = [...new Set(asked)];
  if (names.length > MAX_FIELDS_PER_REQUEST)
    return legacyError(
      c,
      400,
      `Too many fields requested: at most ${MAX_FIELDS_PER_REQUEST} fields per request`,
    );
  const person = c.get('company').data.person(id);
  if (!person) return legacyError(c, 404, 'Employee not found');
  const onlyCurrent = !['false', '0'].includes((c.req.query('onlyCurrent') ?? '').toLowerCase());
  const catalog = c.get('fields');
  // Unknown names are left out, as fields the caller may not view are (spec get-employee 200).
  const known = names.flatMap((name) => {
    const field = catalog.resolve(name);
    return field ? [{ name, field }] : [];
  });
  const values = catalog.values(
    person,
    known.map((entry) => entry.field),
    { onlyCurrent },
  );
  const json: Record<string, string | null> = { id: String(person.id) };
  known.forEach(({ name }, i) => {
    json[name] = values[i] ?? null;
  });
  return negotiate(c, json, () => ({
    employee: {
      '@_id': String(person.id),
      field: known.map(({ name }, i) => ({ '@_id': name, '#text': values[i] ?? '' })),
    },
  }));
}
