/**
 * HiBob (Bob): its definition (what the rest of hrgraph knows of it) and its adapter, one per
 * connected Bob company, reached through a service user (HTTP Basic: its id and token).
 */
import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { type FailureWording, standardFailures } from '../failures.js';
import { hibobCatalog } from './catalog.js';
import { createHibobClient } from './client.js';
import { hibobCompany } from './company.js';
import { hibobLookups } from './lookups.js';

export { HIBOB_BASE_URL } from './client.js';

/**
 * Bob takes the service user's id and token on every call (no token exchange), so any 401 is the
 * credentials refused, and asking again only brings the WAF's block closer: the account locks out
 * at the first, named by Bob's error `key` where it sends one. The WAF's block itself is a 403
 * worded "too many failed attempts", which the standard lockout words catch.
 */
export const hibobFailures: FailureWording = {
  ...standardFailures,
  refusedAssertion: /"key"\s*:\s*"([^"]{1,64})"|$/,
};

export const hibobProvider: ProviderDefinition = {
  name: providerName('hibob'),
  label: 'HiBob',
  enumValue: 'HIBOB',
  companyMeaning: 'the HiBob company name or id, as the account knows it',
  failures: hibobFailures,
  authKinds: ['clientSecret'],
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'clientSecret') {
      throw new TypeError('HiBob accounts authenticate with a service user id and token');
    }
    return createHibobAdapter({
      accountId: id,
      company,
      ...(baseUrl ? { baseUrl } : {}),
      serviceUserId: credentials.clientId,
      token: credentials.clientSecret,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startHibob),
  demo: () => import('./demo.js').then((entry) => entry.startHibobDemo),
};

export interface HibobAdapterOptions {
  readonly accountId: AccountId;
  /** The Bob company, as the account names it. */
  readonly company: string;
  /** @default 'https://api.hibob.com/v1' */
  readonly baseUrl?: string;
  /** The service user's id (HTTP Basic user name). */
  readonly serviceUserId: string;
  /** The service user's token (HTTP Basic password). */
  readonly token: string;
  readonly http: HttpClient;
  /**
   * How long the named lists and the field catalogue may be served from the loaders' cache.
   * @default 300_000
   */
  readonly metadataTtlMs?: number;
}

export function createHibobAdapter(options: HibobAdapterOptions): ProviderAdapter {
  const client = createHibobClient(options);
  const employees = hibobCatalog(client);
  const lookups = hibobLookups(client, { freshnessMs: options.metadataTtlMs });
  return {
    provider: hibobProvider.name,
    accountId: options.accountId,
    authKind: 'clientSecret',
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: async () => hibobCompany(options.accountId, options.company),
  };
}
