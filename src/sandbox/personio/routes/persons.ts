/**
 * v2 persons: `GET /v2/persons` (`limit` 1–50, default 10, per its reference page; the shared
 * component's 1–200 is the other reading), an opaque `cursor`, AND-combined filters `id`,
 * `email`, `first_name`, `last_name`, `status`; the next page's link in `_meta.links.next.href`
 * (⚠ seen only in third-party material). `GET /v2/persons/{id}/employments` lists one person's
 * employments. Errors are v2 `ErrorResponse` bodies.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { PersonioEnv } from '../env.js';
import { type PersonioProjection, projectEmployments, projectPerson } from '../project.js';
import { v2Error } from '../respond.js';

export interface PersonRouteOptions {
  readonly view: PersonioProjection;
  /** @default 10 */
  readonly defaultLimit: number;
  /** @default 50 */
  readonly maxLimit: number;
}

const encodeCursor = (offset: number) => `cur_${Buffer.from(`o${offset}`).toString('base64url')}`;

function decodeCursor(cursor: string): number | null {
  if (!cursor.startsWith('cur_')) return null;
  const match = /^o(\d{1,9})$/.exec(Buffer.from(cursor.slice(4), 'base64url').toString());
  return match ? Number(match[1]) : null;
}

function invalid(c: Context<PersonioEnv>, detail: string): Response {
  return v2Error(c, 400, 'common.invalid_request', 'Invalid request', detail);
}

function matches(person: Person, query: Record<string, string>): boolean {
  if (query.id !== undefined && String(person.id) !== query.id) return false;
  if (query.email !== undefined && person.workEmail.toLowerCase() !== query.email.toLowerCase()) {
    return false;
  }
  if (query.first_name !== undefined && person.firstName !== query.first_name) return false;
  if (query.last_name !== undefined && person.lastName !== query.last_name) return false;
  if (query.status !== undefined) {
    const status = person.status === 'Inactive' ? 'INACTIVE' : 'ACTIVE';
    if (status !== query.status) return false;
  }
  return true;
}

export function registerPersonRoutes(app: Hono<PersonioEnv>, options: PersonRouteOptions) {
  const { view } = options;

  app.get('/v2/persons', (c) => {
    const query = c.req.query();
    const base = new URL(c.req.url).origin;
    let limit = options.defaultLimit;
    if (query.limit !== undefined) {
      limit = /^\d{1,4}$/.test(query.limit) ? Number(query.limit) : 0;
      if (limit < 1 || limit > options.maxLimit) {
        return invalid(c, `limit must be between 1 and ${options.maxLimit}`);
      }
    }
    let start = 0;
    if (query.cursor !== undefined) {
      const decoded = decodeCursor(query.cursor);
      if (decoded === null) return invalid(c, 'The cursor is not valid');
      start = decoded;
    }
    if (query.status !== undefined && !['ACTIVE', 'INACTIVE'].includes(query.status)) {
      return invalid(c, 'status must be ACTIVE or INACTIVE');
    }
    const people = view.company.people.filter((person) => matches(person, query));
    const page = people.slice(start, start + limit);
    const self = new URL(c.req.url);
    const links: Record<string, { href: string }> = { self: { href: self.toString() } };
    if (start + limit < people.length) {
      const next = new URL(self);
      next.searchParams.set('cursor', encodeCursor(start + limit));
      next.searchParams.set('limit', String(limit));
      links.next = { href: next.toString() };
    }
    return c.json({
      _data: page.map((person) => projectPerson(person, base)),
      _meta: { links },
    });
  });

  app.get('/v2/persons/:person_id/employments', (c) => {
    const id = c.req.param('person_id');
    const person = /^\d{1,9}$/.test(id) ? view.company.person(Number(id)) : undefined;
    if (!person) {
      return v2Error(
        c,
        404,
        'common.requested_resource_not_found',
        'Resource not found',
        'The requested resource was not found. The resource could have been deleted or never existed in our system.',
      );
    }
    return c.json({
      _data: projectEmployments(view, person),
      _meta: { links: { self: { href: new URL(c.req.url).toString() } } },
    });
  });
}
