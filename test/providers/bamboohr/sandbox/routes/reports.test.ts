import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const { sandbox, company, call, postJson } = createHarness();

interface ReportBody {
  title: string;
  fields: Array<{ id: string; type: string; name: string }>;
  employees: Array<Record<string, string | null>>;
}

const REPORT = '/v1/reports/custom?format=JSON';

describe('POST /v1/reports/custom (reference §2.8, spec request-custom-report)', () => {
  it('BambooHR: custom report answers {title, fields:[{id,type,name}], employees:[{id,…}]}', async () => {
    const reply = await postJson(REPORT, { title: 'Roster', fields: ['firstName', 'department'] });
    expect(reply.status).toBe(200);
    const body = reply.json<ReportBody>();
    expect(body.title).toBe('Roster');
    expect(body.fields).toEqual([
      { id: 'firstName', type: 'text', name: 'First Name' },
      { id: 'department', type: 'list', name: 'Department' },
    ]);
    const first = company.people[0]!;
    expect(body.employees[0]).toMatchObject({ id: String(first.id), firstName: first.firstName });
  });

  it('BambooHR: custom report includes Active and Inactive employees', async () => {
    const body = (await postJson(REPORT, { fields: ['status'] })).json<ReportBody>();
    expect(body.employees).toHaveLength(company.people.length);
    expect(new Set(body.employees.map((e) => e.status))).toEqual(new Set(['Active', 'Inactive']));
  });

  it("BambooHR: custom report values are strings (spec additionalProperties: string); unset is ''", async () => {
    const body = (
      await postJson(REPORT, { fields: ['supervisor', 'terminationDate'] })
    ).json<ReportBody>();
    const values = body.employees.flatMap((e) => Object.values(e));
    expect(values.every((v) => typeof v === 'string')).toBe(true);
    const ceo = body.employees.find((e) => e.id === '1');
    expect(ceo?.supervisor).toBe('');
  });

  it('BambooHR: custom report with more than 400 fields is a 400', async () => {
    const fields = Array.from({ length: 401 }, (_, i) => `field${i}`);
    const reply = await postJson(REPORT, { fields });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('x-bamboohr-error-message')).toMatch(/400/);
  });

  it('BambooHR: custom report with exactly 400 fields is a 200', async () => {
    const fields = [
      'firstName',
      'lastName',
      ...Array.from({ length: 398 }, (_, i) => `unknown${i}`),
    ];
    expect((await postJson(REPORT, { fields })).status).toBe(200);
  });

  it('BambooHR: custom report silently omits unknown fields and still answers 200', async () => {
    const reply = await postJson(REPORT, { fields: ['firstName', 'noSuchField'] });
    expect(reply.status).toBe(200);
    const body = reply.json<ReportBody>();
    expect(body.fields.map((f) => f.id)).toEqual(['firstName']);
    expect(Object.keys(body.employees[0]!)).toEqual(['id', 'firstName']);
  });

  it('BambooHR: custom report takes fields by alias, numeric id or custom alias, one column each', async () => {
    const custom = company.customFields[0]!;
    const body = (
      await postJson(REPORT, { fields: ['hireDate', '3', custom.alias, String(custom.id)] })
    ).json<ReportBody>();
    expect(body.fields.map((f) => f.id)).toEqual(['hireDate', custom.alias]);
  });

  it('BambooHR: custom report JSON body with charset is parsed as XML (400 Malformed XML)', async () => {
    const reply = await call(REPORT, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ fields: ['firstName'] }),
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('x-bamboohr-error-message')).toBe('Malformed XML');
  });

  it('BambooHR: custom report reads a <report> XML body under any other Content-Type', async () => {
    const xml =
      '<report><title>X</title><fields><field id="firstName"/><field id="lastName"/></fields>' +
      '<filters><employeeIds><employeeId>1</employeeId><employeeId>2</employeeId></employeeIds></filters></report>';
    const reply = await call(REPORT, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: xml,
    });
    expect(reply.status).toBe(200);
    const body = reply.json<ReportBody>();
    expect(body.employees.map((e) => e.id)).toEqual(['1', '2']);
    expect(body.fields.map((f) => f.id)).toEqual(['firstName', 'lastName']);
  });

  it('BambooHR: custom report filters by employeeIds and lastChanged', async () => {
    const byIds = (
      await postJson(REPORT, { fields: ['firstName'], filters: { employeeIds: [3, 5] } })
    ).json<ReportBody>();
    expect(byIds.employees.map((e) => e.id)).toEqual(['3', '5']);
    const since = '2026-06-01T00:00:00+00:00';
    const recent = (
      await postJson(REPORT, {
        fields: ['lastChanged'],
        filters: { lastChanged: { value: since, includeNull: 'no' } },
      })
    ).json<ReportBody>();
    const expected = company.people.filter((p) => Date.parse(p.lastChanged) >= Date.parse(since));
    expect(recent.employees.map((e) => e.id)).toEqual(expected.map((p) => String(p.id)));
  });

  it.each([['application/xml'], ['*/*'], ['application/json, text/xml'], ['text/html']])(
    'BambooHR: custom report without format and with Accept %s is a 404',
    async (accept) => {
      const reply = await call('/v1/reports/custom', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ fields: ['firstName'] }),
      });
      expect(reply.status).toBe(404);
    },
  );

  it('BambooHR: custom report without format follows an exact Accept (text/xml gives XML)', async () => {
    const reply = await call('/v1/reports/custom', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/xml' },
      body: JSON.stringify({ title: 'T', fields: ['firstName'] }),
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(reply.text).toContain('<report><title>T</title>');
  });

  it('BambooHR: custom report format is case-insensitive and an unknown format is a 404', async () => {
    expect(
      (await postJson('/v1/reports/custom?format=Json', { fields: ['firstName'] })).status,
    ).toBe(200);
    expect(
      (await postJson('/v1/reports/custom?format=bogus', { fields: ['firstName'] })).status,
    ).toBe(404);
  });

  it('BambooHR: custom report renders csv, xls and pdf with their media types', async () => {
    const csv = await postJson('/v1/reports/custom?format=csv', { fields: ['firstName'] });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('"First Name"');
    const xls = await postJson('/v1/reports/custom?format=XLS', { fields: ['firstName'] });
    expect(xls.headers.get('content-type')).toBe('application/vnd.ms-excel');
    const pdf = await postJson('/v1/reports/custom?format=pdf', { fields: ['firstName'] });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('BambooHR: custom report records the fields it was asked for in the request log', async () => {
    await postJson(REPORT, { fields: ['firstName', 'workEmail'] });
    const entry = sandbox.log.entries({ path: '/v1/reports/custom' }).at(-1);
    expect(entry?.fieldsAsked).toEqual(['firstName', 'workEmail']);
  });
});

describe('saved reports (reference §2.8 related endpoints)', () => {
  it('BambooHR: GET /v1/custom-reports lists {reports:[{id,name}], pagination}', async () => {
    const body = (await call('/v1/custom-reports')).json<{
      reports: unknown[];
      pagination: Record<string, unknown>;
    }>();
    expect(body.reports[0]).toEqual({ id: 1, name: 'Employee Roster' });
    expect(body.pagination).toMatchObject({
      current_page: 1,
      total_pages: 1,
      next_page: null,
      prev_page: null,
    });
  });

  it('BambooHR: custom-reports/{id} pages its data and clamps an out-of-range page', async () => {
    const first = (await call('/v1/custom-reports/1?page_size=5')).json<{
      data: Array<Record<string, unknown>>;
      aggregations: unknown[];
      pagination: { total_records: number; total_pages: number; next_page: string | null };
    }>();
    const active = company.people.filter((p) => p.status === 'Active').length;
    expect(first.data).toHaveLength(5);
    expect(first.aggregations).toEqual([]);
    expect(first.pagination.total_records).toBe(active);
    expect(first.pagination.next_page).toMatch(/\/v1\/custom-reports\/1\?page=2&page_size=5$/);
    const last = (await call('/v1/custom-reports/1?page=999&page_size=5')).json<{
      pagination: { current_page: number };
    }>();
    expect(last.pagination.current_page).toBe(first.pagination.total_pages);
  });

  it('BambooHR: custom-reports page_size defaults to 500 and caps at 1000; invalid values fall back', async () => {
    type P = {
      pagination: { next_page: string | null; prev_page: string | null; current_page: number };
    };
    const big = createHarness(1200);
    expect((await big.call('/v1/custom-reports/1')).json<P>().pagination.next_page).toMatch(
      /page_size=500$/,
    );
    expect(
      (await big.call('/v1/custom-reports/1?page_size=5000')).json<P>().pagination.next_page,
    ).toMatch(/page_size=1000$/);
    expect(
      (await big.call('/v1/custom-reports/1?page=0&page_size=abc')).json<P>().pagination
        .current_page,
    ).toBe(1);
  });

  it('BambooHR: an unknown saved report is a 404 {error:{code,message}}', async () => {
    const reply = await call('/v1/custom-reports/99');
    expect(reply.status).toBe(404);
    expect(reply.json()).toMatchObject({ error: { code: 404 } });
  });

  it('BambooHR: GET /v1/reports/{id} (deprecated) answers the custom report shape', async () => {
    const reply = await call('/v1/reports/3?format=json');
    const body = reply.json<ReportBody>();
    expect(body.title).toBe('Terminations');
    expect(body.employees.every((e) => e.terminationDate !== null)).toBe(true);
    expect((await call('/v1/reports/3', { headers: { accept: '*/*' } })).status).toBe(404);
  });
});
