/**
 * Gusto: its definition (what the rest of hrgraph knows of it) and its adapter, one per
 * connected Gusto company (OAuth; a token covers one company).
 */

import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { standardFailures } from '../failures.js';
import { gustoCatalog } from './catalog.js';
import { createGustoClient } from './client.js';
import { readCompany } from './company.js';
import { gustoLookups } from './lookups.js';
import { gustoOAuth } from './oauth.js';

export { GUSTO_API_VERSION, GUSTO_BASE_URL } from './client.js';
export { gustoOAuth } from './oauth.js';

export const gustoProvider: ProviderDefinition = {
  name: providerName('gusto'),
  label: 'Gusto',
  enumValue: 'GUSTO',
  companyMeaning: 'the Gusto company uuid',
  failures: standardFailures,
  authKinds: ['oauth'],
  oauth: gustoOAuth,
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'oauth') throw new TypeError('Gusto accounts authenticate with OAuth');
    return createGustoAdapter({
      accountId: id,
      company,
      ...(baseUrl ? { baseUrl } : {}),
      accessToken: credentials.accessToken,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startGusto),
  demo: () => import('./demo.js').then((entry) => entry.startGustoDemo),
};

export interface GustoAdapterOptions {
  readonly accountId: AccountId;
  /** The Gusto company uuid. */
  readonly company: string;
  /** @default 'https://api.gusto.com' */
  readonly baseUrl?: string;
  /** An access token per call, from the account layer's token manager. */
  readonly accessToken: () => Promise<string>;
  readonly http: HttpClient;
  /**
   * How long departments, locations and the custom-field catalogue may be served from the
   * loaders' cache. @default 300_000
   */
  readonly metadataTtlMs?: number;
}

export function createGustoAdapter(options: GustoAdapterOptions): ProviderAdapter {
  const client = createGustoClient(options);
  const employees = gustoCatalog(client, options.company);
  const lookups = gustoLookups(client, options.company, { freshnessMs: options.metadataTtlMs });
  return {
    provider: gustoProvider.name,
    accountId: options.accountId,
    authKind: 'oauth',
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: (ctx) => readCompany(client, options.company, ctx),
  };
}
