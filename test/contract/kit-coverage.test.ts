/**
 * Issue 15, item 4: "A new provider passes the suite before it is called done." Every provider of
 * the registry has a contract kit, so the whole suite runs over it; the providers still being
 * moved onto the contract are listed (kits.ts) and leave the list when their kit lands.
 */
import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/registry.js';
import { awaitingKit, hasKit, loadKits } from './kits.js';

describe('every registered provider runs the contract suite', () => {
  it.each(providerNames.filter((name) => !awaitingKit.has(name)))(
    '%s has a kit at test/providers/<name>/kit.ts',
    (name) => {
      expect(hasKit(name)).toBe(true);
    },
  );

  it('a provider awaiting its kit has none yet, and is registered (else the list is stale)', () => {
    for (const name of awaitingKit) {
      expect(hasKit(name), name).toBe(false);
      expect(providerNames as readonly string[], name).toContain(name);
    }
  });

  it('each kit names the provider whose folder holds it', async () => {
    const kits = await loadKits();
    expect(kits.map((kit) => kit.provider)).toEqual(providerNames.filter(hasKit));
    expect(kits.length).toBeGreaterThan(0);
  });
});
