/**
 * One page of employees through a provider's list operation: the keys the selection needs that
 * the page can carry (and its managers', when they fit: page-keys.ts), the lookups a filter needs
 * first (and those the fields need, loaded beside the call), the page checked (reply-checks.ts)
 * and its records stored as rows.
 */
import { storeRecord } from './executor.js';
import { pageKeys } from './page-keys.js';
import { checkPage } from './reply-checks.js';
import { keysOf, type RequestState } from './request-state.js';
import { allSettledOrThrow } from './settle.js';
import type { HrLoaders } from './types.js';
import { unwrapCursor, wrapCursor } from './walk-cursor.js';
import type { WalkMemory } from './walk-memory.js';

export function createListEmployees(
  state: RequestState,
  walks: WalkMemory,
): HrLoaders['listEmployees'] {
  const { ctx, lookups, store } = state;
  return async function listEmployees(account, args) {
    const adapter = state.adapter(account);
    if (!adapter) return { records: [], next: null, prev: null, totalCount: 0 };
    const { list, isRemoteId } = adapter.employees;
    // Ids a client names in a filter reach the provider only if the provider could have issued
    // them; a filter left naming nobody matches nobody, at no call.
    const { ids, managers } = args.filter;
    const filter = {
      ...args.filter,
      ...(ids ? { ids: ids.filter(isRemoteId) } : {}),
      ...(managers ? { managers: managers.filter(isRemoteId) } : {}),
    };
    if (filter.ids?.length === 0 || filter.managers?.length === 0) {
      return { records: [], next: null, prev: null, totalCount: 0 };
    }
    const query = { filter, order: args.order };
    const wanted = pageKeys(
      list,
      query,
      keysOf(adapter, args.fields),
      args.managerFields ? keysOf(adapter, args.managerFields) : null,
    );
    const walk = args.native === null ? null : unwrapCursor(args.native);
    const native = walk?.native ?? null;
    const before = await lookups.load(adapter, list.needs?.(query) ?? []);
    const [page] = await allSettledOrThrow([
      list.run(
        {
          ...query,
          page: { direction: args.direction, limit: args.limit, native },
          keys: wanted.keys,
          lookups: before,
        },
        ctx,
      ),
      lookups.load(adapter, wanted.lookups),
    ]);
    const source = { accountId: account, operation: 'employee list' };
    const position = walk?.before ?? 0;
    const walkId = walk?.walk ?? null;
    const records = checkPage(adapter.employees, source, page, {
      limit: args.limit,
      native,
      direction: args.direction,
      boundary: walk?.boundary ?? null,
      before: position,
      ...(walkId === null ? {} : { repeated: (ids) => walks.repeated(walkId, position, ids) }),
    });
    if (page.totalCount !== null && !filter.ids) {
      state.sizes.set(account, Math.max(state.sizes.get(account) ?? 0, page.totalCount));
    }
    const rows = records.map((record) =>
      state.row(storeRecord(store, adapter, record.id, record.values)),
    );
    // In walking order the record before the next page is this page's last (forward) or first
    // (backward); the count of what the walk returned, and the walk's memory, carry on only in
    // the direction walked: the other way starts a walk of its own, which meets these again.
    const walked = position + rows.length;
    const boundary = walk?.boundary ?? null;
    const ahead = args.direction === 'forward' ? page.next : page.prev;
    let onward: string | null = null;
    if (ahead !== null && rows.length > 0) {
      onward = walkId ?? walks.begin();
      walks.record(
        onward,
        position,
        rows.map((row) => row.remoteId),
      );
    }
    const continues = (direction: 'forward' | 'backward') =>
      args.direction === direction
        ? { before: walked, walk: onward ?? walkId }
        : { before: 0, walk: null };
    return {
      records: rows,
      next:
        page.next === null
          ? null
          : wrapCursor({
              native: page.next,
              boundary: rows[rows.length - 1]?.remoteId ?? boundary,
              ...continues('forward'),
            }),
      prev:
        page.prev === null
          ? null
          : wrapCursor({
              native: page.prev,
              boundary: rows[0]?.remoteId ?? boundary,
              ...continues('backward'),
            }),
      totalCount: page.totalCount,
    };
  };
}
