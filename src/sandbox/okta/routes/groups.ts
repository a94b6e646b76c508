/** listGroups, getGroup and listGroupUsers (tag Group in the spec). */
import type { Context, Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { OktaEnv } from '../env.js';
import { ExpressionError, evaluate } from '../expression.js';
import {
  GROUP_FILTER_OPTIONS,
  GROUP_SEARCH_OPTIONS,
  groupAccessor,
  parseGroupExpression,
} from '../group-match.js';
import type { GroupEntry } from '../groups.js';
import { oktaUserId } from '../ids.js';
import { type LimitRule, pageLimit, setLinks } from '../paging.js';
import { notFound, oktaError } from '../respond.js';

export interface GroupRouteLimits {
  readonly groups: LimitRule;
  /** listGroups with `q`: one page, Okta's default 300. */
  readonly groupQuery: LimitRule;
  readonly members: LimitRule;
}

function origin(c: Context<OktaEnv>): string {
  return new URL(c.req.url).origin;
}

/**
 * Items after the cursor (an id: lists are in id order, so a binary search finds the start
 * without computing every id), `limit` of them, and the next cursor.
 */
function pageAfter<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  after: string | undefined,
  limit: number,
) {
  let from = 0;
  if (after) {
    let high = items.length;
    while (from < high) {
      const mid = (from + high) >>> 1;
      if (idOf(items[mid] as T) <= after) from = mid + 1;
      else high = mid;
    }
  }
  const page = items.slice(from, from + limit);
  const more = from + limit < items.length;
  return { page, next: more && page.length > 0 ? idOf(page[page.length - 1] as T) : null };
}

export function registerGroupRoutes(app: Hono<OktaEnv>, limits: GroupRouteLimits): void {
  app.get('/api/v1/groups', requireScope('okta.groups.read'), function listGroups(c) {
    const { groups } = c.get('directory');
    const q = c.req.query('q');
    const search = c.req.query('search');
    const filter = c.req.query('filter');
    const queryOnly = q !== undefined && search === undefined && filter === undefined;
    const limit = pageLimit(c.req.query('limit'), queryOnly ? limits.groupQuery : limits.groups);
    if (limit === null) return oktaError(c, 400, 'validation', 'limit');
    let matches: readonly GroupEntry[] = groups.all;
    try {
      const text = search ?? filter;
      if (text !== undefined) {
        const mode = search !== undefined ? 'search' : 'filter';
        const expression = parseGroupExpression(text, mode);
        const options = mode === 'search' ? GROUP_SEARCH_OPTIONS : GROUP_FILTER_OPTIONS;
        matches = matches.filter((g) => evaluate(expression, groupAccessor(g), options));
      } else if (q !== undefined) {
        const prefix = q.toLowerCase();
        matches = matches.filter((g) => g.name.toLowerCase().startsWith(prefix));
      }
    } catch (error) {
      if (error instanceof ExpressionError)
        return oktaError(c, 400, 'invalidSearch', '', [error.message]);
      throw error;
    }
    const { page, next } = pageAfter(matches, (g) => g.id, c.req.query('after'), limit);
    setLinks(c, queryOnly ? null : next, limit);
    const stats = (c.req.query('expand') ?? '').split(',').includes('stats');
    const base = origin(c);
    return c.json(page.map((g) => groups.view(g, base, stats)));
  });

  app.get('/api/v1/groups/:groupId', requireScope('okta.groups.read'), function getGroup(c) {
    const { groups } = c.get('directory');
    const id = c.req.param('groupId');
    const group = groups.byId(id);
    if (!group) return notFound(c, id, 'UserGroup');
    return c.json(groups.view(group, origin(c)));
  });

  app.get('/api/v1/groups/:groupId/users', requireScope('okta.groups.read'), function members(c) {
    const directory = c.get('directory');
    const id = c.req.param('groupId');
    const group = directory.groups.byId(id);
    if (!group) return notFound(c, id, 'UserGroup');
    const limit = pageLimit(c.req.query('limit'), limits.members);
    if (limit === null) return oktaError(c, 400, 'validation', 'limit');
    const { page, next } = pageAfter(group.members, oktaUserId, c.req.query('after'), limit);
    setLinks(c, next, limit);
    const base = origin(c);
    return c.json(
      page.flatMap((personId) => {
        const person = directory.company.person(personId);
        return person ? [directory.user(person, base)] : [];
      }),
    );
  });
}
