/**
 * v1 employees against Personio's spec (the extract in specs/personio/): the list, one employee,
 * the attribute catalogue. Where the spec and Personio's documentation disagree, the sandbox
 * follows the documentation and the test names the disagreement.
 */

import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { inProcessPersonio } from '../support.js';

const { spec, expectConformant } = await loadConformance({ provider: 'personio' });
const { call } = inProcessPersonio();

const list = { method: 'get', pathTemplate: '/company/employees' } as const;
const one = { method: 'get', pathTemplate: '/company/employees/{employee_id}' } as const;

/**
 * The spec's list and time-off schemas are `allOf: [Response, {data: array}]`, and `Response`
 * says `data` is an object: no list validates against both. Its own examples (and Personio's
 * API) send an array; the patch keeps every other constraint and drops the object type alone.
 */
const dataIsAnArray = {
  reason:
    "spec: Response types data as an object while EmployeesResponse (allOf Response) types it as an array; Personio's examples send an array",
  schema: (specSchema: AnySchemaObject | undefined): AnySchemaObject => {
    const [response, rest] = (specSchema?.allOf ?? []) as AnySchemaObject[];
    const { data: _object, ...properties } = (response?.properties ?? {}) as Record<
      string,
      unknown
    >;
    return { allOf: [{ ...response, properties }, rest] };
  },
};

function schemaOf(path: string): AnySchemaObject {
  const operation = spec.operation('get', path)!;
  const found = spec.response(operation, 200)!;
  return (found.response.content?.['application/json']?.schema ?? {}) as AnySchemaObject;
}

describe('get-company-employees', () => {
  it("the spec contradicts itself: Response's data is an object, the list's an array (the disagreement the patch names)", () => {
    const [response, rest] = schemaOf('/company/employees').allOf as AnySchemaObject[];
    expect(response?.properties?.data?.type).toBe('object');
    expect(rest?.properties?.data?.type).toBe('array');
  });

  it('200 without paging: 50 employees (docs: enforced since January 2025; the spec still says default 10)', async () => {
    const res = await expectConformant(await call('GET', '/v1/company/employees'), {
      ...list,
      patch: dataIsAnArray,
    });
    const body = res.body as { data: unknown[]; limit: number; metadata: Record<string, number> };
    expect(body.data).toHaveLength(40);
    expect(body.limit).toBe(50);
    expect(body.metadata).toEqual({ total_elements: 40, current_page: 0, total_pages: 1 });
  });

  it('200 with limit and offset: offset is an item index (spec: "the first item in the collection to return")', async () => {
    const res = await expectConformant(
      await call('GET', '/v1/company/employees?limit=7&offset=3'),
      { ...list, patch: dataIsAnArray },
    );
    const body = res.body as { data: { attributes: { id: { value: number } } }[] };
    expect(body.data.map((e) => e.attributes.id.value)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('attributes[] narrows each employee to the attributes named (and its id)', async () => {
    const res = await expectConformant(
      await call(
        'GET',
        '/v1/company/employees?limit=2&attributes[]=first_name&attributes[]=department',
      ),
      { ...list, patch: dataIsAnArray },
    );
    const body = res.body as { data: { attributes: Record<string, unknown> }[] };
    for (const employee of body.data) {
      expect(Object.keys(employee.attributes).sort()).toEqual(['department', 'first_name', 'id']);
    }
  });

  it('limit above 100 is a 400 in the v1 error shape (docs: at most 100; the spec declares no 400)', async () => {
    const res = await expectConformant(await call('GET', '/v1/company/employees?limit=101'), {
      ...list,
      undocumented: { reason: 'pagination adoption guide: limit may be at most 100' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 400 } });
  });

  it('no token is 401 "Authorization is not provided", a token it does not know 403 (spec examples)', async () => {
    const none = await expectConformant(
      await call('GET', '/v1/company/employees', { token: null }),
      {
        ...list,
        undocumented: { reason: 'spec components.examples 401UnauthorizedErrorExample' },
      },
    );
    expect(none.body).toEqual({
      success: false,
      error: { code: 401, message: 'Authorization is not provided' },
    });
    const wrong = await expectConformant(
      await call('GET', '/v1/company/employees', { token: 'papi-unknown' }),
      { ...list, undocumented: { reason: 'spec components.examples 403ForbiddenErrorExample' } },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { message: 'Provided authorization is not valid' } });
  });
});

describe('get-company-employees-employee_id', () => {
  it('200: one employee with every attribute, custom ones as dynamic_<id>', async () => {
    const res = await expectConformant(await call('GET', '/v1/company/employees/3'), one);
    const attributes = (res.body as { data: { attributes: Record<string, unknown> } }).data
      .attributes;
    expect(Object.keys(attributes).filter((key) => key.startsWith('dynamic_'))).toHaveLength(4);
    expect(attributes.supervisor).toMatchObject({ label: 'Supervisor' });
  });

  it('404 for an id nobody has, in the spec’s error shape', async () => {
    const res = await expectConformant(await call('GET', '/v1/company/employees/9999'), one);
    expect(res.status).toBe(404);
  });
});

describe('get-company-employees-attributes', () => {
  it('200: the attributes the credential may read, custom ones with their labels', async () => {
    const res = await expectConformant(await call('GET', '/v1/company/employees/attributes'), {
      method: 'get',
      pathTemplate: '/company/employees/attributes',
    });
    const rows = (res.body as { data: { key: string }[] }).data;
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['first_name', 'department']));
  });

  it('custom-attributes is its alias (spec: "an alias for /company/employees/attributes")', async () => {
    const alias = await call('GET', '/v1/company/employees/custom-attributes');
    const main = await call('GET', '/v1/company/employees/attributes');
    expect(await alias.json()).toEqual(await main.json());
  });
});
