/**
 * `GET /v1.0/groups`, `/groups/{id}` and `/groups/{id}/members`: the tenant's departments and
 * divisions as security groups (in id order, `$top` up to 999, `$skiptoken` pages), and
 * `GET /v1.0/organization`, the tenant as a one-item collection.
 */
import type { Context, Hono } from 'hono';
import type { Directory, EntraGroup, GraphObject } from '../directory.js';
import type { EntraEnv } from '../env.js';
import { parseTop, project, QueryError } from '../query-options.js';
import { graphError, notFoundMessage } from '../respond.js';
import { decodeSkipToken, encodeSkipToken, nextLink } from '../skip-token.js';
import { GROUP_DEFAULT_SELECT } from '../user-properties.js';

function groupObject(directory: Directory, group: EntraGroup): GraphObject {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: '2019-05-13T09:12:44Z',
    description: `${group.kind === 'department' ? 'Department' : 'Division'}: ${group.displayName}`,
    displayName: group.displayName,
    groupTypes: [],
    mail: null,
    mailEnabled: false,
    mailNickname: group.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    securityEnabled: true,
    visibility: null,
    organizationId: directory.tenantId,
  };
}

/** One page of `items` (numbered in id order) after the request's `$skiptoken`. */
function pageOf<T>(
  c: Context<EntraEnv>,
  items: readonly T[],
  numberOf: (item: T) => number,
  render: (item: T) => GraphObject,
  context: string,
): Response {
  const url = new URL(c.req.url);
  let top: number;
  try {
    top = parseTop(url.searchParams.get('$top'));
  } catch (error) {
    if (error instanceof QueryError) return graphError(c, error.status, error.code, error.message);
    throw error;
  }
  const token = url.searchParams.get('$skiptoken');
  const after = token === null ? 0 : decodeSkipToken(token);
  if (after === null) {
    return graphError(
      c,
      400,
      'Directory_ExpiredPageToken',
      'The specified page token value has expired and can no longer be included in your request.',
    );
  }
  const rest = items.filter((item) => numberOf(item) > after);
  const page = rest.slice(0, top);
  const body: GraphObject = { '@odata.context': `${url.origin}/v1.0/$metadata#${context}` };
  if (rest.length > top)
    body['@odata.nextLink'] = nextLink(url, encodeSkipToken(numberOf(page.at(-1)!)));
  body.value = page.map(render);
  return c.json(body);
}

function selected(c: Context<EntraEnv>, fallback: readonly string[]): readonly string[] {
  const text = new URL(c.req.url).searchParams.get('$select');
  return text ? text.split(',').map((s) => s.trim()) : fallback;
}

export function registerGroupRoutes(app: Hono<EntraEnv>, directory: Directory): void {
  const number = (group: EntraGroup) => directory.groups.indexOf(group) + 1;
  app.get('/v1.0/groups', (c) =>
    pageOf(
      c,
      directory.groups,
      number,
      (g) => project(groupObject(directory, g), selected(c, GROUP_DEFAULT_SELECT)),
      'groups',
    ),
  );
  app.get('/v1.0/groups/:id', (c) => {
    const group = directory.findGroup(c.req.param('id'));
    if (!group)
      return graphError(c, 404, 'Request_ResourceNotFound', notFoundMessage(c.req.param('id')));
    return c.json({
      '@odata.context': `${new URL(c.req.url).origin}/v1.0/$metadata#groups/$entity`,
      ...project(groupObject(directory, group), selected(c, GROUP_DEFAULT_SELECT)),
    });
  });
  app.get('/v1.0/groups/:id/members', (c) => {
    const group = directory.findGroup(c.req.param('id'));
    if (!group)
      return graphError(c, 404, 'Request_ResourceNotFound', notFoundMessage(c.req.param('id')));
    return pageOf(
      c,
      directory.members(group),
      (person) => person.id,
      (person) => ({
        '@odata.type': '#microsoft.graph.user',
        ...project(directory.user(person), selected(c, ['id', 'displayName', 'mail'])),
      }),
      'directoryObjects',
    );
  });
  app.get('/v1.0/organization', (c) =>
    c.json({
      '@odata.context': `${new URL(c.req.url).origin}/v1.0/$metadata#organization`,
      value: [directory.organization()],
    }),
  );
}
