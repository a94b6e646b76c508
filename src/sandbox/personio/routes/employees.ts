/**
 * v1 employees: `GET /company/employees` (`limit` ≤ 100, default 50, as enforced since January
 * 2025 — the spec still says default 10; `offset` is an item index; `email`; `attributes[]`
 * narrows the attributes; `updated_since` lifts paging), one employee by id, and the attribute
 * catalogue (`/company/employees/attributes`, and `custom-attributes`, its alias). Employees
 * come in id order. Over the list's limit (the changelog names the list endpoint) is a 429.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { PersonioEnv } from '../env.js';
import { attributeCatalog, type PersonioProjection, projectEmployee } from '../project.js';
import type { RateLimiter } from '../rate-limit.js';
import { v1Error } from '../respond.js';

export interface EmployeeRouteOptions {
  readonly view: PersonioProjection;
  readonly limiter: RateLimiter | null;
  /** @default 50 */
  readonly defaultLimit: number;
  /** @default 100 */
  readonly maxLimit: number;
}

function integerParam(raw: string | undefined, min: number, max: number): number | null | 'bad' {
  if (raw === undefined) return null;
  if (!/^\d{1,9}$/.test(raw)) return 'bad';
  const value = Number(raw);
  return value < min || value > max ? 'bad' : value;
}

function throttled(c: Context<PersonioEnv>, options: EmployeeRouteOptions): Response | null {
  if (!options.limiter || options.limiter.take('employees', c.get('clientId'))) return null;
  return v1Error(c, 429, 'Too Many Requests');
}

export function registerEmployeeRoutes(app: Hono<PersonioEnv>, options: EmployeeRouteOptions) {
  const { view } = options;

  app.get('/v1/company/employees', (c) => {
    const refused = throttled(c, options);
    if (refused) return refused;
    const limit = integerParam(c.req.query('limit'), 1, options.maxLimit);
    if (limit === 'bad') {
      return v1Error(c, 400, `limit must be a whole number from 1 to ${options.maxLimit}`);
    }
    const offset = integerParam(c.req.query('offset'), 0, 1e9);
    if (offset === 'bad') return v1Error(c, 400, 'offset must be a whole number from 0');
    const attributes = c.req.queries('attributes[]');
    const wanted = attributes ? new Set(attributes) : null;
    const since = c.req.query('updated_since');
    let people: readonly Person[] = view.company.people;
    let size = limit ?? options.defaultLimit;
    let start = offset ?? 0;
    if (since !== undefined) {
      const from = Date.parse(since);
      if (Number.isNaN(from)) return v1Error(c, 400, 'updated_since must be an ISO 8601 date');
      // "when using the updated_since filter, the email, limit, and offset parameters are ignored"
      people = people.filter((p) => Date.parse(p.lastChanged) > from);
      size = Math.max(people.length, 1);
      start = 0;
    } else {
      const email = c.req.query('email');
      if (email !== undefined) {
        const wantedEmail = email.toLowerCase();
        people = people.filter((p) => p.workEmail.toLowerCase() === wantedEmail);
      }
    }
    const page = people.slice(start, start + size);
    return c.json({
      success: true,
      metadata: {
        total_elements: people.length,
        current_page: Math.floor(start / size),
        total_pages: Math.ceil(people.length / size),
      },
      offset: start,
      limit: size,
      data: page.map((person) => projectEmployee(view, person, wanted)),
    });
  });

  const catalog = (c: Context<PersonioEnv>) =>
    c.json({ success: true, data: attributeCatalog(view, view.company.people[0]) });
  app.get('/v1/company/employees/attributes', catalog);
  app.get('/v1/company/employees/custom-attributes', catalog);

  app.get('/v1/company/employees/:employee_id{[0-9]+}', (c) => {
    const person = view.company.person(Number(c.req.param('employee_id')));
    if (!person) return v1Error(c, 404, 'Employee not found');
    return c.json({ success: true, data: projectEmployee(view, person, null) });
  });
}
