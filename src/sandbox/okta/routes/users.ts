/** listUsers, getUser and listUserGroups (tags User and UserResources in the spec). */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { OktaUser } from '../directory.js';
import type { OktaEnv } from '../env.js';
import { ExpressionError } from '../expression.js';
import { type Projection, parseFields, project } from '../fields-projection.js';
import { type LimitRule, pageLimit, setLinks } from '../paging.js';
import { notFound, oktaError } from '../respond.js';
import { listUsers } from '../user-list.js';

export interface UserRouteLimits {
  /** listUsers page size. */
  readonly users: LimitRule;
  /** listUsers with `q` (one page only). */
  readonly query: LimitRule;
}

function origin(c: Context<OktaEnv>): string {
  return new URL(c.req.url).origin;
}

/**
 * The `OktaResponse` header parameter: `Content-Type: application/json;
 * okta-response=omitCredentials,…` drops the credentials subobject (the sandbox sends no
 * credential links or transitioningToStatus, so the other two options have nothing to drop).
 */
function omitsCredentials(c: Context<OktaEnv>): boolean {
  return /okta-response="?[^;]*omitCredentials(?!Links)/i.test(c.req.header('content-type') ?? '');
}

function shaped(user: OktaUser, omitCredentials: boolean): OktaUser {
  if (!omitCredentials) return user;
  const { credentials: _omitted, ...rest } = user;
  return rest;
}

export function registerUserRoutes(app: Hono<OktaEnv>, limits: UserRouteLimits): void {
  app.get('/api/v1/users', requireScope('okta.users.read'), function listUsersRoute(c) {
    const directory = c.get('directory');
    const q = c.req.query('q');
    const search = c.req.query('search');
    const filter = c.req.query('filter');
    const queryOnly = q !== undefined && search === undefined && filter === undefined;
    const limit = pageLimit(c.req.query('limit'), queryOnly ? limits.query : limits.users);
    if (limit === null)
      return oktaError(c, 400, 'validation', 'limit', ['limit: must be a positive integer']);
    let projection: Projection | null = null;
    const fields = c.req.query('fields');
    try {
      if (fields !== undefined) projection = parseFields(fields);
    } catch (error) {
      if (error instanceof ExpressionError) return oktaError(c, 400, 'validation', 'fields');
      throw error;
    }
    const result = listUsers(directory, {
      search,
      filter,
      q,
      after: c.req.query('after'),
      limit,
      sortBy: c.req.query('sortBy'),
      sortOrder: c.req.query('sortOrder'),
    });
    if (!result.ok) {
      return result.kind === 'invalidSearch'
        ? oktaError(c, 400, 'invalidSearch', '', [result.detail])
        : oktaError(c, 400, 'validation', result.detail);
    }
    setLinks(c, queryOnly ? null : result.next, limit);
    const base = origin(c);
    const omit = omitsCredentials(c);
    const users = result.people.map((person) => {
      const user = shaped(directory.user(person, base), omit);
      return projection ? project(user, projection) : user;
    });
    return c.json(users);
  });

  app.get('/api/v1/users/:id', requireScope('okta.users.read'), function getUser(c) {
    const directory = c.get('directory');
    const id = c.req.param('id');
    // `me` is the API token's own user; the sandbox's token belongs to person 1 (the admin).
    const person =
      id === 'me' && c.get('principal').kind === 'apiKey'
        ? directory.company.person(1)
        : directory.find(id);
    if (!person) return notFound(c, id, 'User');
    const user = shaped(directory.user(person, origin(c)), omitsCredentials(c));
    const tag = createHash('sha1').update(`${user.id} ${user.lastUpdated}`).digest('hex');
    c.header('ETag', `W/"${tag.slice(0, 16)}"`);
    return c.json(user);
  });

  app.get('/api/v1/users/:id/groups', requireScope('okta.users.read'), function userGroups(c) {
    const directory = c.get('directory');
    const id = c.req.param('id');
    const person = directory.find(id);
    if (!person) return notFound(c, id, 'User');
    const base = origin(c);
    return c.json(directory.groups.groupsOf(person).map((g) => directory.groups.view(g, base)));
  });
}
