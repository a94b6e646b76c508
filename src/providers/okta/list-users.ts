/**
 * Paging users through `GET /api/v1/users` (listUsers), forward only, with Okta's own cursor:
 * the `after` of the `Link: rel="next"` header, never one computed here.
 *
 * Which of listUsers' modes a query takes (spec, listUsers parameters):
 * - status ACTIVE alone → the plain list, which leaves DEPROVISIONED users out;
 * - no condition → `filter=lastUpdated gt "1970-01-01T00:00:00.000Z"`: every user has one, and a
 *   filter includes DEPROVISIONED users, so the directory is complete as BambooHR's is;
 * - ids, status INACTIVE → `filter` (`id eq`, `status eq "DEPROVISIONED"`): strongly consistent;
 * - names, departments, managers (or ACTIVE with ids) → `search`: `profile.firstName co`,
 *   `profile.department eq`, `profile.managerId eq`; ACTIVE is `(status lt "DEPROVISIONED" or
 *   status gt "DEPROVISIONED")`, the spec's own stand-in for the `ne` search lacks.
 * Search is eventually consistent (spec): a user changed seconds ago may match late.
 *
 * Long id or manager lists are split into chunks of IDS_PER_CALL conditions, walked one after
 * another; the native cursor says which chunk and which `after` within it.
 */

import type {
  CallContext,
  ListOperation,
  ListQuery,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { OktaClient } from './client.js';
import { projectionOf } from './fields.js';
import type { GroupDirectory } from './groups.js';
import { nextCursor } from './pages.js';
import { type OktaObject, shapes } from './shapes.js';
import { anyOf, IDS_PER_CALL, isOktaUserId } from './user-reads.js';
import { userReply } from './user-record.js';

/** listUsers' page size: the spec's default, and the most Okta serves users in one page. */
export const USERS_PAGE_MAX = 200;

export const listFilters = [
  'status',
  'firstName',
  'lastName',
  'departments',
  'ids',
  'managers',
] as const;

const EVERYONE = 'lastUpdated gt "1970-01-01T00:00:00.000Z"';
const NOT_DEPROVISIONED = '(status lt "DEPROVISIONED" or status gt "DEPROVISIONED")';

interface NativeCursor {
  /** The chunk of ids or managers being walked. */
  readonly c: number;
  /** Okta's `after` within it; null at the chunk's start. */
  readonly a: string | null;
}

function decode(native: string | null): NativeCursor {
  if (native === null) return { c: 0, a: null };
  try {
    const value = JSON.parse(native) as Partial<NativeCursor>;
    if (
      Number.isSafeInteger(value.c) &&
      (value.c as number) >= 0 &&
      (value.a === null || typeof value.a === 'string')
    ) {
      return { c: value.c as number, a: value.a };
    }
  } catch {
    // fall through: not ours
  }
  throw badInput('This cursor does not belong to an Okta user list; start again without it');
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += IDS_PER_CALL) {
    out.push(items.slice(at, at + IDS_PER_CALL));
  }
  return out;
}

interface ModeParams {
  readonly filter?: string;
  readonly search?: string;
}

/** The listUsers mode (`filter`, `search` or neither) for one chunk of ids or managers. */
function modeFor(
  query: ListQuery,
  departmentNames: readonly string[] | null,
  chunk: { readonly ids?: readonly string[]; readonly managers?: readonly string[] },
): ModeParams {
  const { filter } = query;
  const ids = chunk.ids ? anyOf('id', chunk.ids) : null;
  const searchOnly = [
    filter.firstName !== undefined && `profile.firstName co ${JSON.stringify(filter.firstName)}`,
    filter.lastName !== undefined && `profile.lastName co ${JSON.stringify(filter.lastName)}`,
    departmentNames && anyOf('profile.department', departmentNames),
    chunk.managers && anyOf('profile.managerId', chunk.managers),
  ].filter((term): term is string => typeof term === 'string');
  const inactive = filter.status === 'INACTIVE' ? 'status eq "DEPROVISIONED"' : null;
  if (searchOnly.length > 0 || (filter.status === 'ACTIVE' && ids)) {
    const status = filter.status === 'ACTIVE' ? NOT_DEPROVISIONED : inactive;
    const terms = [status, ids, ...searchOnly].filter((t): t is string => t !== null);
    return { search: terms.join(' and ') };
  }
  if (ids || inactive) {
    return { filter: [inactive, ids].filter((t): t is string => t !== null).join(' and ') };
  }
  return filter.status === 'ACTIVE' ? {} : { filter: EVERYONE };
}

