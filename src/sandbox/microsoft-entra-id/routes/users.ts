/**
 * `GET /v1.0/users` (List users), `/users/{id}`, `/users/$count`, `/users/{id}/manager` and
 * `/users/{id}/directReports`, in id order (which is creation order here), paged by `$top` and an
 * opaque `$skiptoken` that Graph puts in `@odata.nextLink`: forward only, no `$skip`.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { Directory, GraphObject } from '../directory.js';
import type { EntraEnv } from '../env.js';
import { type Clause, FilterError, matches, parseFilter } from '../filter.js';
import { isGuid } from '../ids.js';
import { parseTop, project, QueryError, type UserQuery, userQuery } from '../query-options.js';
import { graphError, notFoundMessage } from '../respond.js';
import { decodeSkipToken, encodeSkipToken, nextLink } from '../skip-token.js';

const USER_TYPE = '#microsoft.graph.user';

function answerQueryError(c: Context<EntraEnv>, error: unknown): Response {
  if (error instanceof QueryError) return graphError(c, error.status, error.code, error.message);
  if (error instanceof FilterError) return graphError(c, 400, error.code, error.message);
  throw error;
}

function consistency(c: Context<EntraEnv>) {
  return { consistencyLevel: c.req.header('consistencylevel') };
}

/** One user as the query shapes it, with its manager when `$expand` asks. */
function shape(directory: Directory, person: Person, query: UserQuery): GraphObject {
  const user = project(directory.user(person), query.select);
  if (query.expandManager) {
    const manager = directory.managerOf(person);
    // A user without a manager carries no `manager` at all.
    if (manager) {
      user.manager = {
        '@odata.type': USER_TYPE,
        ...project(directory.user(manager), query.expandManager),
      };
    }
  }
  return user;
}

/** People a filter can match, in id order: those its `id` clause names, else everyone. */
function candidates(directory: Directory, clauses: readonly Clause[]): readonly Person[] {
  const byId = clauses.find((c) => c.property === 'id' && (c.op === 'eq' || c.op === 'in'));
  if (!byId) return directory.company.people;
  const people = byId.values
    .map((value) => (typeof value === 'string' ? directory.find(value) : undefined))
    .filter((p): p is Person => p !== undefined);
  return [...new Set(people)].sort((a, b) => a.id - b.id);
}

function listUsers(c: Context<EntraEnv>, directory: Directory): Response {
  const url = new URL(c.req.url);
  const params = url.searchParams;
  let query: UserQuery;
  let top: number;
  let clauses: Clause[];
  try {
    query = userQuery(params, consistency(c), directory, true);
    top = parseTop(params.get('$top'));
    clauses = params.has('$filter') ? parseFilter(params.get('$filter')!, query.advanced) : [];
    if (params.has('$skip')) {
      throw new QueryError(400, 'Request_BadRequest', "'$skip' is not supported by the service.");
    }
  } catch (error) {
    return answerQueryError(c, error);
  }
  c.set('fieldsAsked', query.select);
  const token = params.get('$skiptoken');
  const after = token === null ? 0 : decodeSkipToken(token);
  if (after === null) {
    return graphError(
      c,
      400,
      'Directory_ExpiredPageToken',
      'The specified page token value has expired and can no longer be included in your request.',
    );
  }
  const matching = candidates(directory, clauses).filter(
    (person) => clauses.length === 0 || matches(directory.user(person), clauses),
  );
  const rest = matching.filter((person) => person.id > after);
  const page = rest.slice(0, top);
  const body: GraphObject = {
    '@odata.context': `${url.origin}/v1.0/$metadata#users(${query.select.join(',')})`,
  };
  if (query.count && token === null) body['@odata.count'] = matching.length;
  if (rest.length > top) body['@odata.nextLink'] = nextLink(url, encodeSkipToken(page.at(-1)!.id));
  body.value = page.map((person) => shape(directory, person, query));
  return c.json(body);
}

function withUser(
  c: Context<EntraEnv>,
  directory: Directory,
  answer: (person: Person) => Response,
): Response {
  const id = c.req.param('id') ?? '';
  const person = isGuid(id) ? directory.find(id) : undefined;
  if (!person) return graphError(c, 404, 'Request_ResourceNotFound', notFoundMessage(id));
  return answer(person);
}

export function registerUserRoutes(app: Hono<EntraEnv>, directory: Directory): void {
  app.get('/v1.0/users', (c) => listUsers(c, directory));
  app.get('/v1.0/users/:id', (c) => {
    if (c.req.param('id') === '$count') {
      if (c.req.header('consistencylevel')?.toLowerCase() !== 'eventual') {
        return graphError(c, 400, 'Request_BadRequest', 'Count is not currently supported.');
      }
      return c.text(String(directory.company.people.length));
    }
    return withUser(c, directory, (person) => {
      let query: UserQuery;
      try {
        query = userQuery(new URL(c.req.url).searchParams, consistency(c), directory, false);
      } catch (error) {
        return answerQueryError(c, error);
      }
      c.set('fieldsAsked', query.select);
      return c.json({
        '@odata.context': `${new URL(c.req.url).origin}/v1.0/$metadata#users(${query.select.join(',')})/$entity`,
        ...shape(directory, person, query),
      });
    });
  });
  app.get('/v1.0/users/:id/manager', (c) =>
    withUser(c, directory, (person) => {
      const manager = directory.managerOf(person);
      if (!manager)
        return graphError(c, 404, 'Request_ResourceNotFound', notFoundMessage('manager'));
      return c.json({
        '@odata.context': `${new URL(c.req.url).origin}/v1.0/$metadata#directoryObjects/$entity`,
        '@odata.type': USER_TYPE,
        ...directory.user(manager),
      });
    }),
  );
  app.get('/v1.0/users/:id/directReports', (c) =>
    withUser(c, directory, (person) => {
      const url = new URL(c.req.url);
      let query: UserQuery;
      let top: number;
      try {
        query = userQuery(url.searchParams, consistency(c), directory, true);
        top = parseTop(url.searchParams.get('$top'));
      } catch (error) {
        return answerQueryError(c, error);
      }
      const after = decodeSkipToken(url.searchParams.get('$skiptoken') ?? encodeSkipToken(0));
      if (after === null) {
        return graphError(
          c,
          400,
          'Directory_ExpiredPageToken',
          'The specified page token value has expired and can no longer be included in your request.',
        );
      }
      const reports = directory.company.people.filter(
        (p) => p.id > after && directory.managerOf(p)?.id === person.id,
      );
      const page = reports.slice(0, top);
      const body: GraphObject = {
        '@odata.context': `${url.origin}/v1.0/$metadata#directoryObjects`,
      };
      if (reports.length > top)
        body['@odata.nextLink'] = nextLink(url, encodeSkipToken(page.at(-1)!.id));
      body.value = page.map((p) => ({
        '@odata.type': USER_TYPE,
        ...project(directory.user(p), query.select),
      }));
      return c.json(body);
    }),
  );
}
