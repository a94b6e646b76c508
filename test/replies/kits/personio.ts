/**
 * Personio's kit: one account on its API credential; the v1 extract's operations at the paths
 * hrgraph calls (the spec's server is `…/v1`, so its paths start after it), plus the three calls
 * the extract cannot describe, with bodies written from the facts instead: `POST /v1/auth`
 * (personio-auth-api.yaml's AuthenticationTokenResponse), `POST /v2/auth/token` (RFC 6749) and a
 * person's v2 employments (`{_data: [...]}`, common-components-v2.json's list shape). What each
 * request asks for (ids in the path or `employees[]`, keys in `attributes[]`) and the records
 * each reply holds, read from the bodies as the spec describes them.
 */
import { Ajv2020, type AnySchemaObject } from 'ajv/dist/2020.js';
import { PROVIDER_SPECS } from '../../../scripts/extract-spec/providers.js';
import { accountId } from '../../../src/core/ids.js';
import {
  balancesKey,
  COMPENSATION_KEY,
  compensationAttributes,
  EMPLOYMENTS_KEY,
  standardAttributes,
  timeOffKey,
} from '../../../src/providers/personio/fields.js';
import { createPersonioAdapter } from '../../../src/providers/personio/index.js';
import { loadOpenApiSpec, type OpenApiSpec } from '../../conformance/support/openapi.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import type { Schema } from '../support/schema-arbitrary.js';
import { openApiReplies, type SpecOperation, type SpecReplies } from '../support/spec-replies.js';
import { personioQueries } from './personio-queries.js';

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);

const ajv = new Ajv2020({ strict: false });

/** An operation the extract does not hold, its reply written from the facts. */
function written(key: string, method: string, path: RegExp, body: Schema): SpecOperation {
  return {
    key,
    method,
    path,
    status: 200,
    body,
    headers: {},
    root: {},
    validate: ajv.compile(body),
  };
}

