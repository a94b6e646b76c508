/**
 * Every provider hrgraph can connect: a list of their definitions, and nothing else. Adding a
 * provider adds one line here; everything else it needs lives in its own folder, and every layer
 * that must know the providers (the GraphQL `Provider` enum, the CLI, the accounts) reads this list.
 */

import type { ProviderAdapter } from '../core/contract/index.js';
import type { ProviderName } from '../core/ids.js';
import { bambooHrProvider } from './bamboohr/index.js';
import type { AccountConfig, AdapterDeps, ProviderDefinition } from './definition.js';
import { googleWorkspaceProvider } from './google-workspace/index.js';
import { gustoProvider } from './gusto/index.js';
import { hibobProvider } from './hibob/index.js';
import { microsoftEntraIdProvider } from './microsoft-entra-id/index.js';
import { oktaProvider } from './okta/index.js';
import { personioProvider } from './personio/index.js';

export type { AccountCredentials } from '../core/contract/index.js';
export type { AccountConfig, AdapterDeps, ProviderDefinition } from './definition.js';

export const providerDefinitions: readonly ProviderDefinition[] = [
  bambooHrProvider,
  googleWorkspaceProvider,
  gustoProvider,
  hibobProvider,
  microsoftEntraIdProvider,
  oktaProvider,
  personioProvider,
];

const byName = new Map(providerDefinitions.map((definition) => [definition.name, definition]));

export const providerNames: readonly ProviderName[] = [...byName.keys()];

export function isProviderName(name: string): name is ProviderName {
  return byName.has(name as ProviderName);
}

export function providerDefinition(name: ProviderName): ProviderDefinition {
  const definition = byName.get(name);
  if (!definition) throw new TypeError(`No provider is named ${name}`);
  return definition;
}

export function createAdapter(config: AccountConfig, deps: AdapterDeps): ProviderAdapter {
  const definition = providerDefinition(config.provider);
  if (!definition.authKinds.includes(config.credentials.kind)) {
    throw new TypeError(
      `${definition.label} accounts authenticate with ${definition.authKinds.join(' or ')}, not ${config.credentials.kind}`,
    );
  }
  return definition.createAdapter(config, deps);
}
