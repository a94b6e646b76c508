/** v1 time off against Personio's spec: time-off types, time-offs (offset as a page), balances. */
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { inProcessPersonio } from '../support.js';

const { expectConformant } = await loadConformance({ provider: 'personio' });
const { call } = inProcessPersonio();

/** As in employees.test.ts: the spec's `Response` types `data` as an object, its lists as arrays. */
const dataIsAnArray = {
  reason:
    "spec: Response types data as an object while AbsencePeriodsResponse (allOf Response) types it as an array; Personio's examples send an array",
  schema: (specSchema: AnySchemaObject | undefined): AnySchemaObject => {
    const [response, ...rest] = (specSchema?.allOf ?? []) as AnySchemaObject[];
    const { data: _object, ...properties } = (response?.properties ?? {}) as Record<
      string,
      unknown
    >;
    return { ...specSchema, allOf: [{ ...response, properties }, ...rest] };
  },
};

const timeOffs = { method: 'get', pathTemplate: '/company/time-offs' } as const;

describe('get-company-time-offs', () => {
  it('200: periods of the employees asked, in the window asked', async () => {
    const res = await expectConformant(
      await call(
        'GET',
        '/v1/company/time-offs?employees[]=3&employees[]=4&start_date=2020-01-01&end_date=2030-12-31',
      ),
      { ...timeOffs, patch: dataIsAnArray },
    );
    const body = res.body as {
      data: { attributes: { employee: { attributes: { id: { value: number } } } } }[];
    };
    expect(body.data.length).toBeGreaterThan(0);
    const owners = new Set(body.data.map((p) => p.attributes.employee.attributes.id.value));
    expect([...owners].every((id) => id === 3 || id === 4)).toBe(true);
  });

  it('offset is a page number here (spec: "which page number you are requesting"), unlike the employee list', async () => {
    const all = (await (await call('GET', '/v1/company/time-offs?limit=200')).json()) as {
      data: { attributes: { id: number } }[];
    };
    const second = await expectConformant(
      await call('GET', '/v1/company/time-offs?limit=5&offset=1'),
      { ...timeOffs, patch: dataIsAnArray },
    );
    const ids = (second.body as { data: { attributes: { id: number } }[] }).data.map(
      (p) => p.attributes.id,
    );
    expect(ids).toEqual(all.data.slice(5, 10).map((p) => p.attributes.id));
  });
});

describe('get-company-time-off-types and balances', () => {
  it('200: the time-off types', async () => {
    await expectConformant(await call('GET', '/v1/company/time-off-types'), {
      method: 'get',
      pathTemplate: '/company/time-off-types',
    });
  });

  it('200: one employee’s balances in days; 404 for an id nobody has', async () => {
    const path = {
      method: 'get',
      pathTemplate: '/company/employees/{employee_id}/absences/balance',
    } as const;
    const res = await expectConformant(
      await call('GET', '/v1/company/employees/3/absences/balance'),
      path,
    );
    const rows = (res.body as { data: { balance: number }[] }).data;
    expect(rows.length).toBeGreaterThan(0);
    const missing = await expectConformant(
      await call('GET', '/v1/company/employees/9999/absences/balance'),
      path,
    );
    expect(missing.status).toBe(404);
  });
});
