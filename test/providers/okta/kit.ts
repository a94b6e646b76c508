/**
 * Okta's contract kit: its sandbox over a seeded company, an SSWS API token account and a service
 * app account (private_key_jwt). What its documentation states: listUsers pages forward only, up
 * to 200 users, in id order, with no orders of its own, and its `fields` projection takes any
 * profile attribute; a read by ids is a `filter` of up to 100 `id eq` terms, as is a `search` by
 * manager; every attribute comes back on every read. Okta keeps no location, dates of hire or
 * birth, home phone, photo, gender or marital status.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createOktaSandbox, oktaUserId } from '../../../src/sandbox/okta/index.js';
import {
  type ContractKit,
  creationOrderPages,
  type KitOptions,
  type KitSandbox,
  type PublishedLimits,
} from '../../contract/kit.js';
import { serviceAppCredentials } from '../../support/okta.js';

const unsupplied: readonly EmployeeField[] = [
  'homePhone',
  'location',
  'employmentSchedule',
  'startDate',
  'hireDate',
  'terminationDate',
  'dateOfBirth',
  'gender',
  'maritalStatus',
  'avatarUrl',
];
const anySupplied = (field: EmployeeField) => !unsupplied.includes(field);

const limits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 100,
  managersPerList: 100,
  maxPageSize: 200,
  directions: ['forward'],
  callsToFindTheEnd: 0,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createOktaSandbox({ company, customAttributeCount: 0 });
  const running = await sandbox.listen();
  const app = sandbox.serviceApp();
  const base = {
    provider: providerName('okta'),
    company: `${domain}.okta.com`,
    baseUrl: running.url,
  };
  return {
    company,
    accounts: [
      {
        config: {
          ...base,
          id: accountId(`${domain}-okta`),
          credentials: { kind: 'apiKey', apiKey: sandbox.apiToken() },
        },
        limits,
      },
      {
        config: {
          ...base,
          id: accountId(`${domain}-okta-app`),
          credentials: serviceAppCredentials(app),
        },
        limits,
      },
    ],
    remoteId: (person) => oktaUserId(person.id),
    // Users come in id order, and a manager is hired (and numbered) before their reports; Okta has
    // no orders, so the newest 20 are chosen by an ids filter.
    pages: creationOrderPages(company),
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials:
        config.credentials.kind === 'serviceAccount'
          ? { ...config.credentials, key: { ...config.credentials.key, clientId: '0oarefused' } }
          : { kind: 'apiKey', apiKey: `00${'x'.repeat(40)}` },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'okta', start };
