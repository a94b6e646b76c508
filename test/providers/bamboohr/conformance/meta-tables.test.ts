/**
 * Metadata (fields, lists, tables) and tabular data (per employee, `all`, changed tables),
 * checked against the official spec's response objects.
 */
import { describe, expect, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { tighten } from '../../../conformance/support/patch.js';

const { expectConformant } = await loadConformance();
const { call, tokenWith } = createConformanceSandbox();

type Row = Record<string, unknown>;

describe('meta (GET /api/v1/meta/fields, /lists, /tables)', () => {
  const fields = { method: 'get', pathTemplate: '/api/v1/meta/fields' } as const;
  const lists = { method: 'get', pathTemplate: '/api/v1/meta/lists' } as const;
  const tables = { method: 'get', pathTemplate: '/api/v1/meta/tables' } as const;

  it('list-fields 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/meta/fields'), fields);
    expect((body as Row[]).length).toBeGreaterThan(20);
    // Custom fields are listed with their `custom…` alias (reference §2.5).
    expect((body as Row[]).some((field) => String(field.alias).startsWith('custom'))).toBe(true);
  });

  it('list-list-fields 200 conforms to the spec (Accept: application/json)', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/meta/lists'), lists);
    const aliases = (body as Row[]).map((list) => list.alias);
    expect(aliases).toEqual(
      expect.arrayContaining(['department', 'division', 'location', 'jobTitle']),
    );
  });

  it('list-list-fields 200 conforms with ?format=json and no Accept header (the spec format parameter)', async () => {
    const { mediaType } = await expectConformant(
      await call('GET', '/v1/meta/lists?format=json', { accept: null }),
      lists,
    );
    expect(mediaType).toBe('application/json');
  });

  it('list-list-fields 403 for a token without the field scope conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/meta/lists', { auth: tokenWith(['openid', 'time_off']) }),
      lists,
    );
    expect(status).toBe(403);
  });

  it('list-tabular-fields 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/meta/tables'), tables);
    const aliases = (body as Row[]).map((table) => table.alias);
    expect(aliases).toEqual(
      expect.arrayContaining(['jobInfo', 'employmentStatus', 'compensation']),
    );
  });

  it.todo('list-users (GET /api/v1/meta/users) 200 JSON/XML: not served by the sandbox yet (404)');
});

describe('get-employee-table-data (GET /api/v1/employees/{id}/tables/{table})', () => {
  const table = { method: 'get', pathTemplate: '/api/v1/employees/{id}/tables/{table}' } as const;

  for (const name of ['jobInfo', 'employmentStatus', 'emergencyContacts']) {
    it(`get-employee-table-data 200 ${name} conforms to the spec`, async () => {
      const { body } = await expectConformant(
        await call('GET', `/v1/employees/2/tables/${name}`),
        table,
      );
      expect((body as Row[]).length).toBeGreaterThan(0);
      expect((body as Row[])[0]).toMatchObject({ id: expect.any(String), employeeId: '2' });
    });
  }

  it('get-employee-table-data 200 compensation: rate is {value, currency} (reference §3.3 recommendation; the spec allows any scalar or object)', async () => {
    // Patch: the spec's row schema admits a string or an object for `rate`; the reference picks
    // the object form for this endpoint.
    const money = {
      type: 'object',
      required: ['value', 'currency'],
      properties: {
        value: { type: 'string', pattern: '^\\d+\\.\\d{2}$' },
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
    };
    const { body } = await expectConformant(
      await call('GET', '/v1/employees/2/tables/compensation'),
      {
        ...table,
        patch: tighten('reference §3.3: currency values as {value, currency}', {
          items: {
            required: ['rate'],
            properties: { rate: money, overtimeRate: { anyOf: [money, { type: 'null' }] } },
          },
        }),
      },
    );
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('get-employee-table-data 200 for id "all" conforms and covers every employee', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/employees/all/tables/jobInfo'),
      table,
    );
    const owners = new Set((body as Row[]).map((row) => row.employeeId));
    expect(owners.size).toBe(50);
  });

  it('get-employee-table-data 200 XML is declared application/xml and well-formed', async () => {
    const { mediaType } = await expectConformant(
      await call('GET', '/v1/employees/2/tables/jobInfo', { accept: 'application/xml' }),
      table,
    );
    expect(mediaType).toBe('application/xml');
  });

  it('get-employee-table-data 404 for an unknown employee conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/99999/tables/jobInfo'),
      table,
    );
    expect(status).toBe(404);
  });

  it('get-employee-table-data 404 for an unknown table conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/2/tables/noSuchTable'),
      table,
    );
    expect(status).toBe(404);
  });
});

describe('get-changed-employee-table-data (GET /api/v1/employees/changed/tables/{table})', () => {
  const changed = {
    method: 'get',
    pathTemplate: '/api/v1/employees/changed/tables/{table}',
  } as const;
  const since = encodeURIComponent('2020-01-01T00:00:00Z');
  type Changed = { table: string; employees: Record<string, { lastChanged: string; rows: Row[] }> };

  it('get-changed-employee-table-data 200 jobInfo conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', `/v1/employees/changed/tables/jobInfo?since=${since}`),
      changed,
    );
    expect((body as Changed).table).toBe('jobInfo');
    expect(Object.keys((body as Changed).employees).length).toBeGreaterThan(0);
  });

  it('get-changed-employee-table-data 200 compensation: rate is "<value> <CUR>" text (reference §3.3 recommendation, from the official changed-tables sample)', async () => {
    // Patch: the spec's row schema admits a string or an object; the reference picks the string
    // form the documentation's sample shows for this endpoint.
    const money = { type: 'string', pattern: '^\\d+\\.\\d{2} [A-Z]{3}$' };
    const { body } = await expectConformant(
      await call('GET', `/v1/employees/changed/tables/compensation?since=${since}`),
      {
        ...changed,
        patch: tighten('reference §3.3: currency values as "<value> <CUR>"', {
          properties: {
            employees: {
              additionalProperties: {
                properties: {
                  rows: {
                    items: {
                      required: ['rate'],
                      properties: {
                        rate: money,
                        overtimeRate: { anyOf: [money, { type: 'null' }] },
                      },
                    },
                  },
                },
              },
            },
          },
        }),
      },
    );
    expect(Object.keys((body as Changed).employees).length).toBeGreaterThan(0);
  });

  it('get-changed-employee-table-data 400 without since conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/changed/tables/jobInfo'),
      changed,
    );
    expect(status).toBe(400);
  });

  it('get-changed-employee-table-data 404 for an unknown table conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', `/v1/employees/changed/tables/noSuchTable?since=${since}`),
      changed,
    );
    expect(status).toBe(404);
  });
});
