/** One account as configured (config file, store or demo), and what its adapter is built with. */
import type { AccountCredentials } from '../core/contract/index.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import type { HttpClient } from '../http/index.js';

export interface AccountConfig {
  readonly id: AccountId;
  readonly provider: ProviderName;
  /**
   * The provider's name for the customer: BambooHR's subdomain, the Okta org host, the Google
   * Workspace customer id or domain, the Gusto company uuid.
   */
  readonly company: string;
  /** Where to send calls instead of the provider's own host (a proxy, or the sandbox). */
  readonly baseUrl?: string;
  readonly credentials: AccountCredentials;
}

export interface AdapterDeps {
  readonly http: HttpClient;
}
