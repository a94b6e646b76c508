/**
 * Gusto's contract kit: its sandbox over a seeded company and an OAuth account. What its
 * documentation states: the employee list pages by `page`/`per` (both ways, up to 100), sorts by
 * name, filters by status and by up to 100 `uuids` (which is also how given employees are read),
 * and every row carries the whole Employee object (jobs, terminations and custom fields through
 * `include`); it cannot list by manager, so direct reports come from the account's org index.
 * Gusto keeps no work or home phone, division, gender, marital status, photo or record times.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createGustoSandbox, gustoEmployeeUuid } from '../../../src/sandbox/gusto/index.js';
import {
  type ContractKit,
  creationOrderPages,
  type KitOptions,
  type KitSandbox,
  type PublishedLimits,
} from '../../contract/kit.js';

const unsupplied: readonly EmployeeField[] = [
  'workPhone',
  'homePhone',
  'division',
  'gender',
  'maritalStatus',
  'avatarUrl',
  'createdAt',
  'modifiedAt',
];
const anySupplied = (field: EmployeeField) => !unsupplied.includes(field);

const limits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 100,
  managersPerList: null,
  maxPageSize: 100,
  directions: ['forward', 'backward'],
  // The spec's replies may not say the total, so `last` first finds the list's length.
  callsToFindTheEnd: 1,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createGustoSandbox({ company });
  const running = await sandbox.listen();
  const tokens = sandbox.issueTokens();
  return {
    company,
    accounts: [
      {
        config: {
          id: accountId(`${domain}-gusto`),
          provider: providerName('gusto'),
          company: sandbox.companyUuid,
          baseUrl: running.url,
          credentials: { kind: 'oauth', accessToken: async () => tokens.accessToken },
        },
        limits,
      },
    ],
    remoteId: (person) => gustoEmployeeUuid(person.id),
    // Unsorted, employees come in creation order (managers first); the newest 20 by uuids.
    pages: creationOrderPages(company),
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials: { kind: 'oauth', accessToken: async () => 'refused-token' },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'gusto', start };
