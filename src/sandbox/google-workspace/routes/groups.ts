/**
 * groups.list, groups.get and members.list. The Discovery document declares no `maximum` for
 * their `maxResults` but says "Max allowed value is 200": above 200 is a 400 here. A department's
 * head (whose manager sits outside it) is its group's MANAGER; everyone else a MEMBER; leavers
 * stay members with status SUSPENDED. Group `query` is not supported (400).
 */
import { type Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import { type GuardDeps, guard } from '../auth.js';
import type { Directory } from '../directory.js';
import type { GoogleEnv } from '../env.js';
import { etagOf, googleUserId } from '../ids.js';
import type { GroupView } from '../org-structure.js';
import { bindingOf, type PageTokens } from '../page-token.js';
import { checkCustomer, checkDomain, enumParam, intParam } from '../params.js';
import { respondResource } from '../partial.js';
import { badRequest, invalidInput, notFound } from '../respond.js';

export interface GroupRoutesDeps extends GuardDeps {
  readonly pageTokens: PageTokens;
}

const GROUP_PAGE = { min: 1, max: 200, fallback: 200 };

function groupRecord(directory: Directory, group: GroupView): Record<string, unknown> {
  return {
    kind: 'admin#directory#group',
    id: group.id,
    etag: etagOf(`group:${group.id}`),
    email: group.email,
    name: group.name,
    directMembersCount: String(directory.members(group).length),
    description: group.description,
    adminCreated: true,
  };
}

function roleOf(directory: Directory, group: GroupView, person: Person): string {
  const managerId = directory.company.currentJob(person).managerId;
  const manager = managerId === null ? undefined : directory.company.person(managerId);
  return !manager || directory.groupOf(manager)?.id !== group.id ? 'MANAGER' : 'MEMBER';
}

/** One page of `items` from the page token, or the 400 that refuses the token. */
function paginate<T>(
  c: Context,
  tokens: PageTokens,
  binding: string,
  items: readonly T[],
  size: number,
): { page: T[]; next: string | undefined; offset: number } | Response {
  const token = c.req.query('pageToken');
  const offset = token === undefined ? 0 : tokens.read(token, binding);
  if (offset === null) return invalidInput(c);
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? tokens.issue(binding, offset + size) : undefined;
  return { page, next, offset };
}

export function groupRoutes(deps: GroupRoutesDeps): Hono<GoogleEnv> {
  const { directory, pageTokens } = deps;
  const app = new Hono<GoogleEnv>();

  app.get('/admin/directory/v1/groups', guard(deps, 'groups.list'), function listGroups(c) {
    const { customer, domain, userKey } = c.req.query();
    if (!customer && !domain && !userKey) return badRequest(c);
    const refused =
      (customer ? checkCustomer(c, directory, customer) : null) ??
      (domain ? checkDomain(c, directory, domain) : null);
    if (refused) return refused;
    if (c.req.query('query')) return invalidInput(c);
    const maxResults = intParam(c, 'maxResults', GROUP_PAGE);
    if (!maxResults.ok) return maxResults.response;
    const orderBy = enumParam(c, 'orderBy', ['email'] as const);
    if (!orderBy.ok) return orderBy.response;
    const sortOrder = enumParam(c, 'sortOrder', ['ASCENDING', 'DESCENDING'] as const, 'ASCENDING');
    if (!sortOrder.ok) return sortOrder.response;
    let groups = [...directory.groups];
    if (userKey) {
      const person = directory.personByKey(userKey);
      if (!person) return notFound(c, 'userKey');
      groups = groups.filter((g) => g.id === directory.groupOf(person)?.id);
    }
    if (orderBy.value) {
      groups.sort((a, b) => (a.email < b.email ? -1 : 1));
      if (sortOrder.value === 'DESCENDING') groups.reverse();
    }
    const binding = bindingOf({
      list: 'groups',
      userKey,
      orderBy: orderBy.value,
      sortOrder: sortOrder.value,
    });
    const paged = paginate(c, pageTokens, binding, groups, maxResults.value);
    if (paged instanceof Response) return paged;
    return respondResource(c, 'Groups', {
      kind: 'admin#directory#groups',
      etag: etagOf(`groups:${binding}:${paged.offset}`),
      ...(paged.page.length ? { groups: paged.page.map((g) => groupRecord(directory, g)) } : {}),
      ...(paged.next ? { nextPageToken: paged.next } : {}),
    });
  });

  app.get('/admin/directory/v1/groups/:groupKey', guard(deps, 'groups.get'), function getGroup(c) {
    const group = directory.groupByKey(c.req.param('groupKey'));
    if (!group) return notFound(c, 'groupKey');
    return respondResource(c, 'Group', groupRecord(directory, group));
  });

  app.get(
    '/admin/directory/v1/groups/:groupKey/members',
    guard(deps, 'members.list'),
    function listMembers(c) {
      const group = directory.groupByKey(c.req.param('groupKey'));
      if (!group) return notFound(c, 'groupKey');
      const maxResults = intParam(c, 'maxResults', GROUP_PAGE);
      if (!maxResults.ok) return maxResults.response;
      const roles = (c.req.query('roles') ?? '')
        .split(',')
        .map((r) => r.trim().toUpperCase())
        .filter(Boolean);
      if (roles.some((role) => !['OWNER', 'MANAGER', 'MEMBER'].includes(role)))
        return invalidInput(c);
      let members = directory
        .members(group)
        .map((person) => ({ person, role: roleOf(directory, group, person) }));
      if (roles.length) members = members.filter((m) => roles.includes(m.role));
      const binding = bindingOf({ list: 'members', group: group.id, roles: roles.join(',') });
      const paged = paginate(c, pageTokens, binding, members, maxResults.value);
      if (paged instanceof Response) return paged;
      return respondResource(c, 'Members', {
        kind: 'admin#directory#members',
        etag: etagOf(`members:${binding}:${paged.offset}`),
        ...(paged.page.length
          ? {
              members: paged.page.map(({ person, role }) => ({
                kind: 'admin#directory#member',
                etag: etagOf(`member:${group.id}:${person.id}`),
                id: googleUserId(person.id),
                email: person.workEmail,
                role,
                type: 'USER',
                status: person.terminationDate === null ? 'ACTIVE' : 'SUSPENDED',
              })),
            }
          : {}),
        ...(paged.next ? { nextPageToken: paged.next } : {}),
      });
    },
  );
  return app;
}
