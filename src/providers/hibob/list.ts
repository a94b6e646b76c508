/**
 * HiBob's employee list as the list operation. `POST /people/search` has no paging: one call
 * returns everyone the service user can see. So every page is one search, asked for the fields
 * the page needs, and cut locally: the native cursor is an offset into that reply (`"40"`: the
 * boundary before the 41st record), which walks both ways, and the total is the reply's length.
 * Walking N people at page size P therefore costs ⌈N / P⌉ searches, each returning all N records
 * narrowed to the page's fields: Bob's own paging cannot do better (README, "What it costs").
 *
 * Filters: the ids (Bob's `root.id` filter) and the status, which is `showInactive` (ACTIVE asks
 * without it; INACTIVE asks with it and keeps those whose `internal.status` is not Active).
 * Bob's search takes no order, so no order is offered.
 */
import type {
  CallContext,
  ListOperation,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { HibobClient } from './client.js';
import { isSearchKey } from './fields.js';
import { searchPeople } from './people.js';
import { toReply, valueAt } from './records.js';

/** The most records hrgraph cuts into one page (the server's own connection maximum). */
export const HIBOB_MAX_PAGE = 1000;

const STATUS_KEY = 'internal.status';

function offsetOf(native: string): number {
  if (!/^\d{1,9}$/.test(native)) {
    throw badInput('The cursor does not name a HiBob page.', { argument: 'cursor' });
  }
  return Number(native);
}

export function hibobList(client: HibobClient): ListOperation {
  return {
    filters: ['status', 'ids'],
    orders: [],
    maxPageSize: HIBOB_MAX_PAGE,
    directions: ['forward', 'backward'],
    // A page is a search: it carries every field a search can, never a table or time off.
    carries: (keys) => keys.filter(isSearchKey),
    run: (request, ctx) => listPage(client, request, ctx),
  };
}

async function listPage(
  client: HibobClient,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const { filter, page, keys } = request;
  const inactiveOnly = filter.status === 'INACTIVE';
  const records = await searchPeople(
    client,
    'hibob.people.search',
    {
      keys: inactiveOnly ? [...keys, STATUS_KEY] : keys,
      ...(filter.ids ? { ids: filter.ids } : {}),
      showInactive: filter.status !== 'ACTIVE',
    },
    ctx,
  );
  const kept = inactiveOnly
    ? records.filter((record) => valueAt(record, STATUS_KEY) !== 'Active')
    : records;
  const total = kept.length;
  const limit = Math.min(Math.max(page.limit, 1), HIBOB_MAX_PAGE);
  let start: number;
  let end: number;
  if (page.direction === 'forward') {
    start = Math.min(page.native === null ? 0 : offsetOf(page.native), total);
    end = Math.min(start + limit, total);
  } else {
    end = Math.min(page.native === null ? total : offsetOf(page.native), total);
    start = Math.max(0, end - limit);
  }
  return {
    records: kept.slice(start, end).map((record) => toReply(record, keys)),
    next: end < total ? String(end) : null,
    prev: start > 0 ? String(start) : null,
    totalCount: total,
  };
}
