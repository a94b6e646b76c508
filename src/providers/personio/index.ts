/**
 * Personio: its definition (what the rest of hrgraph knows of it) and its adapter, one per
 * connected Personio company, authenticating with one API credential (a client id and secret)
 * for both API versions. Which version answers what, and why: README.md in this folder.
 */
import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { personioCatalog } from './catalog.js';
import { createPersonioClient } from './client.js';
import { personioCompany } from './company.js';
import { personioFailures } from './failures.js';
import { personioLookups } from './lookups.js';

export { PERSONIO_BASE_URL } from './client.js';

export const personioProvider: ProviderDefinition = {
  name: providerName('personio'),
  label: 'Personio',
  enumValue: 'PERSONIO',
  companyMeaning: 'the Personio company id (or a label for it)',
  failures: personioFailures,
  authKinds: ['clientSecret'],
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'clientSecret') {
      throw new TypeError('Personio accounts authenticate with an API credential (client secret)');
    }
    return createPersonioAdapter({
      accountId: id,
      company,
      ...(baseUrl ? { baseUrl } : {}),
      clientId: credentials.clientId,
      clientSecret: () => credentials.clientSecret,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startPersonio),
  demo: () => import('./demo.js').then((entry) => entry.startPersonioDemo),
};

export interface PersonioAdapterOptions {
  readonly accountId: AccountId;
  /** The Personio company id, or a label for it (Personio's API never asks for it). */
  readonly company: string;
  /** @default 'https://api.personio.de' */
  readonly baseUrl?: string;
  /** The API credential's client id. */
  readonly clientId: string;
  /** Its secret, read when a token is asked for. */
  readonly clientSecret: () => string;
  readonly http: HttpClient;
  /**
   * How long the attribute catalogue and the org index (departments, offices, the list's length)
   * may be served from the loaders' cache. @default 300_000
   */
  readonly metadataTtlMs?: number;
}

export function createPersonioAdapter(options: PersonioAdapterOptions): ProviderAdapter {
  const client = createPersonioClient(options);
  const employees = personioCatalog(client);
  const lookups = personioLookups(client, { freshnessMs: options.metadataTtlMs });
  const company = personioCompany(options.accountId, options.company);
  return {
    provider: personioProvider.name,
    accountId: options.accountId,
    authKind: 'clientSecret',
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: async () => company,
  };
}