const writtenOperations: readonly SpecOperation[] = [
  written('POST /v1/auth', 'POST', /^\/v1\/auth$/, {
    type: 'object',
    required: ['success', 'data'],
    properties: {
      success: { const: true },
      data: {
        type: 'object',
        required: ['token'],
        properties: {
          token: { type: 'string', minLength: 1 },
          expires_in: { type: 'number' },
          scope: { type: 'string' },
        },
      },
    },
  } as Schema),
  written('POST /v2/auth/token', 'POST', /^\/v2\/auth\/token$/, {
    type: 'object',
    required: ['access_token', 'token_type'],
    properties: {
      access_token: { type: 'string', minLength: 1 },
      token_type: { const: 'Bearer' },
      expires_in: { type: 'integer', minimum: 1 },
    },
  } as Schema),
  written(
    'GET /v2/persons/{person_id}/employments',
    'GET',
    /^\/v2\/persons\/([^/]+)\/employments$/,
    {
      type: 'object',
      required: ['_data'],
      properties: {
        _data: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id'],
            properties: {
              id: { type: 'string' },
              start_date: { type: 'string' },
              position: { type: 'object', properties: { title: { type: 'string' } } },
              supervisor: { type: 'object', properties: { id: { type: 'string' } } },
              office: { type: 'object', properties: { id: { type: 'string' } } },
              org_units: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'string' }, type: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    } as Schema,
  ),
];

/**
 * `GET /company/employees/attributes` has no schema in the spec, only an example: its reply is
 * written from that example (`{success, data: [{key, label, type, universal_id, options}]}`).
 */
const attributesOperation = written(
  'GET /company/employees/attributes',
  'GET',
  /^\/v1\/company\/employees\/attributes$/,
  {
    type: 'object',
    required: ['success', 'data'],
    properties: {
      success: { const: true },
      data: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key'],
          properties: {
            key: { type: 'string' },
            label: { type: 'string' },
            type: { type: 'string' },
            universal_id: { type: ['string', 'null'] },
            options: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  } as Schema,
);

/** The list replies whose schema is `allOf: [Response, {data: array}]`, by the schema's name. */
const listSchemas: Readonly<Record<string, string>> = {
  'GET /company/employees': 'EmployeesResponse',
  'GET /company/time-offs': 'AbsencePeriodsResponse',
};

/** `{properties: {a: {properties: {b: leaf}}}}` for the path a, b (items for `[]`). */
function at(path: readonly string[], leaf: Schema): Schema {
  return path.reduceRight<Schema>(
    (inner, key) => (key === '[]' ? { items: inner } : { properties: { [key]: inner } }),
    leaf,
  );
}

/**
 * Where each reply names an employee: `attributes.id.value`, which the spec leaves untyped (its
 * example is 1). Replies keep to integers there, as Personio's ids are, so the ids the kit
 * favours reach the records.
 */
const employeeIds: Readonly<Record<string, readonly string[]>> = {
  'GET /company/employees': ['data', '[]', 'attributes', 'id', 'value'],
  'GET /company/employees/{employee_id}': ['data', 'attributes', 'id', 'value'],
  'GET /company/time-offs': ['data', '[]', 'attributes', 'employee', 'attributes', 'id', 'value'],
};

/**
 * The spec's list schemas admit no reply (`Response` types `data` as an object, the list as an
 * array: test/providers/personio/conformance names it), so nothing could be generated from
 * them: their replies keep the list half and `success`, as Personio's examples send them.
 */
function repaired(op: SpecOperation, spec: OpenApiSpec): Partial<SpecOperation> {
  const name = listSchemas[op.key];
  const idPath = employeeIds[op.key];
  if (name === undefined && idPath === undefined) return {};
  const schemas = (spec.document as unknown as { components: { schemas: Record<string, Schema> } })
    .components.schemas;
  const base: Schema =
    name === undefined
      ? op.body
      : {
          allOf: [
            {
              type: 'object',
              required: ['success', 'data'],
              properties: { success: { const: true } },
            },
            (schemas[name] as { allOf: Schema[] }).allOf[1]!,
          ],
        };
  const body = idPath
    ? ({ allOf: [base, at(idPath, { type: 'integer', minimum: 1 })] } as Schema)
    : base;
  return { body, validate: spec.compile(body as AnySchemaObject) };
}

async function personioReplies(): Promise<SpecReplies> {
  // openApiReplies needs a schema for every call; the attribute list has none, so it is left
  // out of the extract's calls here and answered from its written schema.
  const { hrgraphCalls } = PROVIDER_SPECS.personio;
  const withSchema = Object.entries(hrgraphCalls).filter(
    ([name]) => name !== 'personio.attributes',
  );
  const v1 = await openApiReplies('personio', { hrgraphCalls: Object.fromEntries(withSchema) });
  const spec = await loadOpenApiSpec({ provider: 'personio' });
  const operations = [
    ...v1.operations.map((op) => ({
      ...op,
      ...repaired(op, spec),
      path: new RegExp(`^/v1${op.path.source.slice(1)}`),
    })),
    attributesOperation,
    ...writtenOperations,
  ];
  return {
    operations,
    hrgraphCalls: {
      ...hrgraphCalls,
      'personio.auth': 'POST /v1/auth',
      'personio.v2.token': 'POST /v2/auth/token',
      'personio.v2.employments': 'GET /v2/persons/{person_id}/employments',
    },
    route: (method, path) => operations.find((op) => op.method === method && op.path.test(path)),
  };
}

const attributeValue = (attribute: unknown) =>
  isRow(attribute) && 'value' in attribute ? attribute.value : attribute;

const idOf = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : value;

/** The keys `attributes[]` names, with `compensation` when a salary attribute is among them. */
function askedKeys(url: URL): string[] {
  const attributes = url.searchParams.getAll('attributes[]').filter((key) => key !== 'id');
  const pay = attributes.some((key) => compensationAttributes.includes(key));
  return [...attributes, ...(pay ? [COMPENSATION_KEY] : [])];
}

/** One employee as the spec has it: each attribute's value by key, the salaries together. */
function employeeRecord(employee: Row, asked: readonly string[]): HeldRecord {
  const attributes = isRow(employee.attributes) ? employee.attributes : {};
  const values = new Map<string, unknown>();
  for (const [key, attribute] of Object.entries(attributes)) {
    if (key !== 'id') values.set(key, attributeValue(attribute));
  }
  if (compensationAttributes.some((key) => key in attributes)) {
    values.set(
      COMPENSATION_KEY,
      Object.fromEntries(
        compensationAttributes.filter((k) => k in attributes).map((k) => [k, attributes[k]]),
      ),
    );
  }
  for (const key of asked) if (!values.has(key)) values.set(key, null);
  return { id: idOf(attributeValue(attributes.id)) as string, values };
}

/** An employee read by id (no `attributes[]`): every standard attribute it has or none. */
const whole = [...standardAttributes.filter((key) => key !== 'id'), COMPENSATION_KEY];

function timeOffRecords(url: URL, periods: readonly Row[]): HeldRecord[] {
  const key = timeOffKey(
    url.searchParams.get('start_date') ?? '',
    url.searchParams.get('end_date') ?? '',
  );
  const byEmployee = new Map<unknown, Row[]>(
    url.searchParams.getAll('employees[]').map((id) => [id, []]),
  );
  for (const period of periods) {
    const attributes = isRow(period.attributes) ? period.attributes : {};
    const employee =
      isRow(attributes.employee) && isRow(attributes.employee.attributes)
        ? idOf(attributeValue(attributes.employee.attributes.id))
        : undefined;
    byEmployee.set(employee, [...(byEmployee.get(employee) ?? []), attributes]);
  }
  return [...byEmployee].map(([id, rows]) => ({
    id: id as string,
    values: new Map([[key, rows]]),
  }));
}

const pathId = (url: URL, pattern: RegExp) => {
  const found = pattern.exec(url.pathname)?.[1];
  return found === undefined ? null : decodeURIComponent(found);
};

function records(exchange: Exchange): HeldRecord[] {
  const { reply, url } = exchange;
  const body = isRow(reply) ? reply : {};
  switch (exchange.operation.key) {
    case 'GET /company/employees':
      return rowsOf(body.data).map((employee) => employeeRecord(employee, askedKeys(url)));
    case 'GET /company/employees/{employee_id}':
      return isRow(body.data) ? [employeeRecord(body.data, whole)] : [];
    case 'GET /company/time-offs':
      return timeOffRecords(url, rowsOf(body.data));
    case 'GET /company/employees/{employee_id}/absences/balance': {
      const id = pathId(url, /^\/v1\/company\/employees\/([^/]+)\/absences\/balance$/);
      return id === null ? [] : [{ id, values: new Map([[balancesKey(null), body.data ?? null]]) }];
    }
    case 'GET /v2/persons/{person_id}/employments': {
      const id = pathId(url, /^\/v2\/persons\/([^/]+)\/employments$/);
      return id === null ? [] : [{ id, values: new Map([[EMPLOYMENTS_KEY, body._data ?? null]]) }];
    }
    default:
      return [];
  }
}

function asked(request: SentRequest) {
  const { url } = request;
  const byPath =
    pathId(url, /^\/v1\/company\/employees\/(\d[^/]*)(?:\/absences\/balance)?$/) ??
    pathId(url, /^\/v2\/persons\/([^/]+)\/employments$/);
  const ids = [...(byPath ? [byPath] : []), ...url.searchParams.getAll('employees[]')];
  const keys =
    url.pathname === '/v1/company/employees'
      ? askedKeys(url)
      : url.pathname === '/v1/company/time-offs'
        ? [
            timeOffKey(
              url.searchParams.get('start_date') ?? '',
              url.searchParams.get('end_date') ?? '',
            ),
          ]
        : url.pathname.endsWith('/balance')
          ? [balancesKey(null)]
          : url.pathname.endsWith('/employments')
            ? [EMPLOYMENTS_KEY]
            : [];
  return { ids: [...new Set(ids)], keys };
}

export const personioKit: ReplyKit = {
  provider: 'personio',
  spec: personioReplies,
  adapters: (http) => [
    createPersonioAdapter({
      accountId: accountId('personio'),
      company: 'acme',
      baseUrl: 'http://personio.localhost',
      clientId: 'replies-client',
      clientSecret: () => 'replies-secret',
      http,
    }),
  ],
  asked,
  idNames: [],
  favoured: {
    id: ['1', '2', '3'],
    // An employee's id is `attributes.id.value`, untyped in the spec: ids as text reach the
    // records (Personio's own are numbers, which cannot be favoured here).
    value: ['1', '2', '3'],
    token: ['papi-replies'],
    access_token: ['replies-token'],
    status: ['active', 'onboarding', 'leave', 'inactive', 'approved', 'pending'],
    name: ['Engineering', 'Vacation'],
    start_date: ['2020-02-29', '2026-12-01T00:00:00+0100'],
    end_date: ['2026-12-03T00:00:00+0100'],
    created_at: ['2020-11-18T17:33:55+01:00'],
  },
  records,
  queries: personioQueries,
};
