/**
 * Issue 15, item 4: "A new provider passes the suite before it is called done." Every provider of
 * the registry has a contract kit, so the whole suite runs over it.
 */
import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/registry.js';
import { hasKit, loadKits } from './kits.js';

describe('every registered provider runs the contract suite', () => {
  it.each(providerNames)('%s has a kit at test/providers/<name>/kit.ts', (name) => {
    expect(hasKit(name)).toBe(true);
  });

  it('each kit names the provider whose folder holds it', async () => {
    const kits = await loadKits();
    expect(kits.map((kit) => kit.provider)).toEqual(providerNames);
  });
});
