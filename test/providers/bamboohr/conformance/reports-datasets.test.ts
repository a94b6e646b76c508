/**
 * Custom reports (ad hoc and saved), custom-reports paging, and datasets v1 / v1.2 / v2, checked
 * against the official spec's response objects.
 */
import { describe, expect, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';

const { expectConformant } = await loadConformance();
const { call, tokenWith } = createConformanceSandbox();

type Row = Record<string, unknown>;

describe('request-custom-report (POST /api/v1/reports/custom)', () => {
  const report = { method: 'post', pathTemplate: '/api/v1/reports/custom' } as const;
  const body = { title: 'Roster', fields: ['firstName', 'lastName', 'department', 'hireDate'] };

  it('request-custom-report 200 JSON (?format=JSON) conforms and includes active and inactive employees', async () => {
    const result = await expectConformant(
      await call('POST', '/v1/reports/custom?format=JSON', { body }),
      report,
    );
    const employees = (result.body as { employees: Row[] }).employees;
    expect(employees).toHaveLength(50);
  });

  it('request-custom-report 200: every employee value is a string (the spec: additionalProperties type string), also for fields a person has no value for', async () => {
    // The CEO has no supervisor and most people no termination date.
    const { body: report200 } = await expectConformant(
      await call('POST', '/v1/reports/custom?format=JSON', {
        body: { fields: ['firstName', 'supervisor', 'terminationDate'] },
      }),
      report,
    );
    expect((report200 as { employees: Row[] }).employees).toHaveLength(50);
  });

  it('request-custom-report 200 JSON chosen by the exact Accept header conforms', async () => {
    const { mediaType } = await expectConformant(
      await call('POST', '/v1/reports/custom', { body, accept: 'application/json' }),
      report,
    );
    expect(mediaType).toBe('application/json');
  });

  it('request-custom-report 200 XML (?format=xml) is declared text/xml with a <report> root (spec 200 description)', async () => {
    await expectConformant(await call('POST', '/v1/reports/custom?format=xml', { body }), {
      ...report,
      xmlRoot: 'report',
    });
  });

  it('request-custom-report 200 CSV (?format=csv) is declared text/csv', async () => {
    const { mediaType, text } = await expectConformant(
      await call('POST', '/v1/reports/custom?format=csv', { body }),
      report,
    );
    expect(mediaType).toBe('text/csv');
    expect(text.split('\n').length).toBeGreaterThan(50);
  });

  it('request-custom-report 400 for more than 400 fields conforms', async () => {
    const fields = Array.from({ length: 401 }, (_, i) => `field${i}`);
    const { status } = await expectConformant(
      await call('POST', '/v1/reports/custom?format=JSON', { body: { fields } }),
      report,
    );
    expect(status).toBe(400);
  });

  it('request-custom-report 400 for a malformed body conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v1/reports/custom?format=JSON', { body: '{"fields": [' }),
      report,
    );
    expect(status).toBe(400);
  });

  it('request-custom-report 404 for an unsupported format conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v1/reports/custom?format=bogus', { body }),
      report,
    );
    expect(status).toBe(404);
  });
});

describe('saved reports (GET /api/v1/reports/{id}, /api/v1/custom-reports, /api/v1/custom-reports/{reportId})', () => {
  const companyReport = { method: 'get', pathTemplate: '/api/v1/reports/{id}' } as const;
  const listReports = { method: 'get', pathTemplate: '/api/v1/custom-reports' } as const;
  const reportById = { method: 'get', pathTemplate: '/api/v1/custom-reports/{reportId}' } as const;

  it('get-company-report 200 JSON conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/reports/1?format=JSON'),
      companyReport,
    );
    expect((body as { employees: Row[] }).employees.length).toBeGreaterThan(0);
  });

  it('get-company-report 404 for an unknown report conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/reports/999?format=JSON'),
      companyReport,
    );
    expect(status).toBe(404);
  });

  it('list-reports 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/custom-reports'), listReports);
    expect((body as { reports: Row[] }).reports.length).toBeGreaterThan(0);
  });

  it('get-report-by-id 200 with page_size conforms to the spec (pagination.next_page set)', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/custom-reports/1?page=1&page_size=10'),
      reportById,
    );
    const page = body as { data: Row[]; pagination: { next_page: string | null } };
    expect(page.data).toHaveLength(10);
    expect(page.pagination.next_page).toEqual(expect.any(String));
  });

  it('get-report-by-id 404 (ErrorResponse with an integer code) conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/custom-reports/999'),
      reportById,
    );
    expect(status).toBe(404);
  });
});

