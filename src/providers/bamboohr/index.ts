/**
 * The BambooHR adapter: one per connected BambooHR account.
 */

import type { Capabilities, ProviderAdapter } from '../../core/contract/index.js';
import { type AccountId, providerName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import type { ProviderDefinition } from '../definition.js';
import { type BambooHrCredentials, createBambooHrClient } from './client.js';
import { employeeReadOperations } from './employee-operations.js';
import { suppliedEmployeeFields } from './fields.js';
import { tableReadOperations } from './history-tables.js';
import { DATASET_MAX_PAGE, datasetFilters } from './list-employees-dataset.js';
import { listEndpointFilters } from './list-employees-endpoint.js';
import { createBambooHrMetadata } from './metadata.js';
import { bambooHrOAuth } from './oauth.js';
import { createBambooHrSession } from './session.js';

export type { BambooHrCredentials } from './client.js';

export const bambooHrProvider: ProviderDefinition = {
  name: providerName('bamboohr'),
  label: 'BambooHR',
  enumValue: 'BAMBOOHR',
  companyMeaning: 'the company subdomain (acme for acme.bamboohr.com)',
  authKinds: ['apiKey', 'oauth'],
  oauth: bambooHrOAuth,
  createAdapter({ id, company, baseUrl, credentials }, { http }) {
    if (credentials.kind === 'serviceAccount') {
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
};

export interface BambooHrAdapterOptions {
  readonly accountId: AccountId;
  /** The customer's subdomain: `acme` for acme.bamboohr.com. */
  readonly companyDomain: string;
  /** @default `https://${companyDomain}.bamboohr.com` */
  readonly baseUrl?: string;
  readonly credentials: BambooHrCredentials;
  readonly http: HttpClient;
  /** How long field and list metadata stay cached. @default 300_000 */
  readonly metadataTtlMs?: number;
}

/** GET /v1/employees pages up to 2,500 (per the spec's employee pagination object). */
const EMPLOYEES_ENDPOINT_MAX_PAGE = 2500;

export function createBambooHrAdapter(options: BambooHrAdapterOptions): ProviderAdapter {
  const client = createBambooHrClient(options);
  const metadata = createBambooHrMetadata(client, { ttlMs: options.metadataTtlMs });
  const authKind = options.credentials.kind;
  // The spec admits only OAuth tokens on GET /v1/employees; API keys page through the dataset.
  const listWith = authKind === 'oauth' ? 'employeesEndpoint' : 'dataset';
  const capabilities: Capabilities = {
    employeeFields: suppliedEmployeeFields,
    employments: true,
    compensations: true,
    statusHistory: true,
    timeOff: true,
    timeOffBalances: true,
    groups: true,
    locations: true,
    customFields: true,
    filters:
      listWith === 'employeesEndpoint'
        ? [...new Set([...listEndpointFilters, ...datasetFilters])]
        : [...datasetFilters],
    orders: ['REMOTE_ID', 'FIRST_NAME', 'LAST_NAME', 'JOB_TITLE', 'STATUS'],
    maxPageSize: listWith === 'employeesEndpoint' ? EMPLOYEES_ENDPOINT_MAX_PAGE : DATASET_MAX_PAGE,
    pagingDirections: ['forward', 'backward'],
  };
  const deps = {
    accountId: options.accountId,
    client,
    metadata,
    employeeOperations: employeeReadOperations(client),
    tableOperations: tableReadOperations(client),
    listWith,
    companySize: { value: 0 },
  } as const;
  return {
    provider: bambooHrProvider.name,
    accountId: options.accountId,
    authKind,
    capabilities,
    session: (ctx) => createBambooHrSession(deps, ctx),
  };
}