/** listUsers as the contract's list operation: forward only, in Okta's id order. */
export function oktaList(client: OktaClient): ListOperation {
  return {
    filters: listFilters,
    orders: [],
    maxPageSize: USERS_PAGE_MAX,
    directions: ['forward'],
    // A department filter names groups by id; Okta's search takes the department's name.
    needs: (query) => (query.filter.departments ? ['groups'] : []),
    // The `fields` projection takes any top-level property or profile attribute.
    carries: (keys) => keys,
    run: (request, ctx) => listUsers(client, request, ctx),
  };
}

async function listUsers(
  client: OktaClient,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const empty: NativePage<RawReply> = { records: [], next: null, prev: null, totalCount: null };
  if (request.page.direction === 'backward') {
    throw badInput(
      "Okta's user list pages forward only: use `first`/`after`, not `last`/`before`",
      { argument: 'last' },
    );
  }
  if (request.order.length > 0) {
    throw badInput('Okta accounts list employees in Okta id order only; drop `orderBy`', {
      argument: 'orderBy',
    });
  }
  const native = decode(request.page.native);
  const { filter, keys } = request;
  // Ids that are not Okta ids (a login, a quote) cannot match, and must not reach an expression.
  const ids = filter.ids && [...new Set(filter.ids.filter(isOktaUserId))].sort();
  const managers = filter.managers && [...new Set(filter.managers.filter(isOktaUserId))];
  if (ids?.length === 0 || managers?.length === 0) return empty;
  if ((ids?.length ?? 0) > IDS_PER_CALL && (managers?.length ?? 0) > IDS_PER_CALL) {
    throw badInput(
      `Okta accounts filter by more than ${IDS_PER_CALL} ids or by more than ${IDS_PER_CALL} managers, not both at once`,
    );
  }
  let departmentNames: string[] | null = null;
  if (filter.departments) {
    const directory = request.lookups.get<GroupDirectory>('groups');
    departmentNames = [...new Set(filter.departments.flatMap((id) => directory.nameOf(id) ?? []))];
    if (departmentNames.length === 0) return empty;
  }
  // The longer list is the one walked in chunks; the other fits one expression.
  const splitIds = (ids?.length ?? 0) > IDS_PER_CALL;
  const parts = splitIds ? chunks(ids!) : managers ? chunks(managers) : [[]];
  const part = parts[native.c];
  if (part === undefined) throw badInput('This Okta cursor is past the end of its list');
  const chunk = splitIds ? { ids: part, managers } : { ids, managers: managers && part };
  const mode = modeFor(request, departmentNames, chunk);

  const reply = await client.get<OktaObject[]>('okta.listUsers', '/api/v1/users', ctx, {
    query: {
      ...mode,
      limit: String(Math.min(Math.max(request.page.limit, 1), USERS_PAGE_MAX)),
      after: native.a ?? undefined,
      fields: projectionOf(keys),
    },
    shape: shapes.users,
    fields: keys.length,
    ids: chunk.ids?.length ?? 0,
  });
  const after = reply
    ? nextCursor(reply, { accountId: client.accountId, operation: 'okta.listUsers' })
    : null;
  const next =
    after !== null
      ? { c: native.c, a: after }
      : native.c + 1 < parts.length
        ? { c: native.c + 1, a: null }
        : null;
  return {
    records: (reply?.body ?? []).map((user) => userReply(user, keys)),
    next: next && JSON.stringify(next),
    prev: null,
    totalCount: null,
  };
}
