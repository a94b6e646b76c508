/**
 * Issue 14: the spec-generated replies suite is "part of adding any provider". Every provider of
 * the registry has a replies kit, so the suite runs over every read it makes.
 */
import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/registry.js';
import { replyKits } from './kits/index.js';

describe('every registered provider runs the spec-generated replies suite', () => {
  it.each(providerNames)('%s has a kit in test/replies/kits/', (name) => {
    expect(replyKits.map((kit) => kit.provider)).toContain(name);
  });
});
