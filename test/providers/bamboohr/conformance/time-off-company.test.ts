/**
 * Time off (requests, who's out, types, policies, balances) and company information, checked
 * against the official spec's response objects.
 */
import { describe, expect, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';

const { expectConformant } = await loadConformance();
const { call, tokenWith } = createConformanceSandbox();

type Row = Record<string, unknown>;
const noTimeOff = tokenWith(['openid', 'employee']);

describe('list-time-off-requests (GET /api/v1/time_off/requests)', () => {
  const requests = { method: 'get', pathTemplate: '/api/v1/time_off/requests' } as const;

  it('list-time-off-requests 200 conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/time_off/requests?start=2026-01-01&end=2026-12-31'),
      requests,
    );
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('list-time-off-requests 200 filtered by status and type, without notes, conforms', async () => {
    const { body } = await expectConformant(
      await call(
        'GET',
        '/v1/time_off/requests?start=2025-01-01&end=2026-12-31&status=approved,requested&type=78&excludeNote=1',
      ),
      requests,
    );
    const rows = body as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => !('notes' in row))).toBe(true);
  });

  it('list-time-off-requests 400 without start/end conforms', async () => {
    const { status } = await expectConformant(await call('GET', '/v1/time_off/requests'), requests);
    expect(status).toBe(400);
  });
});

describe('list-whos-out (GET /api/v1/time_off/whos_out)', () => {
  const whosOut = { method: 'get', pathTemplate: '/api/v1/time_off/whos_out' } as const;

  it('list-whos-out 200 (default window) conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/time_off/whos_out'), whosOut);
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('list-whos-out 200 with start/end and filter=off conforms', async () => {
    await expectConformant(
      await call('GET', '/v1/time_off/whos_out?start=2026-06-01&end=2026-07-31&filter=off'),
      whosOut,
    );
  });

  it('list-whos-out 403 for a token without time_off conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/time_off/whos_out', { auth: noTimeOff }),
      whosOut,
    );
    expect(status).toBe(403);
  });
});

describe('time off metadata (GET /api/v1/meta/time_off/types, /policies)', () => {
  const types = { method: 'get', pathTemplate: '/api/v1/meta/time_off/types' } as const;
  const policies = { method: 'get', pathTemplate: '/api/v1/meta/time_off/policies' } as const;

  it('list-time-off-types 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/meta/time_off/types'), types);
    expect((body as { timeOffTypes: Row[] }).timeOffTypes.length).toBeGreaterThan(0);
  });

  it('list-time-off-types 200 with mode=request conforms', async () => {
    await expectConformant(await call('GET', '/v1/meta/time_off/types?mode=request'), types);
  });

  it('list-time-off-policies 200 conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/meta/time_off/policies'),
      policies,
    );
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('list-time-off-policies 403 for a token without time_off conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/meta/time_off/policies', { auth: noTimeOff }),
      policies,
    );
    expect(status).toBe(403);
  });
});

describe('per-employee time off (calculator, policies)', () => {
  const calculator = {
    method: 'get',
    pathTemplate: '/api/v1/employees/{employeeId}/time_off/calculator',
  } as const;
  const employeePolicies = {
    method: 'get',
    pathTemplate: '/api/v1/employees/{employeeId}/time_off/policies',
  } as const;

  it('get-time-off-balance 200 JSON conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/employees/2/time_off/calculator?end=2026-12-31&precision=2'),
      calculator,
    );
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('get-time-off-balance 200 without Accept is XML (reference §4: "XML unless Accept: application/json"), declared application/xml', async () => {
    const { mediaType } = await expectConformant(
      await call('GET', '/v1/employees/2/time_off/calculator', { accept: null }),
      calculator,
    );
    expect(mediaType).toBe('application/xml');
  });

  it('get-time-off-balance 404 for an unknown employee is a ProblemDetailsResponse declared application/json', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/99999/time_off/calculator'),
      calculator,
    );
    expect(status).toBe(404);
  });

  it('list-employee-time-off-policies 200 conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/employees/2/time_off/policies'),
      employeePolicies,
    );
    expect((body as Row[]).length).toBeGreaterThan(0);
  });

  it('list-employee-time-off-policies 403 for a token without time_off conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/2/time_off/policies', { auth: noTimeOff }),
      employeePolicies,
    );
    expect(status).toBe(403);
  });

  it.todo(
    'list-employee-time-off-policies-v1.1 (GET /api/v1_1/employees/{employeeId}/time_off/policies) 200: not served by the sandbox yet (404)',
  );
});

describe('get-company-information (GET /api/v1/company_information)', () => {
  const info = { method: 'get', pathTemplate: '/api/v1/company_information' } as const;

  it('get-company-information 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/company_information'), info);
    expect(body).toMatchObject({ legalName: expect.any(String), address: expect.any(Object) });
  });

  it('get-company-information 403 for a token without company:info conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/company_information', { auth: noTimeOff }),
      info,
    );
    expect(status).toBe(403);
  });
});
