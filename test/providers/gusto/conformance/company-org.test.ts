/** Company, locations, departments, company custom fields and token_info against the spec. */
import { describe, expect, it } from 'vitest';
import { gustoUuid } from '../../../../src/sandbox/gusto/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { createGustoConformanceSandbox } from '../../../conformance/support/gusto-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'gusto' });
const { call, companyUuid, sandbox, tokenWith } = createGustoConformanceSandbox();
const missing = '6a570000-0000-4000-8000-0000000000ff';

describe('get-v1-companies', () => {
  const op = { method: 'get', pathTemplate: '/v1/companies/{company_id}' } as const;
  it('200 conforms; primary_payroll_admin only with company_admin:read (spec)', async () => {
    const full = await expectConformant(await call('GET', `/v1/companies/${companyUuid}`), op);
    expect(full.body).toMatchObject({
      uuid: companyUuid,
      name: sandbox.company.legalName,
      trade_name: sandbox.company.displayName,
    });
    expect(full.body).toHaveProperty('primary_payroll_admin');
    const narrow = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}`, { token: tokenWith(['companies:read']) }),
      op,
    );
    expect(narrow.body).not.toHaveProperty('primary_payroll_admin');
  });
  it('404 for another company', async () => {
    expect((await expectConformant(await call('GET', `/v1/companies/${missing}`), op)).status).toBe(
      404,
    );
  });
});

describe('locations', () => {
  const listOp = { method: 'get', pathTemplate: '/v1/companies/{company_id}/locations' } as const;
  const oneOp = { method: 'get', pathTemplate: '/v1/locations/{location_id}' } as const;
  it('list 200 (whole and paged) and 404', async () => {
    const all = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}/locations`),
      listOp,
    );
    expect(all.body).toHaveLength(sandbox.company.locations.length);
    const paged = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}/locations?per=2`),
      listOp,
    );
    expect(paged.body).toHaveLength(2);
    expect(paged.headers.get('x-total-count')).toBe(String(sandbox.company.locations.length));
    expect(
      (await expectConformant(await call('GET', `/v1/companies/${missing}/locations`), listOp))
        .status,
    ).toBe(404);
  });
  it('one 200 and 404', async () => {
    const id = sandbox.company.locations[1]!.id;
    const res = await expectConformant(
      await call('GET', `/v1/locations/${gustoUuid('location', id)}`),
      oneOp,
    );
    expect(res.body).toMatchObject({ uuid: gustoUuid('location', id) });
    expect(
      (await expectConformant(await call('GET', `/v1/locations/${missing}`), oneOp)).status,
    ).toBe(404);
  });
});

describe('departments', () => {
  const listOp = {
    method: 'get',
    pathTemplate: '/v1/companies/{company_uuid}/departments',
  } as const;
  const oneOp = { method: 'get', pathTemplate: '/v1/departments/{department_uuid}' } as const;
  it('list 200 carries every employee exactly once across departments', async () => {
    const res = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}/departments`),
      listOp,
    );
    const departments = res.body as Array<{ employees: Array<{ uuid: string }> }>;
    expect(departments).toHaveLength(sandbox.company.departments.length);
    const members = departments.flatMap((department) => department.employees.map((e) => e.uuid));
    expect(new Set(members).size).toBe(40);
    expect(members).toHaveLength(40);
    expect(
      (await expectConformant(await call('GET', `/v1/companies/${missing}/departments`), listOp))
        .status,
    ).toBe(404);
  });
  it('one 200 and 404', async () => {
    const department = sandbox.company.departments[0]!;
    const res = await expectConformant(
      await call('GET', `/v1/departments/${gustoUuid('department', department.id)}`),
      oneOp,
    );
    expect(res.body).toMatchObject({ title: department.name, company_uuid: companyUuid });
    expect(
      (await expectConformant(await call('GET', `/v1/departments/${missing}`), oneOp)).status,
    ).toBe(404);
  });
});

describe('get-v1-companies-company_id-custom_fields', () => {
  const op = { method: 'get', pathTemplate: '/v1/companies/{company_id}/custom_fields' } as const;
  it('200 lists the company fields typed as Gusto types them; 404', async () => {
    const res = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}/custom_fields`),
      op,
    );
    const fields = (res.body as { custom_fields: Array<{ type: string }> }).custom_fields;
    expect(fields).toHaveLength(12);
    for (const field of fields)
      expect(['text', 'currency', 'number', 'date', 'radio']).toContain(field.type);
    expect(
      (await expectConformant(await call('GET', `/v1/companies/${missing}/custom_fields`), op))
        .status,
    ).toBe(404);
  });
});

describe('get-v1-token-info', () => {
  it('200 names the scopes, the company and the admin', async () => {
    const res = await expectConformant(await call('GET', '/v1/token_info'), {
      method: 'get',
      pathTemplate: '/v1/token_info',
    });
    expect(res.body).toMatchObject({ resource: { type: 'Company', uuid: companyUuid } });
    expect((res.body as { scope: string }).scope.split(' ')).toContain('employees:read');
  });
});
