/**
 * The shared cache of lookups (field catalogues, org lists, groups…): one per running hrgraph,
 * created at start-up, bounded, each value kept for its lookup's stated freshness and loaded once
 * however many requests ask at the same time. An interface with an embedded default (lru-cache),
 * so several replicas could share one in Redis without touching the loaders.
 */
import { LRUCache } from 'lru-cache';
import type { CallContext, Lookup, LookupName, ProviderAdapter } from '../core/contract/index.js';

export interface LookupCache {
  /** The lookup's value for this adapter's account, from the cache while it is fresh. */
  get<T>(
    adapter: ProviderAdapter,
    name: LookupName,
    lookup: Lookup<T>,
    ctx: CallContext,
  ): Promise<T>;
  /**
   * Whether a fresh value is held now, so a read would make no call: what explain counts a
   * lookup by. A cache that cannot tell leaves it out, and explain gives such lookups a bound.
   */
  has?(adapter: ProviderAdapter, name: LookupName): boolean;
}

export interface LookupCacheOptions {
  /** Most values kept, over every account; the least recently used go first. @default 1000 */
  readonly maxEntries?: number;
  /** The clock freshness is measured by (ms). @default performance.now */
  readonly now?: () => number;
}

interface Pending {
  readonly lookup: Lookup;
  readonly ctx: CallContext;
}

export function createLookupCache(options: LookupCacheOptions = {}): LookupCache {
  const { maxEntries = 1000, now } = options;
  // Keyed by adapter instance, not account id: an account whose configuration changed gets a
  // new adapter, and must not be served what its old company's lookups said.
  const instances = new WeakMap<ProviderAdapter, number>();
  let nextInstance = 0;
  const instanceOf = (adapter: ProviderAdapter) => {
    let id = instances.get(adapter);
    if (id === undefined) {
      id = nextInstance++;
      instances.set(adapter, id);
    }
    return id;
  };
  // Values are boxed: lru-cache reads an undefined fetch result as "nothing to cache".
  const cache = new LRUCache<string, { value: unknown }, Pending>({
    max: maxEntries,
    // With a clock of its own, every read asks it (lru-cache otherwise reuses a reading for 1 ms).
    ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    // Every entry gets its lookup's own freshness at fetch time; this only enables TTLs.
    ttl: 1,
    fetchMethod: async function loadLookup(_key, _stale, { context }) {
      return { value: await context.lookup.load(context.ctx) };
    },
  });
  const keyOf = (adapter: ProviderAdapter, name: LookupName) =>
    `${instanceOf(adapter)}\u0000${name}`;
  return {
    async get<T>(adapter: ProviderAdapter, name: LookupName, lookup: Lookup<T>, ctx: CallContext) {
      const boxed = await cache.fetch(keyOf(adapter, name), {
        context: { lookup, ctx },
        ttl: lookup.freshnessMs,
      });
      return boxed!.value as T;
    },
    // lru-cache's `has` is false for a stale entry and for one still loading: both cost a call.
    has: (adapter, name) => cache.has(keyOf(adapter, name)),
  };
}
