/**
 * Google Workspace's contract kit: its sandbox over a seeded company and a service-account
 * account acting for the domain's admin. What its documentation states: users.list pages forward
 * only, up to 500 users, in its own order or by one name key; its `fields` mask takes any user
 * property; users.get reads one user (by id or by email, which is how a user names their
 * manager); the search language has no OR, so a list of several managers' reports is one
 * sub-query per manager. Google keeps no locations, divisions, hire or birth dates.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import type { Person } from '../../../src/sandbox/company/types.js';
import {
  createGoogleWorkspaceSandbox,
  googleUserId,
} from '../../../src/sandbox/google-workspace/index.js';
import type { ContractKit, KitOptions, KitSandbox, PublishedLimits } from '../../contract/kit.js';

const unsupplied: readonly EmployeeField[] = [
  'middleName',
  'preferredName',
  'division',
  'location',
  'employmentRelationship',
  'employmentSchedule',
  'startDate',
  'hireDate',
  'terminationDate',
  'dateOfBirth',
  'maritalStatus',
  'modifiedAt',
];
const anySupplied = (field: EmployeeField) => !unsupplied.includes(field);

const limits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 1,
  managersPerList: 1,
  maxPageSize: 500,
  directions: ['forward'],
  callsToFindTheEnd: 0,
};

/** users.list with `orderBy=familyName`: by family name regardless of case. */
const byFamilyName = (a: Person, b: Person) => {
  const [x, y] = [a.lastName.toLowerCase(), b.lastName.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createGoogleWorkspaceSandbox({ company });
  const running = await sandbox.listen();
  const keyFile = sandbox.serviceAccountKey(running.url);
  const key = {
    clientId: keyFile.client_email,
    privateKey: keyFile.private_key,
    keyId: keyFile.private_key_id,
    subject: sandbox.adminEmail,
    tokenUrl: keyFile.token_uri,
  };
  const byId = [...company.people].sort((a, b) => a.id - b.id);
  const byName = [...company.people].sort(byFamilyName);
  return {
    company,
    accounts: [
      {
        config: {
          id: accountId(`${domain}-google`),
          provider: providerName('google-workspace'),
          company: 'my_customer',
          baseUrl: running.url,
          credentials: { kind: 'serviceAccount', key },
        },
        limits,
      },
    ],
    remoteId: (person) => googleUserId(person.id),
    // Unordered, users come as the directory keeps them (by person, managers first); the first
    // 20 by family name have managers elsewhere.
    pages: {
      managersOn: { people: () => byId },
      managersOff: { orderBy: [{ field: 'LAST_NAME', direction: 'ASC' }], people: () => byName },
    },
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials: { kind: 'serviceAccount', key: { ...key, clientId: `refused-${key.clientId}` } },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'google-workspace', start };
