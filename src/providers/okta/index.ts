/**
 * Okta: its definition (what the rest of hrgraph knows of it) and its adapter, one per connected
 * Okta org (Users and Groups APIs, reference §6).
 */

import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { standardFailures } from '../failures.js';
import { createOktaAuth, DEFAULT_SCOPES, type OktaCredentials } from './auth.js';
import { oktaCatalog } from './catalog.js';
import { createOktaClient } from './client.js';
import { readCompany } from './company.js';
import { oktaLookups } from './lookups.js';

export type { OktaCredentials } from './auth.js';
export { DEFAULT_SCOPES } from './auth.js';

export const oktaProvider: ProviderDefinition = {
  name: providerName('okta'),
  label: 'Okta',
  enumValue: 'OKTA',
  companyMeaning: 'the Okta org host (acme.okta.com)',
  failures: standardFailures,
  authKinds: ['apiKey', 'serviceAccount'],
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'apiKey' && credentials.kind !== 'serviceAccount') {
      throw new TypeError('Okta accounts authenticate with an API token or a service app key');
    }
    return createOktaAdapter({
      accountId: id,
      company,
      ...(baseUrl ? { baseUrl } : {}),
      credentials,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startOkta),
  demo: () => import('./demo.js').then((entry) => entry.startOktaDemo),
};

export interface OktaAdapterOptions {
  readonly accountId: AccountId;
  /** The org host: `acme.okta.com` (a custom domain works too). */
  readonly company: string;
  /** @default `https://${company}` */
  readonly baseUrl?: string;
  readonly credentials: OktaCredentials;
  readonly http: HttpClient;
  /** Scopes a service app asks for. @default DEFAULT_SCOPES (users, groups, schemas: read) */
  readonly scopes?: readonly string[];
  /** How long groups and the user schema may be served from the loaders' cache. @default 300_000 */
  readonly metadataTtlMs?: number;
  /** Clock for token expiry. @default Date.now */
  readonly now?: () => number;
}

export function createOktaAdapter(options: OktaAdapterOptions): ProviderAdapter {
  const base = (options.baseUrl ?? `https://${options.company}`).replace(/\/+$/, '');
  const auth = createOktaAuth({
    accountId: options.accountId,
    base,
    credentials: options.credentials,
    http: options.http,
    scopes: options.scopes ?? DEFAULT_SCOPES,
    ...(options.now ? { now: options.now } : {}),
  });
  const client = createOktaClient({ accountId: options.accountId, base, http: options.http, auth });
  const employees = oktaCatalog(client);
  const lookups = oktaLookups(client, { freshnessMs: options.metadataTtlMs });
  const company = { accountId: options.accountId, host: options.company, client, auth };
  return {
    provider: oktaProvider.name,
    accountId: options.accountId,
    authKind: options.credentials.kind,
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: (ctx) => readCompany(company, ctx),
  };
}
