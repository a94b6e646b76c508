/**
 * The Gusto adapter: one per connected Gusto company (OAuth; a token covers one company).
 */

import type { Capabilities, ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import type { ProviderDefinition } from '../definition.js';
import { standardFailures } from '../failures.js';
import { createGustoClient } from './client.js';
import { createRawFieldResolver } from './custom-fields.js';
import { GUSTO_MAX_PER, nativeFilters } from './employee-list.js';
import { suppliedEmployeeFields } from './fields.js';
import { gustoOAuth } from './oauth.js';
import { createGustoSession } from './session.js';

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
  /** How long the custom-field catalogue stays cached. @default 300_000 */
  readonly customFieldsTtlMs?: number;
}

export const gustoCapabilities: Capabilities = {
  employeeFields: suppliedEmployeeFields,
  employments: true,
  compensations: true,
  statusHistory: true,
  timeOff: false,
  timeOffBalances: true,
  groups: true,
  locations: true,
  customFields: true,
  filters: nativeFilters,
  orders: ['LAST_NAME'],
  maxPageSize: GUSTO_MAX_PER,
  pagingDirections: ['forward', 'backward'],
};

export function createGustoAdapter(options: GustoAdapterOptions): ProviderAdapter {
  const client = createGustoClient(options);
  const rawFields = createRawFieldResolver(client, options.company, {
    ...(options.customFieldsTtlMs !== undefined ? { ttlMs: options.customFieldsTtlMs } : {}),
  });
  const deps = { accountId: options.accountId, company: options.company, client, rawFields };
  return {
    provider: gustoProvider.name,
    accountId: options.accountId,
    authKind: 'oauth',
    capabilities: gustoCapabilities,
    session: (ctx) => createGustoSession(deps, ctx),
  };
}
