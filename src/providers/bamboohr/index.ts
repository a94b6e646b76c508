/**
 * BambooHR: its definition (what the rest of hrgraph knows of it) and its adapter, one per
 * connected BambooHR account.
 */
import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { standardFailures } from '../failures.js';
import { bambooHrCatalog } from './catalog.js';
import { type BambooHrCredentials, createBambooHrClient } from './client.js';
import { readCompany } from './company.js';
import { bambooHrLookups } from './lookups.js';
import { bambooHrOAuth } from './oauth.js';

export type { BambooHrCredentials } from './client.js';

export const bambooHrProvider: ProviderDefinition = {
  name: providerName('bamboohr'),
  label: 'BambooHR',
  enumValue: 'BAMBOOHR',
  companyMeaning: 'the company subdomain (acme for acme.bamboohr.com)',
  authKinds: ['apiKey', 'oauth'],
  failures: {
    ...standardFailures,
    // BambooHR says why in a header (a lockout: "too many failed attempts"), the body often empty.
    errorText: (response) =>
      `${response.headers['x-bamboohr-error-message'] ?? ''} ${standardFailures.errorText(response)}`,
  },
  oauth: bambooHrOAuth,
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'apiKey' && credentials.kind !== 'oauth') {
      throw new TypeError('BambooHR accounts authenticate with an API key or OAuth');
    }
    return createBambooHrAdapter({
      accountId: id,
      companyDomain: company,
      ...(baseUrl ? { baseUrl } : {}),
      credentials,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startBambooHr),
  demo: () => import('./demo.js').then((entry) => entry.startBambooHrDemo),
};

export interface BambooHrAdapterOptions {
  readonly accountId: AccountId;
  /** The customer's subdomain: `acme` for acme.bamboohr.com. */
  readonly companyDomain: string;
  /** @default `https://${companyDomain}.bamboohr.com` */
  readonly baseUrl?: string;
  readonly credentials: BambooHrCredentials;
  readonly http: HttpClient;
  /** How long field and list metadata may be served from the loaders' cache. @default 300_000 */
  readonly metadataTtlMs?: number;
}

export function createBambooHrAdapter(options: BambooHrAdapterOptions): ProviderAdapter {
  const client = createBambooHrClient(options);
  const authKind = options.credentials.kind;
  const employees = bambooHrCatalog(client, authKind);
  const lookups = bambooHrLookups(client, { freshnessMs: options.metadataTtlMs });
  return {
    provider: bambooHrProvider.name,
    accountId: options.accountId,
    authKind,
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: (ctx) => readCompany(client, options.accountId, ctx),
  };
}
