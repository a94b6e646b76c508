/**
 * References by an alternate key (Google names a manager by email) resolved into ids, once per
 * request and value. The request's own records answer first: every stored record is indexed by
 * its value of the key (the page's people, anyone read before), so a manager on the page costs
 * nothing. The rest are read with the key's read, every value of one tick in one batch (one call
 * per value where the provider takes one); the records those reads return join the store, so
 * the referenced people's own fields (`manager { displayName }`) cost nothing more.
 *
 * Replies are checked as every read's are (ids present, valid, not repeated), and a read of one
 * value answers one record at most. A value nobody has resolves to null; a failed read is an
 * error for the references it carried only.
 */
import DataLoader from 'dataloader';
import type {
  AlternateKey,
  AlternateRef,
  CallContext,
  ProviderAdapter,
} from '../core/contract/index.js';
import type { RemoteId } from '../core/ids.js';
import { storeRecord } from './executor.js';
import type { RecordStore, StoredEmployee } from './record-store.js';
import { badReply, checkRecords } from './reply-checks.js';
import { asError } from './settle.js';
import type { Maybe } from './types.js';

export interface AlternateKeysDeps {
  readonly store: RecordStore;
  readonly ctx: CallContext;
}

export interface AlternateKeys {
  /**
   * The id `ref` names: at once when the request's records answer it, else once read. Null when
   * nobody has the value.
   */
  resolve(adapter: ProviderAdapter, ref: AlternateRef): Maybe<RemoteId | null>;
}

/** One account's index of one key. */
interface KeyIndex {
  /** Value → id, from stored records and from reads (an alias names its record too); null: nobody. */
  readonly ids: Map<string, RemoteId | null>;
  /** How many of the account's entries have been looked at; the store only ever appends. */
  seen: number;
  /** Entries looked at that had no value of the key yet (a later read may bring it). */
  unkeyed: StoredEmployee[];
}

interface Wanted {
  readonly adapter: ProviderAdapter;
  readonly ref: AlternateRef;
}

function chunks(values: readonly string[], key: AlternateKey): string[][] {
  const perCall = key.read.idsPerCall;
  if (perCall.kind === 'all') return values.length > 0 ? [[...values]] : [];
  const size = perCall.kind === 'one' ? 1 : perCall.max;
  const out: string[][] = [];
  for (let at = 0; at < values.length; at += size) out.push(values.slice(at, at + size));
  return out;
}

export function createAlternateKeys(deps: AlternateKeysDeps): AlternateKeys {
  const { store, ctx } = deps;
  const indexes = new Map<ProviderAdapter, Map<string, KeyIndex>>();

  function keyOf(adapter: ProviderAdapter, name: string): AlternateKey {
    const key = adapter.employees.alternateKeys?.[name];
    if (!key) throw new TypeError(`${adapter.provider} has no alternate key named ${name}`);
    return key;
  }

  /** The index, brought up to date with what the store gained since it was last looked at. */
  function indexOf(adapter: ProviderAdapter, name: string, key: AlternateKey): KeyIndex {
    let byName = indexes.get(adapter);
    if (!byName) {
      byName = new Map();
      indexes.set(adapter, byName);
    }
    let index = byName.get(name);
    if (!index) {
      index = { ids: new Map(), seen: 0, unkeyed: [] };
      byName.set(name, index);
    }
    const entries = store.entries(adapter.accountId);
    if (entries.size === index.seen && index.unkeyed.length === 0) return index;
    const add = (entry: StoredEmployee) => {
      const value = key.keyOf(entry.values);
      if (value === null) return false;
      if ((index.ids.get(value) ?? null) === null) index.ids.set(value, entry.remoteId);
      return true;
    };
    index.unkeyed = index.unkeyed.filter((entry) => !add(entry));
    let at = 0;
    for (const entry of entries.values()) {
      if (at++ < index.seen) continue;
      if (!add(entry)) index.unkeyed.push(entry);
    }
    index.seen = entries.size;
    return index;
  }

  /** Reads the values no record answered, and records what each read found. */
  async function readValues(
    adapter: ProviderAdapter,
    name: string,
    values: readonly string[],
  ): Promise<Map<string, Error>> {
    const key = keyOf(adapter, name);
    const index = indexOf(adapter, name, key);
    const unknown = values.filter((value) => !index.ids.has(value));
    const source = { accountId: adapter.accountId, operation: key.read.name };
    const failures = new Map<string, Error>();
    await Promise.all(
      chunks(unknown, key).map(async function readChunk(chunk) {
        try {
          const call = { operation: key.read.name, ids: chunk, fields: [] };
          const records = checkRecords(
            adapter.employees,
            source,
            await key.read.run(call, ctx),
            null,
          );
          const one = chunk.length === 1;
          if (one && records.length > 1) throw badReply(source, 'several records for one value');
          // Which asked value each record answers, all checked before anything is stored.
          const answers = records.map((record) => {
            const own = key.keyOf(record.values);
            const value = one ? chunk[0]! : own;
            if (value === null || !chunk.includes(value)) {
              throw badReply(source, 'a record that was not asked for');
            }
            return { record, value, own };
          });
          for (const { record, value, own } of answers) {
            storeRecord(store, adapter, record.id, record.values);
            index.ids.set(value, record.id);
            if (own !== null && (index.ids.get(own) ?? null) === null) {
              index.ids.set(own, record.id);
            }
          }
          for (const value of chunk) if (!index.ids.has(value)) index.ids.set(value, null);
        } catch (error) {
          for (const value of chunk) failures.set(value, asError(error));
        }
      }),
    );
    return failures;
  }

  const loader = new DataLoader<Wanted, RemoteId | null, string>(
    async function resolveReferences(wanted) {
      const groups = new Map<ProviderAdapter, Map<string, Set<string>>>();
      for (const { adapter, ref } of wanted) {
        const byName = groups.get(adapter) ?? new Map<string, Set<string>>();
        const values = byName.get(ref.key) ?? new Set<string>();
        values.add(ref.value);
        byName.set(ref.key, values);
        groups.set(adapter, byName);
      }
      const failed = new Map<ProviderAdapter, Map<string, Map<string, Error>>>();
      await Promise.all(
        [...groups].flatMap(([adapter, byName]) =>
          [...byName].map(async ([name, values]) => {
            const failures = await readValues(adapter, name, [...values]).catch(
              (error: unknown) => new Map([...values].map((value) => [value, asError(error)])),
            );
            const byKey = failed.get(adapter) ?? new Map<string, Map<string, Error>>();
            byKey.set(name, failures);
            failed.set(adapter, byKey);
          }),
        ),
      );
      return wanted.map(
        ({ adapter, ref }) =>
          failed.get(adapter)?.get(ref.key)?.get(ref.value) ??
          indexes.get(adapter)?.get(ref.key)?.ids.get(ref.value) ??
          null,
      );
    },
    {
      cacheKeyFn: ({ adapter, ref }) => `${adapter.accountId}\u0000${ref.key}\u0000${ref.value}`,
    },
  );

  return {
    resolve(adapter, ref) {
      const known = indexOf(adapter, ref.key, keyOf(adapter, ref.key)).ids.get(ref.value);
      return known !== undefined ? known : loader.load({ adapter, ref });
    },
  };
}
