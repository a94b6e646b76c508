/**
 * One request's view of the lookups: each (account, lookup) is taken from the shared cache once,
 * on first use, and the request keeps that version to the end, so every field of one response
 * is normalised against the same org lists even if the cache refreshes meanwhile.
 */
import type {
  CallContext,
  LookupName,
  LookupValues,
  ProviderAdapter,
} from '../core/contract/index.js';
import type { AccountId } from '../core/ids.js';
import type { LookupCache } from './lookup-cache.js';
import { asError } from './settle.js';

interface Slot {
  readonly promise: Promise<unknown>;
  settled?: { readonly value: unknown } | { readonly error: Error };
}

export interface RequestLookups {
  /** Loads the named lookups (each once per request); resolves to the failures by name. */
  settle(adapter: ProviderAdapter, names: readonly LookupName[]): Promise<Map<LookupName, Error>>;
  /** Loads the named lookups; rejects with the first failure, once every one has settled. */
  load(adapter: ProviderAdapter, names: readonly LookupName[]): Promise<LookupValues>;
  /** Whether every named lookup is loaded (successfully) for this request. */
  ready(adapter: ProviderAdapter, names: readonly LookupName[]): boolean;
  /** The account's loaded lookups; reading one not loaded is a programming error. */
  values(adapter: ProviderAdapter): LookupValues;
}

export function createRequestLookups(cache: LookupCache, ctx: CallContext): RequestLookups {
  const slots = new Map<AccountId, Map<LookupName, Slot>>();
  const views = new Map<AccountId, LookupValues>();

  function slotOf(adapter: ProviderAdapter, name: LookupName): Slot {
    let byName = slots.get(adapter.accountId);
    if (!byName) {
      byName = new Map();
      slots.set(adapter.accountId, byName);
    }
    let slot = byName.get(name);
    if (!slot) {
      const lookup = adapter.lookups.reads[name];
      const promise = lookup
        ? cache.get(adapter, name, lookup, ctx)
        : Promise.reject(new TypeError(`${adapter.provider} has no lookup named ${name}`));
      const created: Slot = { promise };
      promise.then(
        (value) => {
          created.settled = { value };
        },
        (error: unknown) => {
          created.settled = { error: asError(error) };
        },
      );
      slot = created;
      byName.set(name, slot);
    }
    return slot;
  }

  async function settle(adapter: ProviderAdapter, names: readonly LookupName[]) {
    const failures = new Map<LookupName, Error>();
    await Promise.all(
      names.map(async (name) => {
        try {
          await slotOf(adapter, name).promise;
        } catch (error) {
          failures.set(name, asError(error));
        }
      }),
    );
    return failures;
  }

  function values(adapter: ProviderAdapter): LookupValues {
    let view = views.get(adapter.accountId);
    if (!view) {
      view = {
        get<T>(name: LookupName): T {
          const settled = slots.get(adapter.accountId)?.get(name)?.settled;
          if (!settled || 'error' in settled) {
            throw new Error(`Lookup ${name} of account ${adapter.accountId} is not loaded`);
          }
          return settled.value as T;
        },
      };
      views.set(adapter.accountId, view);
    }
    return view;
  }

  return {
    settle,
    async load(adapter, names) {
      const failures = await settle(adapter, names);
      const [first] = failures.values();
      if (first) throw first;
      return values(adapter);
    },
    ready(adapter, names) {
      const byName = slots.get(adapter.accountId);
      for (const name of names) {
        const settled = byName?.get(name)?.settled;
        if (!settled || 'error' in settled) return false;
      }
      return true;
    },
    values,
  };
}
