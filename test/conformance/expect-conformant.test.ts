/**
 * The checker itself: each conformance test is only as strong as these guarantees, so each one is
 * shown failing on a response that breaks it.
 */
import { describe, expect, it } from 'vitest';
import { loadConformance } from './support/conformance.js';

const { expectConformant } = await loadConformance();

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

const listPage = {
  data: [
    {
      employeeId: '1',
      firstName: 'Ava',
      lastName: 'Nguyen',
      preferredName: null,
      photoUrl: null,
      jobTitleName: 'Engineer',
      status: 'Active',
      _restrictedFields: [],
    },
  ],
  meta: { total: 1, page: { limit: 250, nextCursor: null, prevCursor: null } },
  _links: { self: { href: 'http://sandbox/api/v1/employees' } },
};
const listEmployees = { method: 'get', pathTemplate: '/api/v1/employees' } as const;

describe('conformance checker', () => {
  it('a body that matches the declared schema passes and is returned parsed', async () => {
    const result = await expectConformant(json(200, listPage), listEmployees);
    expect(result.body).toEqual(listPage);
    expect(result.responseKey).toBe('200');
  });

  it('a schema violation fails, naming the instance path and the value', async () => {
    const broken = structuredClone(listPage) as { data: Array<Record<string, unknown>> };
    broken.data[0]!.employeeId = 1;
    await expect(expectConformant(json(200, broken), listEmployees)).rejects.toThrow(
      /\/data\/0\/employeeId must be string[\s\S]*value: 1/,
    );
  });

  it('a status the operation does not declare fails', async () => {
    await expect(expectConformant(json(404, {}), listEmployees)).rejects.toThrow(
      /status 404 is not documented for list-employees/,
    );
  });

  it('an undocumented status passes only with a stated reason, and a stale reason fails', async () => {
    const allowed = await expectConformant(json(404, {}), {
      ...listEmployees,
      undocumented: { reason: 'checker self-test' },
    });
    expect(allowed.responseKey).toBeNull();
    await expect(
      expectConformant(json(200, listPage), {
        ...listEmployees,
        undocumented: { reason: 'stale' },
      }),
    ).rejects.toThrow(/remove the "undocumented" allowance/);
  });

  it('a content type the response object does not declare fails', async () => {
    const problem = new Response(JSON.stringify({ title: 'Unprocessable', status: 422 }), {
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
    });
    // Datasets v2 declares its errors as application/json, unlike v1.2's problem+json.
    await expect(
      expectConformant(problem, {
        method: 'post',
        pathTemplate: '/api/v2/datasets/{datasetName}/data',
      }),
    ).rejects.toThrow(/Content-Type application\/problem\+json is not declared/);
  });

  it('a declared header that is missing fails (X-Request-ID on datasets v1.2)', async () => {
    const datasets = { method: 'get', pathTemplate: '/api/v1_2/datasets' } as const;
    await expect(expectConformant(json(200, { datasets: [] }), datasets)).rejects.toThrow(
      /declared header X-Request-ID is missing/,
    );
    const ok = await expectConformant(
      json(200, { datasets: [] }, { 'x-request-id': 'abc' }),
      datasets,
    );
    expect(ok.headers.get('x-request-id')).toBe('abc');
  });

  it('malformed XML and a wrong XML root element fail', async () => {
    const directory = { method: 'get', pathTemplate: '/api/v1/employees/directory' } as const;
    function xml(text: string): Response {
      return new Response(text, { status: 200, headers: { 'content-type': 'application/xml' } });
    }
    await expect(
      expectConformant(xml('<directory><employees></directory>'), directory),
    ).rejects.toThrow(/XML is not well-formed/);
    await expect(
      expectConformant(xml('<?xml version="1.0"?><report/>'), directory),
    ).rejects.toThrow(/XML root is <report>, expected <directory>/);
    await expectConformant(
      xml('<?xml version="1.0"?><directory><employees/></directory>'),
      directory,
    );
  });

  it('a format violation fails (date-time, through ajv-formats)', async () => {
    const changed = { method: 'get', pathTemplate: '/api/v1/employees/changed' } as const;
    const body = { latest: '2026-06-15T10:00:00Z', employees: {} };
    await expectConformant(json(200, body), changed);
    await expect(
      expectConformant(json(200, { ...body, latest: 'yesterday' }), changed),
    ).rejects.toThrow(/\/latest must match format "date-time"/);
  });

  it('an undeclared XML media type is reported together with a malformed document', async () => {
    const response = new Response('<fields><field deprecated>x</field></fields>', {
      status: 200,
      headers: { 'content-type': 'text/xml' },
    });
    await expect(
      expectConformant(response, { method: 'get', pathTemplate: '/api/v1/meta/fields' }),
    ).rejects.toThrow(/Content-Type text\/xml is not declared[\s\S]*XML is not well-formed/);
  });

  it('a malformed Retry-After fails', async () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': 'soon' } });
    await expect(expectConformant(response, listEmployees)).rejects.toThrow(/Retry-After must be/);
  });

  it('a local patch replaces the schema and is named in the failure', async () => {
    const patched = {
      ...listEmployees,
      patch: {
        reason: 'self-test: limit must be 250',
        schema: () => ({
          type: 'object',
          properties: { meta: { properties: { page: { properties: { limit: { const: 250 } } } } } },
        }),
      },
    };
    await expectConformant(json(200, listPage), patched);
    const other = structuredClone(listPage);
    other.meta.page.limit = 100;
    await expect(expectConformant(json(200, other), patched)).rejects.toThrow(
      /locally patched: self-test: limit must be 250[\s\S]*\/meta\/page\/limit must be equal to constant/,
    );
  });
});
