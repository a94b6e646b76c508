/**
 * BambooHR's contract kit: its sandbox over a seeded company with both kinds of account, and the
 * limits its documentation states. API keys page through the employee dataset (any field, 400
 * with the id); OAuth tokens through GET /v1/employees, whose `fields` is a closed list (no
 * `displayName`, for one). Reads by id are custom reports: 400 fields, and our 1,000 ids per
 * report. A list filtered by manager is the dataset for both kinds, naming up to 200 managers.
 */
import { accountId, providerName } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { createBambooHrSandbox } from '../../../src/sandbox/bamboohr/app.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import type { ContractKit, KitOptions, KitSandbox, PublishedLimits } from '../../contract/kit.js';

/** The fields GET /v1/employees can return (its `fields` list), by the unified field they make. */
const endpointFields = new Set<EmployeeField>([
  'firstName',
  'middleName',
  'lastName',
  'preferredName',
  'workEmail',
  'personalEmail',
  'workPhone',
  'mobilePhone',
  'homePhone',
  'jobTitle',
  'department',
  'division',
  'location',
  'manager',
  'employmentStatus',
  'employmentRelationship',
  'employmentSchedule',
  'startDate',
  'hireDate',
  'dateOfBirth',
  'avatarUrl',
]);

const unsupplied: readonly EmployeeField[] = ['createdAt'];
const dataset = (field: EmployeeField) => !unsupplied.includes(field);

const common = {
  reportsCarry: dataset,
  fieldsPerRead: 400,
  idsPerRead: 1000,
  managersPerList: 200,
  directions: ['forward', 'backward'],
  callsToFindTheEnd: 0,
} as const;

const apiKeyLimits: PublishedLimits = { ...common, pageCarries: dataset, maxPageSize: 1000 };
const oauthLimits: PublishedLimits = {
  ...common,
  pageCarries: (field) => endpointFields.has(field),
  maxPageSize: 2500,
};

async function start({ domain, size = 60, seed = 11 }: KitOptions): Promise<KitSandbox> {
  const company = createCompany({ domain, size, seed, customFieldCount: 0 });
  const sandbox = createBambooHrSandbox({ companies: [company] });
  const running = await sandbox.listen();
  const baseUrl = `http://${domain}.localhost:${new URL(running.url).port}`;
  const token = sandbox.issueAccessToken(domain);
  const base = { provider: providerName('bamboohr'), company: domain, baseUrl };
  const byId = [...company.people].sort((a, b) => a.id - b.id);
  return {
    company,
    accounts: [
      {
        config: {
          ...base,
          id: accountId(domain),
          credentials: { kind: 'apiKey', apiKey: sandbox.apiKeyFor(domain) },
        },
        limits: apiKeyLimits,
      },
      {
        config: {
          ...base,
          id: accountId(`${domain}-oauth`),
          credentials: { kind: 'oauth', accessToken: async () => token.accessToken },
        },
        limits: oauthLimits,
      },
    ],
    remoteId: (person) => String(person.id),
    // A manager is hired before their reports, so the first by id have their managers with them.
    pages: {
      managersOn: { orderBy: [{ field: 'REMOTE_ID', direction: 'ASC' }], people: () => byId },
      managersOff: {
        orderBy: [{ field: 'REMOTE_ID', direction: 'DESC' }],
        people: () => [...byId].reverse(),
      },
    },
    unsupplied,
    faults: sandbox.faults,
    refused: (config) => ({
      ...config,
      credentials:
        config.credentials.kind === 'apiKey'
          ? { kind: 'apiKey', apiKey: 'f'.repeat(40) }
          : { kind: 'oauth', accessToken: async () => 'refused-token' },
    }),
    close: () => running.close(),
  };
}

export const kit: ContractKit = { provider: 'bamboohr', start };
