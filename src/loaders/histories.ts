/**
 * History rows (jobs, pay, status, time off, balances) through the same demands as any field:
 * a history is a key of the employee's record (a windowed one carries its window), so a page's
 * histories of one kind batch into one planned read, and the rows come from the stored value.
 */
import type { HistorySource, HistorySources } from '../core/contract/index.js';
import type { EntityRef } from '../core/ids.js';
import type { RequestState } from './request-state.js';

type Kind = keyof HistorySources;
type SourceOf<K extends Kind> = NonNullable<HistorySources[K]>;
type RowOf<K extends Kind> = SourceOf<K> extends HistorySource<infer R, never> ? R : never;
type ArgOf<K extends Kind> = Parameters<SourceOf<K>['key']>[0];

export function createHistoryReader(deps: RequestState) {
  return {
    /** Null, with no provider call, when the account's provider keeps no such history. */
    async read<K extends Kind>(ref: EntityRef, kind: K, arg: ArgOf<K>): Promise<RowOf<K>[] | null> {
      const adapter = deps.adapter(ref.accountId);
      const source = adapter?.employees.histories[kind] as
        | HistorySource<RowOf<K>, ArgOf<K>>
        | undefined;
      if (!adapter || !source) return null;
      const key = source.key(arg);
      const needs = source.needs ?? [];
      await deps.demand(adapter, {
        accountId: ref.accountId,
        remoteId: ref.remoteId,
        keys: [key],
        lookups: needs,
        exists: false,
      });
      const value = deps.entry(ref)?.values.get(key) ?? null;
      const owner = { accountId: ref.accountId, remoteId: ref.remoteId };
      return source.rows(value, owner, deps.lookups.values(adapter), arg);
    },
  };
}
