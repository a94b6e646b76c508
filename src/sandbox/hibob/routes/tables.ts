/**
 * The employee tables: per person (`GET /v1/people/{id}/{table}`: `{values}`) and in bulk
 * (`GET /v1/bulk/people/{table}`: `{results, response_metadata: {cursor}, errors}`), the bulk
 * reads paging natively by `cursor` and `limit` (1–200, default 50; above 200 is 400), with
 * `employeeIds` (comma-separated) narrowing them to given people. A page holds up to `limit`
 * employees with all their entries; the last page's cursor is null, as Bob's pagination page
 * says (the spec types it a string: test/providers/hibob/conformance names the disagreement).
 * An id the service user cannot see is listed under `errors`, never as a result.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { HibobEnv } from '../env.js';
import { badRequest, notFound } from '../respond.js';
import { TABLES, type TableName, tableEntries } from '../tables.js';
import type { HibobView } from '../view.js';

export const BULK_MAX_LIMIT = 200;
const BULK_DEFAULT_LIMIT = 50;

/** The cursor: the offset of the page's first employee, opaque to clients. */
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number | null {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

function bulkPage(c: Context<HibobEnv>, view: HibobView, table: TableName): Response {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? BULK_DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > BULK_MAX_LIMIT) {
    return badRequest(c, `limit must be an integer from 1 to ${BULK_MAX_LIMIT}`);
  }
  const cursorText = c.req.query('cursor');
  const offset = cursorText === undefined ? 0 : decodeCursor(cursorText);
  if (offset === null) return badRequest(c, 'The cursor is not valid');
  const idsText = c.req.query('employeeIds');
  let people: readonly Person[];
  const errors: unknown[] = [];
  if (idsText === undefined) {
    people = view.people(true);
  } else {
    const ids = [...new Set(idsText.split(',').filter((id) => id !== ''))];
    if (ids.length === 0) return badRequest(c, 'employeeIds names no employee');
    const found: Person[] = [];
    for (const id of ids) {
      const person = view.person(id);
      if (person) found.push(person);
      else {
        errors.push({
          employeeId: {
            error: 'MISSING_PERMISSION',
            message: "You don't have permission to access data for the employee",
          },
        });
      }
    }
    people = found;
  }
  const page = people.slice(offset, offset + limit);
  const next = offset + limit < people.length ? encodeCursor(offset + limit) : null;
  return c.json({
    results: page.map((person) => ({
      employeeId: view.idOf(person),
      values: tableEntries(view.company, person, table),
    })),
    response_metadata: { cursor: next },
    ...(errors.length > 0 ? { errors } : {}),
  });
}

export function registerTableRoutes(app: Hono<HibobEnv>, view: HibobView): void {
  for (const table of TABLES) {
    app.get(`/v1/bulk/people/${table}`, (c) => bulkPage(c, view, table));
    app.get(`/v1/people/:id/${table}`, (c) => {
      const person = view.person(c.req.param('id'));
      if (!person) return notFound(c);
      return c.json({ values: tableEntries(view.company, person, table) });
    });
  }
}
