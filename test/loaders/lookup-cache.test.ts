/**
 * The shared lookup cache (DESIGN "State": an interface with an embedded default): each value is
 * served for its lookup's stated freshness and loaded once however many ask at the same time,
 * per adapter instance, within a bound.
 */
import { describe, expect, it } from 'vitest';
import type { CallContext, Lookup, ProviderAdapter } from '../../src/core/contract/index.js';
import { createUpstreamRecorder } from '../../src/http/recorder.js';
import { createLookupCache } from '../../src/loaders/lookup-cache.js';

const ctx: CallContext = {
  signal: new AbortController().signal,
  recorder: createUpstreamRecorder(),
};
const adapter = (): ProviderAdapter => ({}) as ProviderAdapter;

function counting(freshnessMs: number): Lookup<number> & { loads: number } {
  const lookup = {
    loads: 0,
    freshnessMs,
    async load() {
      lookup.loads += 1;
      return lookup.loads;
    },
  };
  return lookup;
}

describe('the lookup cache', () => {
  it('loads once for every request asking at the same time', async () => {
    const cache = createLookupCache();
    const lists = counting(60_000);
    const a = adapter();
    const values = await Promise.all(
      Array.from({ length: 5 }, () => cache.get(a, 'lists', lists, ctx)),
    );
    expect(values).toEqual([1, 1, 1, 1, 1]);
    expect(lists.loads).toBe(1);
  });

  it("serves a value for its lookup's freshness, then loads it again", async () => {
    let now = 1_000_000;
    const cache = createLookupCache({ now: () => now });
    const lists = counting(300_000);
    const a = adapter();
    await cache.get(a, 'lists', lists, ctx);
    now += 299_000;
    expect(await cache.get(a, 'lists', lists, ctx)).toBe(1);
    now += 2_000;
    expect(await cache.get(a, 'lists', lists, ctx)).toBe(2);
  });

  it('keeps each adapter instance apart: a reconfigured account never sees its old lookups', async () => {
    const cache = createLookupCache();
    const lists = counting(60_000);
    await cache.get(adapter(), 'lists', lists, ctx);
    await cache.get(adapter(), 'lists', lists, ctx);
    expect(lists.loads).toBe(2);
  });

  it('is bounded: past maxEntries the least recently used is loaded again', async () => {
    const cache = createLookupCache({ maxEntries: 2 });
    const lists = counting(60_000);
    const [a, b, c] = [adapter(), adapter(), adapter()];
    for (const each of [a, b, c, a]) await cache.get(each, 'lists', lists, ctx);
    expect(lists.loads).toBe(4);
  });

  it('does not keep a failure: the next request loads again', async () => {
    const cache = createLookupCache();
    let calls = 0;
    const flaky: Lookup<string> = {
      freshnessMs: 60_000,
      async load() {
        calls += 1;
        if (calls === 1) throw new Error('down');
        return 'up';
      },
    };
    const a = adapter();
    await expect(cache.get(a, 'lists', flaky, ctx)).rejects.toThrow('down');
    expect(await cache.get(a, 'lists', flaky, ctx)).toBe('up');
  });
});
