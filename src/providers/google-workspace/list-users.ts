/**
 * Paging users through users.list: Google's `pageToken`/`nextPageToken` (forward only, valid
 * three days), `maxResults` up to 500, one `orderBy` key, and filters through the user search
 * language (`query`), whose clauses all must hold:
 * - status: ACTIVE → `isSuspended=false isArchived=false`, INACTIVE → `isSuspended=true`;
 * - firstName/lastName/jobTitle → `givenName:` / `familyName:` / `orgTitle:` (Google matches a
 *   word prefix, not any substring);
 * - departments (org unit ids) → `orgUnitPath='…'` (that unit and the units under it);
 * - managers → `directManagerId='…'`.
 * The language has no OR, so several departments or managers become one sub-query each, walked
 * one after another; the native cursor says which sub-query and which of its page tokens is next.
 */

import type {
  CallContext,
  EmployeeOrderField,
  ListOperation,
  ListQuery,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { GoogleClient } from './client.js';
import { maskFor, maskParams, maskSize } from './fields.js';
import type { OrgUnits } from './lookups.js';
import type { GoogleUser } from './normalize.js';
import { userReply } from './reads.js';
import { shapes } from './shapes.js';

export const MAX_PAGE = 500;

const listFilters = [
  'status',
  'firstName',
  'lastName',
  'jobTitle',
  'departments',
  'managers',
] as const;

const listOrders: readonly EmployeeOrderField[] = ['FIRST_NAME', 'LAST_NAME'];

const orderNames: Partial<Record<EmployeeOrderField, string>> = {
  FIRST_NAME: 'givenName',
  LAST_NAME: 'familyName',
};

interface NativeCursor {
  /** Which sub-query. */
  readonly i: number;
  /** Its page token; null for its first page. */
  readonly t: string | null;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function decode(native: string): NativeCursor {
  try {
    const value = JSON.parse(native) as Partial<NativeCursor>;
    if (
      Number.isSafeInteger(value.i) &&
      (value.i as number) >= 0 &&
      (value.t === null || typeof value.t === 'string')
    ) {
      return { i: value.i as number, t: value.t };
    }
  } catch {
    // fall through
  }
  throw badInput('This cursor was not issued for this Google Workspace list.');
}

/**
 * The paths no other path covers. `orgUnitPath='…'` matches a unit and every unit under it, so
 * searching a unit under another one asked for finds nobody new, only the same people again.
 */
function outermost(paths: readonly string[]): string[] {
  // Paths compare case-insensitively, as Google matches them.
  const byLower = new Map(paths.map((path) => [path.toLowerCase(), path]));
  const under = (inner: string, outer: string) =>
    outer === '/' ? inner !== '/' : inner.startsWith(`${outer}/`);
  return [...byLower]
    .filter(([own]) => ![...byLower.keys()].some((other) => under(own, other)))
    .map(([, path]) => path);
}

/** The `query` of each sub-query; an empty list matches nobody. */
export function subQueries(query: ListQuery, orgUnits: OrgUnits | null): string[] {
  const { filter } = query;
  const base: string[] = [];
  if (filter.status === 'ACTIVE') base.push('isSuspended=false', 'isArchived=false');
  if (filter.status === 'INACTIVE') base.push('isSuspended=true');
  if (filter.firstName) base.push(`givenName:${quote(filter.firstName)}`);
  if (filter.lastName) base.push(`familyName:${quote(filter.lastName)}`);
  if (filter.jobTitle) base.push(`orgTitle:${quote(filter.jobTitle)}`);
  let variants: string[][] = [base];
  if (filter.departments) {
    // An id the catalogue does not know matches nobody, like any foreign id.
    const paths = outermost(
      filter.departments
        .map((id) => orgUnits?.byId(id)?.orgUnitPath)
        .filter((path): path is string => path !== undefined),
    );
    variants = variants.flatMap((v) => paths.map((p) => [...v, `orgUnitPath=${quote(p)}`]));
  }
  if (filter.managers) {
    const ids = [...new Set(filter.managers)];
    variants = variants.flatMap((v) => ids.map((id) => [...v, `directManagerId=${quote(id)}`]));
  }
  return variants.map((clauses) => clauses.join(' '));
}

export interface ListTarget {
  /** `customer=…` or `domain=…`. */
  readonly params: Readonly<Record<string, string>>;
}

async function listUsers(
  client: GoogleClient,
  target: ListTarget,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const { page, order } = request;
  const queries = subQueries(
    request,
    request.filter.departments ? request.lookups.get<OrgUnits>('orgUnits') : null,
  );
  if (page.direction === 'backward') {
    throw badInput(
      'Google Workspace pages forward only (its page tokens cannot walk back): use `first`/`after`, not `last`/`before`.',
      { argument: 'last' },
    );
  }
  if (order.length > 1) {
    throw badInput('Google Workspace orders users by one key only.', { argument: 'orderBy' });
  }
  if (order.length > 0 && queries.length > 1) {
    throw badInput(
      'Google Workspace cannot order a list filtered by several departments or managers: it runs one search per value.',
      { argument: 'orderBy' },
    );
  }
  const sort = order[0];
  const sortParams: Record<string, string> = {};
  if (sort) {
    const name = orderNames[sort.field];
    if (!name) {
      throw badInput(`Google Workspace cannot order users by ${sort.field}.`, {
        argument: 'orderBy',
      });
    }
    sortParams.orderBy = name;
    sortParams.sortOrder = sort.direction === 'DESC' ? 'DESCENDING' : 'ASCENDING';
  }
  let cursor = page.native === null ? { i: 0, t: null } : decode(page.native);
  const users: GoogleUser[] = [];
  const mask = maskFor(request.keys);
  while (cursor.i < queries.length && users.length < page.limit) {
    const q = queries[cursor.i];
    const body = await client.get<{ users?: GoogleUser[]; nextPageToken?: string }>(
      'google.users.list',
      '/users',
      ctx,
      {
        query: {
          ...target.params,
          maxResults: String(Math.min(page.limit - users.length, MAX_PAGE)),
          ...(q ? { query: q } : {}),
          ...sortParams,
          ...(cursor.t ? { pageToken: cursor.t } : {}),
          ...maskParams(mask, true),
        },
        shape: shapes.users,
        pageToken: cursor.t !== null,
        fields: maskSize(mask),
      },
    );
    users.push(...(body?.users ?? []));
    const token = body?.nextPageToken ?? null;
    cursor = token ? { i: cursor.i, t: token } : { i: cursor.i + 1, t: null };
  }
  return {
    records: users.map((user) => userReply(user, request.keys)),
    next: cursor.i < queries.length ? JSON.stringify(cursor) : null,
    prev: null,
    totalCount: null,
  };
}

/** users.list as the catalog's list operation: it takes the same masks as users.get. */
export function googleList(client: GoogleClient, target: ListTarget): ListOperation {
  return {
    filters: listFilters,
    orders: listOrders,
    maxPageSize: MAX_PAGE,
    directions: ['forward'],
    // A department filter names org units by path in the search language.
    needs: (query) => (query.filter.departments ? ['orgUnits'] : []),
    carries: (keys) => keys,
    // No OR: one search per department and manager named (an org unit under another is one).
    searches: (query) =>
      Math.max(1, new Set(query.filter.departments).size) *
      Math.max(1, new Set(query.filter.managers).size),
    run: (request, ctx) => listUsers(client, target, request, ctx),
  };
}
