/**
 * Personio's contract kit: its sandbox over a seeded company and an account with its API
 * credential. What its documentation states: the v1 employee list pages by item `offset` (both
 * ways, up to 100 a call, its length in every reply), narrows with `attributes[]`, filters by
 * nothing hrgraph's filters name and cannot list by manager (direct reports come from the org
 * index); one employee is read by id, one a call, with every attribute. Personio keeps no employee
 * number, middle name, personal email, phones, division, birth date, marital status or home
 * address in its standard attributes.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createPersonioSandbox } from '../../../src/sandbox/personio/index.js';
import type { ContractKit, KitOptions, KitSandbox, PublishedLimits } from '../../contract/kit.js';

const unsupplied: readonly EmployeeField[] = [
  'employeeNumber',
  'middleName',
  'personalEmail',
  'workPhone',
  'mobilePhone',
  'homePhone',
  'division',
  'dateOfBirth',
  'maritalStatus',
  'homeAddress',
];
const anySupplied = (field: EmployeeField) => !unsupplied.includes(field);

const limits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 1,
  managersPerList: null,
  maxPageSize: 100,
  directions: ['forward', 'backward'],
  // Offsets count from the start: `last` reads the first page, whose reply tells the length.
  callsToFindTheEnd: 1,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createPersonioSandbox({ company });
  const running = await sandbox.listen();
  const [credential] = sandbox.credentials;
  const byId = [...company.people].sort((a, b) => a.id - b.id);
  const newestFirst = [...byId].reverse();
  return {
    company,
    accounts: [
      {
        config: {
          id: accountId(`${domain}-personio`),
          provider: providerName('personio'),
          company: domain,
          baseUrl: running.url,
          credentials: {
            kind: 'clientSecret',
            clientId: credential!.clientId,
            clientSecret: credential!.clientSecret,
          },
        },
        limits,
      },
    ],
    remoteId: (person) => String(person.id),
    // Personio lists by id, managers first; from the end (REMOTE_ID descending) the newest 20
    // hold few of their managers.
    pages: {
      managersOn: { people: () => byId },
      managersOff: {
        orderBy: [{ field: 'REMOTE_ID', direction: 'DESC' }],
        people: () => newestFirst,
      },
    },
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials: {
        kind: 'clientSecret',
        clientId: credential!.clientId,
        clientSecret: 'refused-secret',
      },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'personio', start };
