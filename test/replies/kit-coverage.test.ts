/**
 * Issue 14: the spec-generated replies suite is "part of adding any provider". Every provider of
 * the registry has a replies kit, and every kit has its test file, so the suite runs over every
 * read it makes.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/registry.js';
import { replyKits } from './kits/index.js';

const kitFiles = readdirSync(new URL('./spec/', import.meta.url));

describe('every registered provider runs the spec-generated replies suite', () => {
  it.each(providerNames)('%s has a kit in test/replies/kits/', (name) => {
    expect(replyKits.map((kit) => kit.provider)).toContain(name);
  });

  it.each(replyKits.map((kit) => kit.provider))('%s has its file in test/replies/spec/', (name) => {
    expect(kitFiles).toContain(`${name}.test.ts`);
  });
});
