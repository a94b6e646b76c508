/**
 * BambooHR's kit: two accounts (API key: the employee dataset; OAuth: GET /v1/employees), what
 * each request asks for, the records each reply holds as BambooHR's spec describes it, and
 * queries that reach every read hrgraph makes of BambooHR.
 */
import { accountId } from '../../../src/core/ids.js';
import { listEndpointNames } from '../../../src/providers/bamboohr/fields.js';
import { tableKey } from '../../../src/providers/bamboohr/history-tables.js';
import { createBambooHrAdapter } from '../../../src/providers/bamboohr/index.js';
import { balancesKey, timeOffKey } from '../../../src/providers/bamboohr/time-off.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { openApiReplies } from '../support/spec-replies.js';
import { bambooHrQueries } from './bamboohr-queries.js';

type Row = Record<string, unknown>;
const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((r): r is Row => typeof r === 'object' && r !== null) : [];
const text = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/** A row's values, with each key the call asked for and the row left out held as null. */
function asMap(row: Row, asked: readonly string[] = []): Map<string, unknown> {
  const values = new Map<string, unknown>(Object.entries(row));
  for (const key of asked) if (!values.has(key)) values.set(key, null);
  return values;
}

const standardName = new Map(Object.entries(listEndpointNames).map(([std, list]) => [list, std]));

function askedFields(request: SentRequest): string[] {
  const body = request.body as { fields?: unknown } | undefined;
  if (Array.isArray(body?.fields)) return body.fields.map(String);
  const fields = request.url.searchParams.getAll('fields');
  return fields.flatMap((f) => f.split(',')).filter((f) => f !== '');
}

/** Quoted values of `employeeId in (…)` / `supervisorEId in (…)` in a dataset filter. */
function filterIds(filter: unknown): string[] {
  if (typeof filter !== 'string') return [];
  return [...filter.matchAll(/(?:employeeId|supervisorEId) in \(([^)]*)\)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((q) => q[1]!.replaceAll("''", "'")),
  );
}

/** Rows grouped by their `employeeId`, each group one record under `key`. */
function byEmployee(key: string, rows: readonly Row[], asked: string | null): HeldRecord[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = String(text(row.employeeId));
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  if (asked !== null && !groups.has(asked)) return [{ id: asked, values: new Map([[key, null]]) }];
  return [...groups].map(([id, group]) => ({ id, values: new Map([[key, group]]) }));
}

function records(exchange: Exchange): HeldRecord[] {
  const { reply, url } = exchange;
  const segments = url.pathname.split('/');
  const asked = askedFields(exchange);
  switch (exchange.operation.key) {
    case 'GET /api/v1/employees/{id}': {
      const row = reply as Row;
      return [{ id: String(text(row.id)), values: asMap(row, asked) }];
    }
    case 'POST /api/v1/reports/custom':
      return rowsOf((reply as Row).employees).map((row) => ({
        id: String(text(row.id)),
        values: asMap(row, asked),
      }));
    case 'POST /api/v2/datasets/{datasetName}/data':
      return rowsOf((reply as Row).data).map((row) => {
        const fields = (row.fields ?? {}) as Row;
        return { id: String(text(fields.employeeId)), values: asMap(fields) };
      });
    case 'GET /api/v1/employees':
      return rowsOf((reply as Row).data).map((row) => {
        const values = new Map<string, unknown>();
        for (const [name, value] of Object.entries(row)) {
          const std = standardName.get(name);
          if (std) values.set(std, value);
        }
        return { id: String(text(row.employeeId)), values };
      });
    case 'GET /api/v1/employees/{id}/tables/{table}': {
      const id = segments[4]!;
      const key = tableKey(segments[6] as 'jobInfo');
      return byEmployee(key, rowsOf(reply), id === 'all' ? null : id);
    }
    case 'GET /api/v1/time_off/requests': {
      const q = url.searchParams;
      const key = timeOffKey({ start: q.get('start') ?? '', end: q.get('end') ?? '' });
      return byEmployee(key, rowsOf(reply), q.get('employeeId'));
    }
    case 'GET /api/v1/employees/{employeeId}/time_off/calculator':
      return [
        { id: segments[4]!, values: new Map([[balancesKey(url.searchParams.get('end')), reply]]) },
      ];
    default:
      return [];
  }
}

function asked(request: SentRequest) {
  const { url } = request;
  const segments = url.pathname.split('/');
  const body = request.body as
    | { filters?: { employeeIds?: unknown[] }; filter?: unknown }
    | undefined;
  const ids = [
    ...(/^\/api\/v1\/employees\/[^/]+/.test(url.pathname) && segments[4] !== 'all'
      ? [segments[4]!]
      : []),
    ...url.searchParams.getAll('employeeId'),
    ...url.searchParams.getAll('filter[ids]').flatMap((v) => v.split(',')),
    ...(body?.filters?.employeeIds ?? []).map(String),
    ...filterIds(body?.filter),
  ];
  return { ids: [...new Set(ids.map(decodeURIComponent))], keys: askedFields(request) };
}

const ids = ['1', '2', '3'];
const places = ['Sales', 'Engineering'];

export const bambooHrKit: ReplyKit = {
  provider: 'bamboohr',
  spec: () => openApiReplies('bamboohr'),
  adapters: (http) => [
    createBambooHrAdapter({
      accountId: accountId('acme'),
      companyDomain: 'acme',
      baseUrl: 'http://acme.localhost',
      credentials: { kind: 'apiKey', apiKey: 'replies-key' },
      http,
    }),
    createBambooHrAdapter({
      accountId: accountId('acme-oauth'),
      companyDomain: 'acme',
      baseUrl: 'http://acme-oauth.localhost',
      credentials: { kind: 'oauth', accessToken: async () => 'replies-token' },
      http,
    }),
  ],
  asked,
  idNames: ['id', 'employeeId', 'supervisorEId', 'reportsToId'],
  favoured: {
    id: ids,
    employeeId: ids,
    supervisorEId: [...ids, '0'],
    reportsToId: ids,
    alias: ['department', 'division', 'location', 'customShirtSize'],
    name: places,
    department: places,
    division: places,
    location: places,
    departmentName: places,
    status: ['Active', 'Inactive'],
    employmentHistoryStatus: ['Full-Time', 'Contractor', 'Leave of Absence'],
    hireDate: ['2020-02-29', '0000-00-00'],
    dateOfBirth: ['1990-12-31'],
    lastChanged: ['2024-01-01T10:00:00+00:00'],
    workEmail: ['ann@example.com'],
    photoUrl: ['https://example.com/a.png'],
  },
  records,
  queries: bambooHrQueries,
};