describe('datasets v1.2 (GET /api/v1_2/datasets, /api/v1_2/datasets/{datasetName}/fields)', () => {
  const list = { method: 'get', pathTemplate: '/api/v1_2/datasets' } as const;
  const fields = {
    method: 'get',
    pathTemplate: '/api/v1_2/datasets/{datasetName}/fields',
  } as const;

  it('list-datasets-v1-2 200 conforms with the declared X-Request-ID, echoing the client value', async () => {
    const { body, headers } = await expectConformant(
      await call('GET', '/v1_2/datasets', { headers: { 'X-Request-ID': 'conformance-1' } }),
      list,
    );
    expect(headers.get('x-request-id')).toBe('conformance-1');
    expect((body as { datasets: Row[] }).datasets).toContainEqual(
      expect.objectContaining({ name: 'employee' }),
    );
  });

  it('list-datasets-v1-2 403 for a token without the report scope is RFC 7807 application/problem+json', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1_2/datasets', { auth: tokenWith(['openid', 'employee']) }),
      list,
    );
    expect(status).toBe(403);
  });

  it('get-fields-from-dataset-v1-2 200 conforms with the declared X-Request-ID', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1_2/datasets/employee/fields?page_size=25'),
      fields,
    );
    expect((body as { fields: Row[] }).fields).toHaveLength(25);
  });

  it('get-fields-from-dataset-v1-2 422 DATASET_NOT_FOUND is problem+json with X-Request-ID', async () => {
    const { status, body } = await expectConformant(
      await call('GET', '/v1_2/datasets/noSuchDataset/fields'),
      fields,
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'DATASET_NOT_FOUND' });
  });
});

describe('get-data-from-dataset-v2 (POST /api/v2/datasets/{datasetName}/data)', () => {
  const data = { method: 'post', pathTemplate: '/api/v2/datasets/{datasetName}/data' } as const;

  it('get-data-from-dataset-v2 200 conforms with X-Request-ID, links and meta', async () => {
    const { body } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', {
        body: {
          fields: ['firstName', 'lastName', 'status', 'department'],
          filter: "status eq 'Active'",
          orderBy: 'lastName asc',
          page: 1,
          pageSize: 10,
        },
      }),
      data,
    );
    const page = body as {
      data: Row[];
      links: { next: string | null };
      meta: { totalItems: number };
    };
    expect(page.data).toHaveLength(10);
    expect(page.links.next).toEqual(expect.any(String));
    expect(page.meta.totalItems).toBeGreaterThan(10);
  });

  it('get-data-from-dataset-v2 200: every value in data[].fields is a string (the spec: additionalProperties type string), also for fields a person has no value for', async () => {
    // The CEO has no supervisor and most people no termination date: the spec still types every
    // value as a string.
    const { body } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', {
        body: { fields: ['firstName', 'supervisor', 'terminationDate'], pageSize: 50 },
      }),
      data,
    );
    expect((body as { data: Row[] }).data).toHaveLength(50);
  });

  it('get-data-from-dataset-v2 422 for an invalid filter is a problem body declared application/json', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', {
        body: { fields: ['firstName'], filter: 'status eq' },
      }),
      data,
    );
    expect(status).toBe(422);
  });

  it('get-data-from-dataset-v2 422 for a pageSize above 1000 conforms', async () => {
    const { status, body } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', {
        body: { fields: ['firstName'], pageSize: 1001 },
      }),
      data,
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 422 });
  });

  it('get-data-from-dataset-v2 413 "too much data" for more than 400 fields conforms', async () => {
    const fields = Array.from({ length: 401 }, (_, i) => `field${i}`);
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', { body: { fields } }),
      data,
    );
    expect(status).toBe(413);
  });

  it('get-data-from-dataset-v2 400 for an unknown field conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', { body: { fields: ['noSuchField'] } }),
      data,
    );
    expect(status).toBe(400);
  });

  it('get-data-from-dataset-v2 403 for a token without the report scope is a ProblemDetailsResponse declared application/json', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', {
        body: { fields: ['firstName'] },
        auth: tokenWith(['openid', 'employee']),
      }),
      data,
    );
    expect(status).toBe(403);
  });

  it('get-data-from-dataset-v2 404 for an unknown dataset conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/noSuchDataset/data', { body: { fields: ['firstName'] } }),
      data,
    );
    expect(status).toBe(404);
  });

  it('get-data-from-dataset-v2 400 for a malformed body conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v2/datasets/employee/data', { body: '{"fields": [' }),
      data,
    );
    expect(status).toBe(400);
  });
});

describe('datasets v1, deprecated (GET /api/v1/datasets, /fields; POST /api/v1/datasets/{datasetName})', () => {
  const list = { method: 'get', pathTemplate: '/api/v1/datasets' } as const;
  const fields = { method: 'get', pathTemplate: '/api/v1/datasets/{datasetName}/fields' } as const;
  const data = { method: 'post', pathTemplate: '/api/v1/datasets/{datasetName}' } as const;

  it('list-datasets-v1 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/datasets'), list);
    expect((body as { datasets: Row[] }).datasets.length).toBeGreaterThan(0);
  });

  it('get-fields-from-dataset-v1 200 conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/datasets/employee/fields'),
      fields,
    );
    expect((body as { fields: Row[] }).fields.length).toBeGreaterThan(0);
  });

  it('get-fields-from-dataset-v1 400 for an unknown dataset conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/datasets/noSuchDataset/fields'),
      fields,
    );
    expect(status).toBe(400);
  });

  it('get-data-from-dataset-v1 200 conforms to the spec (EmployeeResponse)', async () => {
    const { body } = await expectConformant(
      await call('POST', '/v1/datasets/employee?page_size=10', {
        body: { fields: ['firstName', 'lastName', 'hireDate'] },
      }),
      data,
    );
    expect((body as { data: Row[] }).data).toHaveLength(10);
  });

  it('get-data-from-dataset-v1 400 for a malformed body conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v1/datasets/employee', { body: '{' }),
      data,
    );
    expect(status).toBe(400);
  });
});
