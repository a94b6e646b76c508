/**
 * What one request knows about employees, for every account at once: per employee, the
 * provider's key → value map (adopted from the reply that first brought the record, merged into
 * after), the unified values computed from it, and which ids a read proved missing. A demand the
 * store can answer costs no provider call; a field whose keys are here resolves synchronously.
 */
import type { ProviderKey } from '../core/contract/index.js';
import type { AccountId, RemoteId } from '../core/ids.js';
import type { EmployeeField } from '../core/model.js';

export interface StoredEmployee {
  readonly accountId: AccountId;
  readonly remoteId: RemoteId;
  /** The provider's values by key. A key present with null: the provider has no value. */
  readonly values: Map<ProviderKey, unknown>;
  /** Unified values computed from `values`, memoised; cleared when `values` changes. */
  readonly unified: Map<EmployeeField, unknown>;
  /**
   * Whether a reply proved the employee exists: a list page, or any read that returned it. An
   * entry can exist without it, holding "no rows" from a history read that cannot tell.
   */
  exists: boolean;
}

export interface RecordStore {
  get(account: AccountId, id: RemoteId): StoredEmployee | undefined;
  /** The account's entries by id, in the order they were first stored (to index them by another key). */
  entries(account: AccountId): ReadonlyMap<RemoteId, StoredEmployee>;
  /**
   * Stores a checked record the provider returned (so it exists). The first reply's Map becomes
   * the entry's; later ones are merged into it.
   */
  put(account: AccountId, id: RemoteId, values: Map<ProviderKey, unknown>): StoredEmployee;
  /** Records keys a read asked for and the provider had no value for. */
  putNull(account: AccountId, id: RemoteId, keys: readonly ProviderKey[]): void;
  markMissing(account: AccountId, id: RemoteId): void;
  /** True once a read proved the id absent (and nothing since showed it). */
  isMissing(account: AccountId, id: RemoteId): boolean;
}

export function createRecordStore(): RecordStore {
  const byAccount = new Map<AccountId, Map<RemoteId, StoredEmployee>>();
  const missing = new Map<AccountId, Set<RemoteId>>();

  function entries(account: AccountId): Map<RemoteId, StoredEmployee> {
    let map = byAccount.get(account);
    if (!map) {
      map = new Map();
      byAccount.set(account, map);
    }
    return map;
  }

  function entryOf(account: AccountId, id: RemoteId, values?: Map<ProviderKey, unknown>) {
    const map = entries(account);
    let entry = map.get(id);
    if (!entry) {
      entry = {
        accountId: account,
        remoteId: id,
        values: values ?? new Map(),
        unified: new Map(),
        exists: false,
      };
      map.set(id, entry);
      return { entry, adopted: values !== undefined };
    }
    return { entry, adopted: false };
  }

  return {
    get: (account, id) => byAccount.get(account)?.get(id),
    entries: (account) => byAccount.get(account) ?? new Map(),
    put(account, id, values) {
      const { entry, adopted } = entryOf(account, id, values);
      if (!adopted) {
        // Merged key by key into the entry's Map: spreading records hundreds of keys wide is
        // quadratic-slow in V8. A unified value is computed only once all its keys are here, so
        // only a key that changes can make a memoised one stale.
        let changed = false;
        for (const [key, value] of values) {
          if (!changed && entry.values.has(key) && entry.values.get(key) !== value) changed = true;
          entry.values.set(key, value);
        }
        if (changed) entry.unified.clear();
      }
      entry.exists = true;
      missing.get(account)?.delete(id);
      return entry;
    },
    putNull(account, id, keys) {
      const { entry } = entryOf(account, id);
      for (const key of keys) if (!entry.values.has(key)) entry.values.set(key, null);
    },
    markMissing(account, id) {
      if (byAccount.get(account)?.get(id)?.exists) return;
      let set = missing.get(account);
      if (!set) {
        set = new Set();
        missing.set(account, set);
      }
      set.add(id);
    },
    isMissing: (account, id) => missing.get(account)?.has(id) ?? false,
  };
}
