/**
 * Every provider hrgraph can connect, by name. Adding a provider adds one line here.
 */
import { createBambooHrAdapter } from './bamboohr/index.js';
import type { HttpClient } from './http/index.js';
import type { AccountId } from './ids.js';
import type { AccountCredentials, ProviderAdapter, ProviderName } from './provider.js';

export type { AccountCredentials } from './provider.js';

export interface AccountConfig {
  readonly id: AccountId;
  readonly provider: ProviderName;
  /** The provider's name for the customer: BambooHR's company subdomain. */
  readonly company: string;
  /** Where to send calls instead of the provider's own host (a proxy, or the sandbox). */
  readonly baseUrl?: string;
  readonly credentials: AccountCredentials;
}

export interface AdapterDeps {
  readonly http: HttpClient;
}

const providers: Readonly<
  Record<ProviderName, (config: AccountConfig, deps: AdapterDeps) => ProviderAdapter>
> = {
  bamboohr: (config, { http }) =>
    createBambooHrAdapter({
      accountId: config.id,
      companyDomain: config.company,
      baseUrl: config.baseUrl,
      credentials: config.credentials,
      http,
    }),
};

export function createAdapter(config: AccountConfig, deps: AdapterDeps): ProviderAdapter {
  return providers[config.provider](config, deps);
}
