/**
 * Entra ID's contract kit: its sandbox over a seeded company and two accounts of its app, one
 * signing in with the certificate, one with the client secret (the tenant named by its verified
 * domain). What Graph's documentation states: List users pages forward only (by
 * `@odata.nextLink`), up to 999 users, with no orders hrgraph uses, and `$select` takes any
 * property a list can return, `$expand=manager` the managers; a read by ids is a `$batch` of at
 * most 20 single-user GETs; there is no manager filter (direct reports come from the org index).
 * Entra keeps no middle or preferred name on a list, personal email, home phone or address,
 * location object, schedule, start date, birth date, gender, marital status, photo URL or
 * modification time.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createEntraSandbox, entraUserId } from '../../../src/sandbox/microsoft-entra-id/index.js';
import {
  type ContractKit,
  creationOrderPages,
  type KitOptions,
  type KitSandbox,
  type PublishedLimits,
} from '../../contract/kit.js';
import { certificateCredentials, secretCredentials } from './support.js';

const unsupplied: readonly EmployeeField[] = [
  'middleName',
  'preferredName',
  'personalEmail',
  'homePhone',
  'location',
  'employmentSchedule',
  'startDate',
  'dateOfBirth',
  'gender',
  'maritalStatus',
  'homeAddress',
  'avatarUrl',
  'modifiedAt',
];
const anySupplied = (field: EmployeeField) => !unsupplied.includes(field);

const limits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 20,
  managersPerList: null,
  maxPageSize: 999,
  directions: ['forward'],
  callsToFindTheEnd: 0,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createEntraSandbox({ company, extensionCount: 0 });
  const running = await sandbox.listen();
  const app = sandbox.registeredApp();
  return {
    company,
    accounts: [
      {
        config: {
          id: accountId(`${domain}-entra`),
          provider: providerName('microsoft-entra-id'),
          company: sandbox.tenantId,
          baseUrl: running.url,
          credentials: certificateCredentials(app),
        },
        limits,
      },
      {
        config: {
          id: accountId(`${domain}-entra-secret`),
          provider: providerName('microsoft-entra-id'),
          company: `${domain}.onmicrosoft.com`,
          baseUrl: running.url,
          credentials: secretCredentials(app),
        },
        limits,
      },
    ],
    remoteId: (person) => entraUserId(domain, person.id),
    // Users come in id order, which is creation order, and a manager is hired before their
    // reports; Graph has no orders hrgraph uses, so the newest 20 are chosen by an ids filter.
    pages: creationOrderPages(company),
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials:
        config.credentials.kind === 'serviceAccount'
          ? {
              ...config.credentials,
              key: { ...config.credentials.key, keyId: 'bm90LXJlZ2lzdGVyZWQ' },
            }
          : { ...secretCredentials(app), clientSecret: 'Wrong8Q~secretxxxxxxxxxxxxxxxxxxxxxxxxxx' },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'microsoft-entra-id', start };
