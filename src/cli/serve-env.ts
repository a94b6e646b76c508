/** What `hrgraph serve` reads from its environment, besides the store's own settings. */
import type { OAuthApps } from '../accounts/account-runtime.js';
import type { ProviderName } from '../core/ids.js';
import { providerDefinition, providerNames } from '../providers/registry.js';

/** HRGRAPH_CURSOR_KEY (base64, at least 32 bytes) lets replicas honour each other's cursors. */
export function cursorKeyFrom(
  env: Readonly<Record<string, string | undefined>>,
): Uint8Array | undefined {
  const value = env.HRGRAPH_CURSOR_KEY;
  if (!value) return undefined;
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error('HRGRAPH_CURSOR_KEY must be at least 32 bytes, base64');
  return key;
}

/**
 * hrgraph's application with each OAuth provider, for connecting and refreshing accounts:
 * HRGRAPH_BAMBOOHR_CLIENT_ID/_SECRET, HRGRAPH_GUSTO_CLIENT_ID/_SECRET, …
 */
export function oauthAppsFrom(env: Readonly<Record<string, string | undefined>>): OAuthApps {
  const apps: Partial<Record<ProviderName, { clientId: string; clientSecret: string }>> = {};
  for (const provider of providerNames) {
    if (!providerDefinition(provider).oauth) continue;
    const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (clientId && clientSecret) apps[provider] = { clientId, clientSecret };
  }
  return apps;
}
