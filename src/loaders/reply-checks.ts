/**
 * Trust nothing a provider sends (issue 14): the shape every reply must have, checked here once
 * for every provider instead of at each call site. A reply outside it is UPSTREAM_BAD_RESPONSE
 * naming the account and the operation — never the body, an id or any other value from it.
 */
import type { EmployeeCatalog, NativePage, RawReply } from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId, RemoteId } from '../core/ids.js';

export interface ReplySource {
  readonly accountId: AccountId;
  readonly operation: string;
}

export function badReply(source: ReplySource, what: string) {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `${source.operation} for account ${source.accountId}: ${what}`,
    { accountId: source.accountId, operation: source.operation },
  );
}

/**
 * The id of a record as a string, when it is one the provider could have issued: a string or an
 * integer (providers send numeric ids either way), passing the catalog's own test. Null else:
 * `undefined` must never become the id "undefined".
 */
export function remoteIdOf(catalog: EmployeeCatalog, id: unknown): RemoteId | null {
  const text =
    typeof id === 'string'
      ? id
      : typeof id === 'number' && Number.isSafeInteger(id)
        ? String(id)
        : null;
  return text !== null && catalog.isRemoteId(text) ? (text as RemoteId) : null;
}

export interface CheckedReply {
  readonly id: RemoteId;
  readonly values: Map<string, unknown>;
}

/**
 * Every record with a valid id, each id once. `asked`, when given, is the only ids the read may
 * answer (a read by ids); a read of the whole company passes null.
 */
export function checkRecords(
  catalog: EmployeeCatalog,
  source: ReplySource,
  replies: readonly RawReply[],
  asked: ReadonlySet<string> | null,
): CheckedReply[] {
  const seen = new Set<RemoteId>();
  const out: CheckedReply[] = [];
  for (const reply of replies) {
    const id = remoteIdOf(catalog, reply.id);
    if (id === null) throw badReply(source, 'a record without a valid id');
    if (asked && !asked.has(id)) throw badReply(source, 'a record that was not asked for');
    if (seen.has(id)) throw badReply(source, 'the same record twice');
    seen.add(id);
    out.push({ id, values: reply.values });
  }
  return out;
}

const maxInt = 2 ** 31 - 1;

/** What a page's check needs of the walk it belongs to. */
export interface PageContext {
  readonly limit: number;
  /** The native cursor the page was asked from; null for the first (or last) page. */
  readonly native: string | null;
  readonly direction: 'forward' | 'backward';
  /** The record just before this page in walking order, from the previous page. */
  readonly boundary: RemoteId | null;
  /** Records the walk returned before this page. */
  readonly before: number;
  /** The first of these ids an earlier page of the walk returned, as far as it is remembered. */
  readonly repeated?: (ids: readonly RemoteId[]) => RemoteId | null;
}

/**
 * A page: no more records than asked, valid and unique ids, none that an earlier page of the
 * walk returned, a cursor that moves, a total that is a count and covers what the walk has
 * returned.
 */
export function checkPage(
  catalog: EmployeeCatalog,
  source: ReplySource,
  page: NativePage<RawReply>,
  walk: PageContext,
): CheckedReply[] {
  if (page.records.length > walk.limit) {
    throw badReply(
      source,
      `a page of ${page.records.length} records where ${walk.limit} were asked`,
    );
  }
  const records = checkRecords(catalog, source, page.records, null);
  if (walk.boundary !== null && records.some((record) => record.id === walk.boundary)) {
    throw badReply(source, 'a page repeating records of the page before it');
  }
  if (walk.repeated?.(records.map((record) => record.id))) {
    throw badReply(source, 'a page repeating records of an earlier page of the walk');
  }
  const ahead = walk.direction === 'forward' ? page.next : page.prev;
  if (walk.native !== null && ahead === walk.native) {
    throw badReply(source, 'a cursor that does not advance');
  }
  const total = page.totalCount;
  // GraphQL's Int stops at 2^31 - 1: no company has more people, and a total past it could not
  // be shown anyway.
  if (
    total !== null &&
    (!Number.isSafeInteger(total) || total < walk.before + records.length || total > maxInt)
  ) {
    throw badReply(source, 'a total that is not a count of the records returned');
  }
  return records;
}
