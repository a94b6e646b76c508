import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const { company, call, postJson } = createHarness();

interface V2Body {
  data: Array<{ fields: Record<string, string | null> }>;
  links: { next: string | null; prev: string | null };
  meta: { page: number; pageSize: number; totalPages: number; totalItems: number };
}

const DATA = '/v2/datasets/employee/data';

describe('datasets list and fields (reference §2.9, spec list-datasets-v1-2, get-fields-from-dataset-v1-2)', () => {
  it('BambooHR: GET /v1_2/datasets lists {datasets:[{name,label}]} with a generated X-Request-ID', async () => {
    const reply = await call('/v1_2/datasets');
    expect(reply.json()).toEqual({ datasets: [{ name: 'employee', label: 'Employee' }] });
    expect(reply.headers.get('x-request-id')).toMatch(/\S{8,}/);
  });

  it('BambooHR: datasets v1.2 echo the client X-Request-ID', async () => {
    const reply = await call('/v1_2/datasets', { headers: { 'x-request-id': 'trace-42' } });
    expect(reply.headers.get('x-request-id')).toBe('trace-42');
  });

  it('BambooHR: GET /v1/datasets is deprecated with Deprecation and Link headers', async () => {
    const reply = await call('/v1/datasets');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('deprecation')).toBeTruthy();
    expect(reply.headers.get('link')).toMatch(/\/v1_2\/datasets>; rel="successor-version"/);
  });

  it('BambooHR: dataset fields are paged (page_size) with name, label, parentType, parentName, entityName', async () => {
    const reply = await call('/v1_2/datasets/employee/fields?page_size=10&page=2');
    const body = reply.json<{
      name: string;
      fields: Array<Record<string, string>>;
      pagination: { current_page: number; next_page: string | null; prev_page: string | null };
    }>();
    expect(body.name).toBe('employee');
    expect(body.fields).toHaveLength(10);
    expect(Object.keys(body.fields[0]!)).toEqual([
      'name',
      'label',
      'parentType',
      'parentName',
      'entityName',
    ]);
    expect(body.pagination.current_page).toBe(2);
    expect(body.pagination.prev_page).toMatch(/page=1&page_size=10$/);
  });

  it('BambooHR: the employee dataset exposes employeeId, standard and custom fields', async () => {
    const body = (await call('/v1_2/datasets/employee/fields?page_size=1000')).json<{
      fields: Array<{ name: string }>;
    }>();
    const names = body.fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['employeeId', 'firstName', 'department', 'payRate']),
    );
    expect(names).toEqual(expect.arrayContaining(company.customFields.map((f) => f.alias)));
  });

  it('BambooHR: an unknown dataset is a 422 problem+json with code DATASET_NOT_FOUND', async () => {
    const reply = await call('/v1_2/datasets/nope/fields');
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.json()).toMatchObject({ status: 422, code: 'DATASET_NOT_FOUND' });
    expect(reply.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('POST /v2/datasets/{name}/data (spec get-data-from-dataset-v2)', () => {
  it('BambooHR: dataset v2 answers {data:[{fields}], links, meta} with pageSize 100 by default', async () => {
    const big = createHarness(250);
    const reply = await big.postJson(DATA, { fields: ['employeeId', 'firstName'] });
    const body = reply.json<V2Body>();
    expect(body.meta).toEqual({ page: 1, pageSize: 100, totalPages: 3, totalItems: 250 });
    expect(body.data).toHaveLength(100);
    expect(body.data[0]).toEqual({
      fields: { employeeId: '1', firstName: big.company.people[0]!.firstName },
    });
    expect(body.links.prev).toBeNull();
    expect(body.links.next).toMatch(/\/v2\/datasets\/employee\/data\?page=2&pageSize=100$/);
    const last = (await big.postJson(DATA, { fields: ['employeeId'], page: 3 })).json<V2Body>();
    expect(last.data).toHaveLength(50);
    expect(last.links.next).toBeNull();
  });

  it("BambooHR: dataset v2 values are strings (spec additionalProperties: string); unset is ''", async () => {
    const body = (
      await postJson(DATA, { fields: ['employeeId', 'supervisor'], pageSize: 1000 })
    ).json<V2Body>();
    expect(body.data.every((d) => typeof d.fields.supervisor === 'string')).toBe(true);
    expect(body.data[0]?.fields).toEqual({ employeeId: '1', supervisor: '' });
  });

  it('BambooHR: dataset v2 finds a batch of ids with employeeId in (…)', async () => {
    const reply = await postJson(DATA, {
      fields: ['employeeId'],
      filter: "employeeId in ('7','3','12')",
    });
    expect(reply.json<V2Body>().data.map((d) => d.fields.employeeId)).toEqual(['3', '7', '12']);
  });

  it('BambooHR: dataset v2 filters with eq/and/in over quoted strings', async () => {
    const dept = (await postJson(DATA, { fields: ['department'], pageSize: 1 })).json<V2Body>()
      .data[0]!.fields.department as string;
    const reply = await postJson(DATA, {
      fields: ['employeeId', 'status', 'department'],
      filter: `status eq 'Active' and department in ('${dept.replaceAll("'", "''")}', 'Nowhere')`,
      pageSize: 1000,
    });
    const rows = reply.json<V2Body>().data.map((d) => d.fields);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'Active' && r.department === dept)).toBe(true);
  });

  it('BambooHR: dataset v2 filter fields need not be requested', async () => {
    const reply = await postJson(DATA, {
      fields: ['employeeId'],
      filter: "status eq 'Inactive'",
      pageSize: 1000,
    });
    const ids = reply.json<V2Body>().data.map((d) => Number(d.fields.employeeId));
    expect(ids).toEqual(company.people.filter((p) => p.status === 'Inactive').map((p) => p.id));
  });

  it('BambooHR: dataset v2 orders by requested fields, asc and desc', async () => {
    const reply = await postJson(DATA, {
      fields: ['employeeId', 'lastName'],
      orderBy: 'lastName desc, employeeId asc',
      pageSize: 1000,
    });
    const names = reply.json<V2Body>().data.map((d) => (d.fields.lastName as string).toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
  });

  it('BambooHR: dataset v2 orderBy on a field not in fields is a 422', async () => {
    const reply = await postJson(DATA, { fields: ['employeeId'], orderBy: 'lastName asc' });
    expect(reply.status).toBe(422);
    expect(reply.json()).toMatchObject({ status: 422, code: 'INVALID_ORDER_BY' });
  });

  it.each([["status eq 'Active' and"], ['status eq Active'], ["nosuch eq 'x'"]])(
    'BambooHR: dataset v2 with an invalid filter (%s) is a 422',
    async (filter) => {
      const reply = await postJson(DATA, { fields: ['employeeId'], filter });
      expect(reply.status).toBe(422);
      expect(reply.json()).toMatchObject({ code: 'INVALID_FILTER' });
    },
  );

  it.each([[{ page: 0 }], [{ pageSize: 1001 }], [{ pageSize: 0 }], [{ page: 'two' }]])(
    'BambooHR: dataset v2 with an invalid page value (%o) is a 422',
    async (paging) => {
      const reply = await postJson(DATA, { fields: ['employeeId'], ...paging });
      expect(reply.status).toBe(422);
      expect(reply.json()).toMatchObject({ code: 'INVALID_PAGINATION' });
    },
  );

  it('BambooHR: dataset v2 with more than 400 fields is a 413; 400 fields is fine', async () => {
    const names = (await call('/v1_2/datasets/employee/fields?page_size=1000'))
      .json<{ fields: Array<{ name: string }> }>()
      .fields.map((f) => f.name);
    const four = names.slice(0, 400);
    while (four.length < 400) four.push(names[four.length % names.length]!);
    expect((await postJson(DATA, { fields: four, pageSize: 5 })).status).toBe(200);
    const reply = await postJson(DATA, { fields: [...four, 'employeeId'] });
    expect(reply.status).toBe(413);
    expect(reply.json()).toMatchObject({ status: 413, code: 'TOO_MANY_FIELDS' });
  });

  it('BambooHR: dataset v2 with an unknown field or without fields is a 400', async () => {
    const unknown = await postJson(DATA, { fields: ['employeeId', 'nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ fields: { nope: 'Unknown field' } });
    expect((await postJson(DATA, {})).status).toBe(400);
  });

  it('BambooHR: dataset v2 on an unknown dataset is a 404 (spec) with code DATASET_NOT_FOUND', async () => {
    const reply = await postJson('/v2/datasets/nope/data', { fields: ['employeeId'] });
    expect(reply.status).toBe(404);
    expect(reply.json()).toMatchObject({ code: 'DATASET_NOT_FOUND' });
  });

  it('BambooHR: dataset v2 sets X-Request-ID on errors too', async () => {
    const reply = await postJson(DATA, { fields: [] }, { headers: { 'x-request-id': 'abc' } });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('x-request-id')).toBe('abc');
  });
});

describe('POST /v1/datasets/{name} (deprecated, spec get-data-from-dataset-v1)', () => {
  it('BambooHR: dataset v1 filters (match all), sorts and pages with a v1 pagination object', async () => {
    const reply = await postJson('/v1/datasets/employee?page_size=3', {
      fields: ['employeeId', 'lastName', 'status'],
      filters: { match: 'all', filters: [{ field: 'status', operator: 'equal', value: 'Active' }] },
      sortBy: [{ field: 'lastName', sort: 'asc' }],
    });
    const body = reply.json<{
      data: Array<Record<string, string>>;
      aggregations: unknown[];
      pagination: { total_records: number };
    }>();
    expect(body.data).toHaveLength(3);
    expect(body.data.every((r) => r.status === 'Active')).toBe(true);
    expect(body.pagination.total_records).toBe(
      company.people.filter((p) => p.status === 'Active').length,
    );
    expect(body.aggregations).toEqual([]);
  });

  it('BambooHR: dataset v1 groupBy turns data into an object keyed by group value', async () => {
    const body = (
      await postJson('/v1/datasets/employee?page_size=1000', {
        fields: ['employeeId', 'status'],
        groupBy: ['status'],
        aggregations: { defaultAggregation: 'count' },
      })
    ).json<{
      data: Record<string, unknown[]>;
      aggregations: Array<{ field: string; all: number }>;
    }>();
    expect(Object.keys(body.data).sort()).toEqual(['Active', 'Inactive']);
    expect(body.aggregations.find((a) => a.field === 'employeeId')?.all).toBe(
      company.people.length,
    );
  });

  it('BambooHR: dataset v1 with an unknown operator is a 400', async () => {
    const reply = await postJson('/v1/datasets/employee', {
      fields: ['employeeId'],
      filters: { match: 'all', filters: [{ field: 'status', operator: 'like', value: 'A' }] },
    });
    expect(reply.status).toBe(400);
  });
});
