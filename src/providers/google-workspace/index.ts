/**
 * The Google Workspace adapter (Admin SDK Directory API): one per connected Workspace customer,
 * authenticated as a service account with domain-wide delegation.
 */

import type { ProviderAdapter, ServiceAccountKey } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { capabilitiesOf } from '../capabilities.js';
import type { ProviderDefinition } from '../definition.js';
import { standardFailures } from '../failures.js';
import { createGoogleTokenSource } from './auth.js';
import { googleCatalog } from './catalog.js';
import { createGoogleClient } from './client.js';
import { readCompany } from './company.js';
import { googleLookups } from './lookups.js';

export const googleWorkspaceProvider: ProviderDefinition = {
  name: providerName('google-workspace'),
  label: 'Google Workspace',
  enumValue: 'GOOGLE_WORKSPACE',
  companyMeaning:
    'the Workspace customer id (C0…, or my_customer for the admin’s own) or its primary domain',
  failures: standardFailures,
  authKinds: ['serviceAccount'],
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind !== 'serviceAccount') {
      throw new TypeError('Google Workspace accounts authenticate with a service-account key');
    }
    return createGoogleWorkspaceAdapter({
      accountId: id,
      company,
      ...(baseUrl ? { baseUrl } : {}),
      // Read at each token request, never kept: a key replaced in the store is used from then on.
      key: () => credentials.key,
      http,
    });
  },
  sandbox: () => import('./sandbox.js').then((entry) => entry.startGoogleWorkspace),
  demo: () => import('./demo.js').then((entry) => entry.startGoogleWorkspaceDemo),
};

export interface GoogleWorkspaceAdapterOptions {
  readonly accountId: AccountId;
  /** A customer id (`C03az79cb`), `my_customer`, or the primary domain (`acme.example`). */
  readonly company: string;
  /** @default 'https://admin.googleapis.com' */
  readonly baseUrl?: string;
  /**
   * The service account's key, or how to read it at each token request; `subject` is the admin to
   * impersonate (required).
   */
  readonly key: ServiceAccountKey | (() => ServiceAccountKey);
  readonly http: HttpClient;
  /** The clock tokens are minted and expire by. @default Date.now */
  readonly now?: () => number;
  /** How long org units, groups and custom schemas may be served from the loaders' cache. @default 300_000 */
  readonly metadataTtlMs?: number;
}

/**
 * What the directory supplies (its capabilities follow from this): people and their org units and
 * groups; no history, pay or time off; no locations (Google's buildings are calendar resources,
 * not where people are employed); custom schema fields through `customFields`/`remoteData` by
 * `Schema.field`.
 */
export function createGoogleWorkspaceAdapter(
  options: GoogleWorkspaceAdapterOptions,
): ProviderAdapter {
  const { accountId, company, http } = options;
  // A domain has a dot; customer ids and `my_customer` do not.
  const byDomain = company.includes('.');
  const customerKey = byDomain ? 'my_customer' : company;
  const listParams: Record<string, string> = byDomain ? { domain: company } : { customer: company };
  const tokens = createGoogleTokenSource({ accountId, key: options.key, http, now: options.now });
  const client = createGoogleClient({ accountId, http, tokens, baseUrl: options.baseUrl });
  const employees = googleCatalog(client, { params: listParams });
  const lookups = googleLookups(
    client,
    { customerId: customerKey, listParams },
    { freshnessMs: options.metadataTtlMs },
  );
  return {
    provider: googleWorkspaceProvider.name,
    accountId,
    authKind: 'serviceAccount',
    capabilities: capabilitiesOf(employees, lookups, { customFields: true }),
    employees,
    lookups,
    company: (ctx) => readCompany(client, accountId, customerKey, ctx),
  };
}
