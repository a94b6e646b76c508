/**
 * HiBob's kit: one account on a service user (Basic auth: no token call), what each request asks
 * for (the search's `fields` and `root.id` filter from its body, a bulk read's `employeeIds`), the
 * records each reply holds as the spec describes them (a search record nested by category; a bulk
 * result's entries under its table), and queries that reach every read hrgraph makes of HiBob.
 *
 * Replies are generated from the spec as the conformance suite reads it: where the spec and Bob's
 * documented behaviour disagree, through the same patches (test/providers/hibob/spec-patches.ts).
 */
import { accountId } from '../../../src/core/ids.js';
import { createHibobAdapter } from '../../../src/providers/hibob/index.js';
import { loadOpenApiSpec } from '../../conformance/support/openapi.js';
import {
  lifecycleAsObjects,
  machineFormat,
  nullCursorAtTheEnd,
} from '../../providers/hibob/spec-patches.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { openApiReplies, type SpecOperation } from '../support/spec-replies.js';
import { hibobQueries, hibobReplyIds } from './hibob-queries.js';

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);

const patches: Readonly<Record<string, typeof machineFormat>> = {
  'POST /people/search': machineFormat,
  'GET /bulk/people/work': nullCursorAtTheEnd,
  'GET /bulk/people/salaries': nullCursorAtTheEnd,
  'GET /bulk/people/lifecycle': lifecycleAsObjects,
};

/** The search's body: the field ids it names and the ids its `root.id` filter names. */
function searchBody(body: unknown): { fields: string[]; ids: string[] } {
  const parsed = typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
  const row = isRow(parsed) ? parsed : {};
  const fields = Array.isArray(row.fields) ? row.fields.map(String) : [];
  const filter = rowsOf(row.filters)[0];
  const ids = filter && Array.isArray(filter.values) ? filter.values.map(String) : [];
  return { fields, ids };
}

/** A field id's value in a record: root fields at the top, other categories nested. */
function fieldValue(record: Row, field: string): unknown {
  const [category = '', name = ''] = field.split(/\.(.*)/s);
  if (category === 'root') return record[name];
  const inner = record[category];
  return isRow(inner) ? inner[name] : undefined;
}

/** `GET /bulk/people/work` → `table@work`. */
const tableOf = (url: URL) => `table@${url.pathname.split('/').at(-1)}`;

function records(exchange: Exchange): HeldRecord[] {
  if (exchange.operation.key === 'POST /people/search') {
    const { fields, ids } = searchBody(exchange.body);
    const reply = isRow(exchange.reply) ? exchange.reply : {};
    // A search filtered by root.id holds the people it was asked for: anyone else in the reply
    // is no answer about them (hrgraph refuses such a record), so it holds nothing of theirs.
    const answers = (record: Row) => ids.length === 0 || ids.includes(String(record.id));
    return rowsOf(reply.employees)
      .filter(answers)
      .map((record) => ({
        id: String(record.id),
        values: new Map(fields.map((field) => [field, fieldValue(record, field) ?? null])),
      }));
  }
  if (exchange.operation.key.startsWith('GET /bulk/people/')) {
    const reply = isRow(exchange.reply) ? exchange.reply : {};
    return rowsOf(reply.results).map((result) => ({
      id: String(result.employeeId),
      values: new Map([[tableOf(exchange.url), result.values]]),
    }));
  }
  return [];
}

function asked(request: SentRequest) {
  if (request.operation.key === 'POST /people/search') {
    const { fields, ids } = searchBody(request.body);
    return { ids, keys: fields };
  }
  if (request.operation.key.startsWith('GET /bulk/people/')) {
    const ids = (request.url.searchParams.get('employeeIds') ?? '').split(',').filter(Boolean);
    return { ids, keys: [tableOf(request.url)] };
  }
  return { ids: [], keys: [] };
}

const { employees, items } = hibobReplyIds;

export const hibobKit: ReplyKit = {
  provider: 'hibob',
  async spec() {
    const spec = await openApiReplies('hibob');
    const compiler = await loadOpenApiSpec({ provider: 'hibob' });
    const operations: SpecOperation[] = spec.operations.map((operation) => {
      const patch = patches[operation.key];
      if (!patch) return operation;
      const body = patch.schema(operation.body as Row) as SpecOperation['body'];
      return { ...operation, body, validate: compiler.compile(body as Row) };
    });
    return {
      ...spec,
      operations,
      route: (method, path) => operations.find((op) => op.method === method && op.path.test(path)),
    };
  },
  adapters: (http) => [
    createHibobAdapter({
      accountId: accountId('acme'),
      company: 'Acme',
      baseUrl: 'http://acme.localhost',
      serviceUserId: 'SERVICE-REPLIES',
      token: 'replies-token',
      http,
    }),
  ],
  asked,
  idNames: ['id', 'employeeId'],
  favoured: {
    id: [...employees, ...items],
    employeeId: employees,
    department: [items[0]!],
    siteId: [items[1]!],
    name: ['department', 'site', 'Shirt size'],
    category: ['category_1700000000001', 'work'],
    status: ['Active', 'Inactive', 'employed', 'terminated', 'leave'],
    lifecycleStatus: ['employed', 'leave', 'terminated'],
    employeeStatus: ['Active', 'Inactive'],
    payPeriod: ['Annual', 'Monthly', 'Hourly'],
    payFrequency: ['Monthly', 'Bi-Weekly'],
    currency: ['USD', 'EUR'],
    effectiveDate: ['2020-02-29', '2027-01-01'],
    startDate: ['2020-02-29'],
    title: ['Engineer', 'Sales'],
    email: ['ann@example.com'],
  },
  records,
  queries: hibobQueries,
};
