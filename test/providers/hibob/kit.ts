/**
 * HiBob's contract kit: its sandbox over a seeded company and a service-user account. What its
 * documentation states: `POST /people/search` has no paging (one call answers everyone, cut into
 * pages by hrgraph, so both directions cost one call a page and the end needs no call of its own),
 * narrows to any number of field ids, and filters by a list of `root.id`s (sent 100 at a time);
 * it cannot list by manager, so direct reports come from the account's org index. Bob's search
 * has no preferred name, personal email, home phone, division, employment relationship or
 * schedule, date of birth, gender, marital status, home address or modification time among the
 * fields hrgraph reads.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createHibobSandbox, hibobEmployeeId } from '../../../src/sandbox/hibob/index.js';
import {
  type ContractKit,
  creationOrderPages,
  type KitOptions,
  type KitSandbox,
  type PublishedLimits,
} from '../../contract/kit.js';

export const hibobUnsupplied: readonly EmployeeField[] = [
  'preferredName',
  'personalEmail',
  'homePhone',
  'division',
  'employmentRelationship',
  'employmentSchedule',
  'dateOfBirth',
  'gender',
  'maritalStatus',
  'homeAddress',
  'modifiedAt',
];
const anySupplied = (field: EmployeeField) => !hibobUnsupplied.includes(field);

export const hibobLimits: PublishedLimits = {
  pageCarries: anySupplied,
  reportsCarry: anySupplied,
  fieldsPerRead: Number.POSITIVE_INFINITY,
  idsPerRead: 100,
  managersPerList: null,
  maxPageSize: 1000,
  directions: ['forward', 'backward'],
  // One search holds the whole list, so its end is known from the page's own call.
  callsToFindTheEnd: 0,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createHibobSandbox({ company, rateLimit: false });
  const running = await sandbox.listen();
  const user = sandbox.serviceUsers[0]!;
  return {
    company,
    accounts: [
      {
        config: {
          id: accountId(`${domain}-hibob`),
          provider: providerName('hibob'),
          company: company.displayName,
          baseUrl: `${running.url}/v1`,
          credentials: { kind: 'clientSecret', clientId: user.id, clientSecret: user.token },
        },
        limits: hibobLimits,
      },
    ],
    remoteId: (person) => hibobEmployeeId(person.id),
    // Bob answers in its own (id) order, managers first; the newest 20 by the root.id filter.
    pages: creationOrderPages(company),
    unsupplied: hibobUnsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials: { kind: 'clientSecret', clientId: user.id, clientSecret: 'refused-token' },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'hibob', start };
