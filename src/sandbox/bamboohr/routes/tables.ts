/**
 * Tabular data (reference §3.1): GET /v1/employees/{id}/tables/{table}, where `id` may be `all`
 * (every employee, terminated ones included), and GET /v1/employees/changed/tables/{table}?since=.
 * Both answer XML unless the client accepts JSON. No custom tables exist in the sandbox.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { SandboxEnv } from '../env.js';
import { legacyError, negotiate } from '../respond.js';
import { formatTimestamp, parseSince } from './changed/since.js';
import { isTableName, type TableRow, tableRows } from './tables/rows.js';
import { changedTableXml, tableXml } from './tables/xml.js';

type Ctx = Context<SandboxEnv>;

/** `all`, `0` (the caller) or a known id; undefined otherwise. */
function peopleFor(c: Ctx, id: string): readonly Person[] | undefined {
  const company = c.var.company.data;
  if (id === 'all') return company.people;
  if (!/^\d+$/.test(id)) return undefined;
  const person = company.person(id === '0' ? c.var.principal.employeeId : Number(id));
  return person ? [person] : undefined;
}

function withoutRowId({ rowId: _rowId, ...rest }: TableRow): TableRow {
  return rest;
}

export function registerTablesRoutes(api: Hono<SandboxEnv>): void {
  // Registered before `/v1/employees/:id/tables/:table` would shadow it with id = "changed".
  api.get('/v1/employees/changed/tables/:table', function changedTable(c) {
    const since = parseSince(c.req.query('since'));
    if (since === undefined) return legacyError(c, 400, 'Invalid or missing since parameter');
    const table = c.req.param('table');
    if (!isTableName(table)) return legacyError(c, 404, `Table not found: ${table}`);
    const company = c.var.company.data;
    const employees: Record<string, { lastChanged: string; rows: TableRow[] }> = {};
    for (const person of company.people) {
      const changed = Date.parse(person.lastChanged);
      if (changed < since) continue;
      employees[String(person.id)] = {
        lastChanged: formatTimestamp(changed),
        rows: tableRows(company, person, table, 'string').map(withoutRowId),
      };
    }
    const body = { table, employees };
    return negotiate(c, body, () => changedTableXml(body));
  });

  api.get('/v1/employees/:id/tables/:table', function employeeTable(c) {
    const people = peopleFor(c, c.req.param('id'));
    if (!people) return legacyError(c, 404, 'Employee not found');
    const table = c.req.param('table');
    if (!isTableName(table)) return legacyError(c, 404, `Table not found: ${table}`);
    const company = c.var.company.data;
    const rows: TableRow[] = [];
    for (const person of people) {
      for (const { rowId, ...fields } of tableRows(company, person, table, 'object')) {
        rows.push({ id: rowId ?? null, employeeId: String(person.id), ...fields });
      }
    }
    return negotiate(c, rows, () => tableXml(rows));
  });
}
