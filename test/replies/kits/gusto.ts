/**
 * Gusto's kit: one OAuth account (a token covers one company; the access token is given, so no
 * token call), what each request asks for, the records each reply holds as Gusto's spec describes
 * it, and queries that reach every read hrgraph makes of Gusto.
 *
 * The extract's `hrgraphCalls` also list the token endpoint (`gusto.token.*`): those calls are
 * the account layer's, made outside any GraphQL request and unrecorded, so no query can reach
 * them; they are left out of what this suite must reach (issue 14 asks for every read).
 */
import { accountId } from '../../../src/core/ids.js';
import {
  baseRawFields,
  CUSTOM_PREFIX,
  includedRawFields,
  rowKey,
} from '../../../src/providers/gusto/fields.js';
import { createGustoAdapter } from '../../../src/providers/gusto/index.js';
import { balancesKey } from '../../../src/providers/gusto/time-off.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { openApiReplies } from '../support/spec-replies.js';
import { gustoQueries, gustoReplyIds } from './gusto-queries.js';

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);

/** The `include`s a list call asked for (comma-separated, spec `explode: false`). */
const includesOf = (url: URL) =>
  (url.searchParams.get('include') ?? '').split(',').filter((i) => i !== '');

/**
 * What a list call holds of each row: every `Employee` attribute and each attribute its includes
 * add. A row is the whole employee, so an attribute it leaves out is held as null.
 */
function rowKeys(url: URL): string[] {
  const includes = includesOf(url);
  return [
    ...baseRawFields,
    ...Object.entries(includedRawFields)
      .filter(([, include]) => includes.includes(include))
      .map(([key]) => key),
  ];
}

function employeeRecord(row: Row, url: URL): HeldRecord {
  const values = new Map<string, unknown>();
  for (const key of rowKeys(url)) values.set(key, row[key] ?? null);
  const { ssn: _ssn, hidden_ssn: _hidden, ...clean } = row;
  values.set(rowKey(''), clean);
  const includes = includesOf(url);
  if (includes.includes('all_compensations')) values.set(rowKey('all_compensations'), clean);
  if (includes.includes('custom_fields')) {
    for (const field of rowsOf(row.custom_fields)) {
      if (typeof field.name !== 'string' || field.name === '') continue;
      values.set(`${CUSTOM_PREFIX}${field.name}`, field.value === '' ? null : field.value);
    }
  }
  return { id: String(row.uuid), values };
}

/** Each active policy's members, with the balance each holds in it (spec `Time-Off-Policy`). */
function balanceRecords(policies: readonly Row[]): HeldRecord[] {
  const byMember = new Map<string, { policy: Row; balance: unknown }[]>();
  for (const policy of policies) {
    if (policy.is_active === false) continue;
    const { employees, ...rest } = policy;
    for (const member of rowsOf(employees)) {
      const id = String(member.uuid);
      byMember.set(id, [
        ...(byMember.get(id) ?? []),
        { policy: rest, balance: member.balance ?? null },
      ]);
    }
  }
  return [...byMember].map(([id, memberships]) => ({
    id,
    values: new Map([[balancesKey(null), memberships]]),
  }));
}

function records(exchange: Exchange): HeldRecord[] {
  switch (exchange.operation.key) {
    case 'GET /v1/companies/{company_id}/employees':
      return rowsOf(exchange.reply).map((row) => employeeRecord(row, exchange.url));
    case 'GET /v1/companies/{company_uuid}/time_off_policies':
      return balanceRecords(rowsOf(exchange.reply));
    default:
      return [];
  }
}

function asked(request: SentRequest) {
  const { url } = request;
  const ids = (url.searchParams.get('uuids') ?? '').split(',').filter((id) => id !== '');
  const keys = url.pathname.endsWith('/employees') ? rowKeys(url) : [];
  return { ids: [...new Set(ids.map(decodeURIComponent))], keys };
}

const { employees, departments, locations, company } = gustoReplyIds;

export const gustoKit: ReplyKit = {
  provider: 'gusto',
  async spec() {
    const spec = await openApiReplies('gusto');
    const reads = Object.entries(spec.hrgraphCalls).filter(([name]) => !name.includes('.token.'));
    return { ...spec, hrgraphCalls: Object.fromEntries(reads) };
  },
  adapters: (http) => [
    createGustoAdapter({
      accountId: accountId('acme'),
      company,
      baseUrl: 'http://acme.localhost',
      accessToken: async () => 'replies-token',
      http,
    }),
  ],
  asked,
  idNames: ['uuid', 'manager_uuid', 'employee_uuid'],
  favoured: {
    uuid: [...employees, ...departments, ...locations],
    manager_uuid: employees,
    employee_uuid: employees,
    department_uuid: departments,
    location_uuid: locations,
    company_uuid: [company],
    name: ['shirt_size', 'Vacation'],
    title: ['Engineer', 'Sales'],
    department: ['Engineering', 'Sales'],
    hired_at: ['2020-02-29'],
    hire_date: ['2020-02-29', '2021-01-01'],
    effective_date: ['2020-02-29', '2027-01-01'],
    date_of_birth: ['1990-12-31'],
    rate: ['60000.00', '25.50'],
    balance: ['40.0', '8'],
    accrual_method: ['unlimited', 'per_pay_period', 'per_hour_worked'],
    country: ['USA'],
    work_email: ['ann@example.com'],
  },
  records,
  queries: gustoQueries,
};
