/**
 * users.list and users.get. Without `orderBy` users come in Google-id order of creation (person
 * id), a stable order Google leaves unspecified. `showDeleted=true` lists deleted users: this
 * tenant deleted nobody (leavers are suspended), so that list is empty.
 */
import { Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { GuardDeps } from '../auth.js';
import { guard } from '../auth.js';
import type { Directory } from '../directory.js';
import type { GoogleEnv } from '../env.js';
import { etagOf } from '../ids.js';
import { bindingOf, type PageTokens } from '../page-token.js';
import { boolParam, checkCustomer, checkDomain, enumParam, intParam } from '../params.js';
import { respondResource } from '../partial.js';
import { badRequest, invalidInput, invalidParameter, notFound } from '../respond.js';
import { parseUserQuery } from '../user-query.js';
import { type RecordOptions, userRecord } from '../user-record.js';

export interface UserRoutesDeps extends GuardDeps {
  readonly pageTokens: PageTokens;
  /** @default 500 */
  readonly maxPageSize: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; response: Response };

function recordOptions(c: import('hono').Context, directory: Directory): Outcome<RecordOptions> {
  const projection = enumParam(c, 'projection', ['basic', 'custom', 'full'] as const, 'basic');
  if (!projection.ok) return projection;
  const viewType = enumParam(c, 'viewType', ['admin_view', 'domain_public'] as const, 'admin_view');
  if (!viewType.ok) return viewType;
  const mask = c.req.query('customFieldMask');
  const names = (mask ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The Discovery document: customFieldMask "should only be set when projection=custom".
  if (mask !== undefined && projection.value !== 'custom') {
    return {
      ok: false,
      response: invalidParameter(
        c,
        'customFieldMask',
        'customFieldMask is only allowed with projection=custom',
      ),
    };
  }
  if (projection.value === 'custom' && names.length === 0) {
    return {
      ok: false,
      response: invalidParameter(
        c,
        'customFieldMask',
        'customFieldMask is required with projection=custom',
      ),
    };
  }
  const unknown = names.find((name) => !directory.schemas.some((s) => s.schemaName === name));
  if (unknown !== undefined) {
    return {
      ok: false,
      response: invalidParameter(c, 'customFieldMask', `Invalid schema name: ${unknown}`),
    };
  }
  return {
    ok: true,
    value: {
      projection: projection.value,
      viewType: viewType.value,
      customFieldMask: new Set(names),
    },
  };
}

export function userRoutes(deps: UserRoutesDeps): Hono<GoogleEnv> {
  const { directory, pageTokens } = deps;
  const app = new Hono<GoogleEnv>();

  app.get('/admin/directory/v1/users', guard(deps, 'users.list'), function listUsers(c) {
    const customer = c.req.query('customer');
    const domain = c.req.query('domain');
    if (!customer && !domain) return badRequest(c);
    const refused =
      (customer ? checkCustomer(c, directory, customer) : null) ??
      (domain ? checkDomain(c, directory, domain) : null);
    if (refused) return refused;
    const maxResults = intParam(c, 'maxResults', { min: 1, max: deps.maxPageSize, fallback: 100 });
    if (!maxResults.ok) return maxResults.response;
    const orderBy = enumParam(c, 'orderBy', ['email', 'familyName', 'givenName'] as const);
    if (!orderBy.ok) return orderBy.response;
    const sortOrder = enumParam(c, 'sortOrder', ['ASCENDING', 'DESCENDING'] as const, 'ASCENDING');
    if (!sortOrder.ok) return sortOrder.response;
    const showDeleted = boolParam(c, 'showDeleted');
    if (!showDeleted.ok) return showDeleted.response;
    const event = enumParam(c, 'event', [
      'add',
      'delete',
      'makeAdmin',
      'undelete',
      'update',
    ] as const);
    if (!event.ok) return event.response;
    const options = recordOptions(c, directory);
    if (!options.ok) return options.response;
    const query = c.req.query('query')?.trim() ?? '';
    const predicate = query === '' ? null : parseUserQuery(directory, query);
    if (query !== '' && !predicate) return invalidInput(c);

    const binding = bindingOf({
      customer: customer ? directory.customerId : undefined,
      domain: domain?.toLowerCase(),
      query,
      orderBy: orderBy.value,
      sortOrder: sortOrder.value,
      showDeleted: showDeleted.value,
    });
    const pageToken = c.req.query('pageToken');
    let offset = 0;
    if (pageToken !== undefined) {
      const read = pageTokens.read(pageToken, binding);
      if (read === null) return invalidInput(c);
      offset = read;
    }
    let people = showDeleted.value ? [] : directory.ordered(orderBy.value ?? null);
    if (predicate) people = people.filter(predicate);
    const descending = sortOrder.value === 'DESCENDING' && orderBy.value !== undefined;
    const size = maxResults.value;
    const page: Person[] = [];
    for (let i = offset; i < people.length && page.length < size; i++) {
      page.push(descending ? people[people.length - 1 - i]! : people[i]!);
    }
    const users = page.map((person) => userRecord(directory, person, options.value));
    const next =
      offset + size < people.length ? pageTokens.issue(binding, offset + size) : undefined;
    return respondResource(c, 'Users', {
      kind: 'admin#directory#users',
      etag: etagOf(`users:${binding}:${offset}:${page.length}`),
      ...(users.length > 0 ? { users } : {}),
      ...(next ? { nextPageToken: next } : {}),
    });
  });

  app.get('/admin/directory/v1/users/:userKey', guard(deps, 'users.get'), function getUser(c) {
    const options = recordOptions(c, directory);
    if (!options.ok) return options.response;
    const person = directory.personByKey(c.req.param('userKey'));
    if (!person) return notFound(c, 'userKey');
    return respondResource(c, 'User', userRecord(directory, person, options.value));
  });
  return app;
}
