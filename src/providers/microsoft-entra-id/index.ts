/**
 * Microsoft Entra ID: its definition (what the rest of hrgraph knows of it) and its adapter, one
 * per connected tenant, over Microsoft Graph v1.0 (users, groups, organization, `$batch`).
 */
import type { ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient, Sleep } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { createEntraAuth, type EntraCredentials } from './auth.js';
import { entraCatalog } from './catalog.js';
import { createGraphClient } from './client.js';
import { readCompany } from './company.js';
import { entraFailures } from './failures.js';
import { entraLookups } from './lookups.js';

export type { EntraCredentials } from './auth.js';

export const microsoftEntraIdProvider: ProviderDefinition = {
  name: providerName('microsoft-entra-id'),
  label: 'Microsoft Entra ID',
  enumValue: 'MICROSOFT_ENTRA_ID',
  companyMeaning: 'the tenant id or a verified domain (acme.onmicrosoft.com)',
  failures: entraFailures,
  authKinds: ['clientSecret', 'serviceAccount'],
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'serviceAccount' && credentials.kind !== 'clientSecret') {
      throw new TypeError(
        'Entra ID accounts authenticate with a client secret or an app certificate',
      );
    }
    return createEntraAdapter({
      accountId: id,
      tenant: company,
      ...(baseUrl ? { baseUrl } : {}),
      credentials,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startEntra),
  demo: () => import('./demo.js').then((entry) => entry.startEntraDemo),
};

export interface EntraAdapterOptions {
  readonly accountId: AccountId;
  /** The tenant: its id (a GUID) or a verified domain. */
  readonly tenant: string;
  /**
   * One root for Graph and the token endpoint (a proxy, or the sandbox): Graph calls go to
   * `${baseUrl}/v1.0/…` and tokens to `${baseUrl}/{tenant}/oauth2/v2.0/token`.
   * @default Graph at https://graph.microsoft.com, tokens at https://login.microsoftonline.com
   */
  readonly baseUrl?: string;
  readonly credentials: EntraCredentials;
  readonly http: HttpClient;
  /** How long the tenant's groups may be served from the loaders' cache. @default 300_000 */
  readonly metadataTtlMs?: number;
  /** Clock for token expiry and inner `Retry-After` dates. @default Date.now */
  readonly now?: () => number;
  /** How a `$batch`'s throttled requests wait out their `Retry-After`. @default a timer */
  readonly sleep?: Sleep;
}

export function createEntraAdapter(options: EntraAdapterOptions): ProviderAdapter {
  const root = options.baseUrl?.replace(/\/+$/, '');
  const graph = root ?? 'https://graph.microsoft.com';
  const login = root ?? 'https://login.microsoftonline.com';
  const auth = createEntraAuth({
    accountId: options.accountId,
    tokenUrl: `${login}/${encodeURIComponent(options.tenant)}/oauth2/v2.0/token`,
    credentials: options.credentials,
    http: options.http,
    ...(options.now ? { now: options.now } : {}),
  });
  const client = createGraphClient({
    accountId: options.accountId,
    base: graph,
    http: options.http,
    auth,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const employees = entraCatalog(client);
  const lookups = entraLookups(client, { freshnessMs: options.metadataTtlMs });
  return {
    provider: microsoftEntraIdProvider.name,
    accountId: options.accountId,
    authKind: options.credentials.kind,
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: (ctx) =>
      readCompany({ accountId: options.accountId, tenant: options.tenant, client }, ctx),
  };
}
