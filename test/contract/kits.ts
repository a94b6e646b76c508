/**
 * The kits of the registered providers, found where each provider keeps its tests:
 * test/providers/<name>/kit.ts. A provider gets the whole contract suite by adding its kit there.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { providerNames } from '../../src/providers/registry.js';
import type { ContractKit } from './kit.js';

const kitPath = (provider: string) =>
  fileURLToPath(new URL(`../providers/${provider}/kit.ts`, import.meta.url));

export const hasKit = (provider: string) => existsSync(kitPath(provider));

/** Every registered provider that has a kit, loaded. */
export async function loadKits(): Promise<ContractKit[]> {
  const kits: ContractKit[] = [];
  for (const provider of providerNames.filter(hasKit)) {
    const module = (await import(`../providers/${provider}/kit.ts`)) as { kit: ContractKit };
    kits.push(module.kit);
  }
  return kits;
}
