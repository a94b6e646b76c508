/**
 * Every provider hrgraph can connect, by name. Adding a provider adds one line here; everything
 * else it needs lives in its own folder.
 */
import { bambooHrProvider } from './bamboohr/index.js';
import type { AccountConfig, AdapterDeps, ProviderDefinition } from './definition.js';
import { googleWorkspaceProvider } from './google-workspace/index.js';
import { gustoProvider } from './gusto/index.js';
import { oktaProvider } from './okta/index.js';
import type { ProviderAdapter } from './provider.js';

export type { AccountConfig, AdapterDeps, ProviderDefinition } from './definition.js';
export type { AccountCredentials } from './provider.js';

const providers = {
  bamboohr: bambooHrProvider,
  'google-workspace': googleWorkspaceProvider,
  gusto: gustoProvider,
  okta: oktaProvider,
} as const satisfies Record<string, ProviderDefinition>;

export type ProviderName = keyof typeof providers;

export const providerNames = Object.keys(providers) as ProviderName[];

export function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(providers, name);
}

export function providerDefinition(name: ProviderName): ProviderDefinition {
  return providers[name];
}

export function createAdapter(config: AccountConfig, deps: AdapterDeps): ProviderAdapter {
  const definition = providers[config.provider];
  if (!definition.authKinds.includes(config.credentials.kind)) {
    throw new TypeError(
      `${definition.label} accounts authenticate with ${definition.authKinds.join(' or ')}, not ${config.credentials.kind}`,
    );
  }
  return definition.createAdapter(config, deps);
}
