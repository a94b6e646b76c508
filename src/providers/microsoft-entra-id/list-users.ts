/**
 * Paging users through `GET /v1.0/users` (List users), forward only, with Graph's own cursor: the
 * `$skiptoken` of `@odata.nextLink`, never one computed here. The link's URL is not called as
 * is: the next call stays on the configured Graph root with hrgraph's own options, and only the
 * token Graph issued is carried over (a cursor comes back from the client, and must not be able
 * to send the account's token elsewhere).
 *
 * `$select` carries exactly the selection's properties, `$expand=manager($select=id)` the
 * managers, `$top` up to 999. Filters are those Graph serves without advanced query parameters,
 * so reads stay strongly consistent: status is `accountEnabled eq`, departments
 * `department in (…names…)`, ids `id in (…)`. Graph refuses an `in` of more than 15 values
 * (its OR-clause limit), so a page filtered by ids is one `$batch` of up to 20 such lists: up to
 * 300 ids a call, in id order; the native cursor then says how many of the sorted ids are done.
 */
import type {
  CallContext,
  ListOperation,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { unexpectedBodyError } from '../../http/errors.js';
import { BATCH_MAX, runBatch } from './batch.js';
import { failure, type GraphClient, graphErrorCode, graphUrl } from './client.js';
import { propertyOf, SINGLE_USER_ONLY, selectionOf } from './fields.js';
import type { GroupDirectory } from './groups.js';
import { skipTokenOf } from './next-link.js';
import { type GraphObject, shapes } from './shapes.js';
import { isEntraObjectId } from './user-reads.js';
import { userReply } from './user-record.js';

/** List users' largest `$top`. */
export const USERS_PAGE_MAX = 999;
/** Values one `in (…)` may hold: Graph's limit on OR clauses in a directory filter. */
export const IN_MAX = 15;

/** Where a walk is: Graph's `$skiptoken`, or (filtered by ids) how many sorted ids are done. */
type NativeCursor = { readonly s: string | null } | { readonly o: number };

function decode(native: string | null): NativeCursor {
  if (native === null) return { s: null };
  try {
    const value = JSON.parse(native) as { s?: unknown; o?: unknown };
    if (typeof value.s === 'string') return { s: value.s };
    if (Number.isSafeInteger(value.o) && (value.o as number) > 0) return { o: value.o as number };
  } catch {
    // fall through: not ours
  }
  throw badInput('This cursor does not belong to an Entra ID user list; start again without it');
}

/** An OData string literal: quoted, with quotes doubled. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const anyOf = (property: string, values: readonly string[]) =>
  values.length === 1
    ? `${property} eq ${literal(values[0]!)}`
    : `${property} in (${values.map(literal).join(',')})`;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += IN_MAX) out.push(items.slice(at, at + IN_MAX));
  return out;
}

/** Ids one call can filter by: a `$batch` of lists, each `id in (…)` of up to 15. */
export const IDS_PER_LIST_CALL = IN_MAX * BATCH_MAX;

export function entraList(client: GraphClient): ListOperation {
  return {
    filters: ['status', 'departments', 'ids'],
    orders: [],
    maxPageSize: USERS_PAGE_MAX,
    directions: ['forward'],
    // A department filter names groups by id; Graph filters by the department's name.
    needs: (query) => (query.filter.departments ? ['groups'] : []),
    // Everything but what Graph returns only for one user at a time.
    carries: (keys) => keys.filter((key) => !SINGLE_USER_ONLY.has(propertyOf(key))),
    run: (request, ctx) => listUsers(client, request, ctx),
  };
}

async function listUsers(
  client: GraphClient,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const empty: NativePage<RawReply> = { records: [], next: null, prev: null, totalCount: null };
  if (request.page.direction === 'backward') {
    throw badInput(
      "Entra ID's user list pages forward only (@odata.nextLink): use `first`/`after`, not `last`/`before`",
      { argument: 'last' },
    );
  }
  if (request.order.length > 0) {
    throw badInput('Entra ID accounts list employees in directory order only; drop `orderBy`', {
      argument: 'orderBy',
    });
  }
  const native = decode(request.page.native);
  const { filter, keys } = request;
  // Ids that are not object ids cannot match, and must not reach an expression.
  const ids =
    filter.ids &&
    [...new Set(filter.ids.filter(isEntraObjectId).map((id) => id.toLowerCase()))].sort();
  if (ids?.length === 0) return empty;
  let departments: string[] | null = null;
  if (filter.departments) {
    const directory = request.lookups.get<GroupDirectory>('groups');
    departments = [...new Set(filter.departments.flatMap((id) => directory.nameOf(id) ?? []))];
    if (departments.length === 0) return empty;
    if (departments.length > IN_MAX) {
      throw badInput(`Entra ID accounts filter by at most ${IN_MAX} departments at once`, {
        argument: 'filter.departments',
      });
    }
  }
  const terms = [
    filter.status && `accountEnabled eq ${filter.status === 'ACTIVE'}`,
    departments && anyOf('department', departments),
  ].filter((term): term is string => typeof term === 'string');
  const operation = 'entra.listUsers';
  const where = { accountId: client.accountId, operation };
  if (ids) {
    if ('s' in native && native.s !== null)
      throw badInput('This Entra ID cursor belongs to another list');
    return listByIds(client, request, ids, terms, 'o' in native ? native.o : 0, ctx);
  }
  if ('o' in native) throw badInput('This Entra ID cursor belongs to another list');
  const body = await client.call<GraphObject>(operation, '/v1.0/users', ctx, {
    query: {
      ...selectionOf(keys),
      $filter: terms.length > 0 ? terms.join(' and ') : undefined,
      $top: String(Math.min(Math.max(request.page.limit, 1), USERS_PAGE_MAX)),
      $skiptoken: native.s ?? undefined,
    },
    shape: shapes.users,
    fields: keys.length,
  });
  const token = skipTokenOf(body, where);
  return {
    records: (body.value as GraphObject[]).map((user) => userReply(user, keys)),
    next: token === null ? null : JSON.stringify({ s: token }),
    prev: null,
    totalCount: null,
  };
}

/**
 * A page of users by id: the next `limit` of the sorted ids (300 at most), as one `$batch` of
 * `id in (…)` lists. An id nobody has is simply not answered, so a page may hold fewer users
 * than ids; the cursor moves on by ids, never by users.
 */
async function listByIds(
  client: GraphClient,
  request: ListRequest,
  ids: readonly string[],
  terms: readonly string[],
  done: number,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  if (done >= ids.length) throw badInput('This Entra ID cursor is past the end of its list');
  const window = ids.slice(
    done,
    done + Math.min(Math.max(request.page.limit, 1), IDS_PER_LIST_CALL),
  );
  const operation = 'entra.listUsersById';
  const select = selectionOf(request.keys);
  const requests = chunks(window).map((part, i) => ({
    id: String(i + 1),
    url: graphUrl('', '/users', {
      ...select,
      $filter: [...terms, anyOf('id', part)].join(' and '),
      $top: String(IN_MAX),
    }),
  }));
  const answers = await runBatch(client, operation, requests, ctx, { fields: request.keys.length });
  const where = { accountId: client.accountId, operation };
  const records = requests.flatMap(({ id }) => {
    const answer = answers.get(id)!;
    if (answer.status !== 200) throw failure(answer.status, graphErrorCode(answer.body), where);
    if (!shapes.users.test(answer.body))
      throw unexpectedBodyError(where, 200, shapes.users.describe);
    return ((answer.body as GraphObject).value as GraphObject[]).map((user) =>
      userReply(user, request.keys),
    );
  });
  const next = done + window.length;
  return {
    records,
    next: next < ids.length ? JSON.stringify({ o: next }) : null,
    prev: null,
    totalCount: null,
  };
}
