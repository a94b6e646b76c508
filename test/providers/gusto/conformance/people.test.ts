/** Per-employee reads: jobs, compensations, terminations, home addresses, custom fields. */
import { describe, expect, it } from 'vitest';
import { gustoEmployeeUuid, gustoUuid } from '../../../../src/sandbox/gusto/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { createGustoConformanceSandbox } from '../../../conformance/support/gusto-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'gusto' });
const { call, sandbox, tokenWith } = createGustoConformanceSandbox();
const person = sandbox.company.people.find((p) => p.compensationHistory.length > 1)!;
const terminated = sandbox.company.people.find((p) => p.terminationDate !== null)!;
const employee = gustoEmployeeUuid(person.id);
const job = gustoUuid('job', person.id);
const nobody = gustoEmployeeUuid(999);
const op = (pathTemplate: string) => ({ method: 'get', pathTemplate }) as const;

describe('jobs and compensations', () => {
  it('jobs list 200 (current and all compensations) and 404', async () => {
    const jobs = op('/v1/employees/{employee_id}/jobs');
    const current = await expectConformant(
      await call('GET', `/v1/employees/${employee}/jobs`),
      jobs,
    );
    expect((current.body as Array<{ compensations: unknown[] }>)[0]!.compensations).toHaveLength(1);
    const all = await expectConformant(
      await call('GET', `/v1/employees/${employee}/jobs?include=all_compensations`),
      jobs,
    );
    expect((all.body as Array<{ compensations: unknown[] }>)[0]!.compensations).toHaveLength(
      person.compensationHistory.length,
    );
    expect(
      (await expectConformant(await call('GET', `/v1/employees/${nobody}/jobs`), jobs)).status,
    ).toBe(404);
  });

  it('job 200 and 404', async () => {
    const one = op('/v1/jobs/{job_id}');
    const res = await expectConformant(await call('GET', `/v1/jobs/${job}`), one);
    expect(res.body).toMatchObject({ uuid: job, employee_uuid: employee, primary: true });
    expect(
      (await expectConformant(await call('GET', `/v1/jobs/${gustoUuid('job', 999)}`), one)).status,
    ).toBe(404);
  });

  it('compensations 200 and 404; one compensation 200 and 404', async () => {
    const list = op('/v1/jobs/{job_id}/compensations');
    const res = await expectConformant(
      await call('GET', `/v1/jobs/${job}/compensations?include=all_compensations`),
      list,
    );
    const rows = res.body as Array<{ uuid: string; payment_unit: string }>;
    expect(rows).toHaveLength(person.compensationHistory.length);
    expect(
      (
        await expectConformant(
          await call('GET', `/v1/jobs/${gustoUuid('job', 999)}/compensations`),
          list,
        )
      ).status,
    ).toBe(404);
    const single = op('/v1/compensations/{compensation_id}');
    const got = await expectConformant(
      await call('GET', `/v1/compensations/${rows[0]!.uuid}`),
      single,
    );
    expect(got.body).toMatchObject({ uuid: rows[0]!.uuid, job_uuid: job });
    const beyond = gustoUuid('compensation', person.id, person.compensationHistory.length);
    expect(
      (await expectConformant(await call('GET', `/v1/compensations/${beyond}`), single)).status,
    ).toBe(404);
  });

  it('the compensation endpoints need compensations:read: 403 without it (status undeclared)', async () => {
    const res = await expectConformant(
      await call('GET', `/v1/jobs/${job}/compensations`, { token: tokenWith(['jobs:read']) }),
      {
        ...op('/v1/jobs/{job_id}/compensations'),
        undocumented: {
          reason: 'reference §3: a missing scope is refused; the spec declares no 403 on GETs',
        },
      },
    );
    expect(res.status).toBe(403);
  });
});

describe('terminations, home addresses, custom fields', () => {
  it('terminations 200 (a terminated person has one) and 404', async () => {
    const list = op('/v1/employees/{employee_id}/terminations');
    const res = await expectConformant(
      await call('GET', `/v1/employees/${gustoEmployeeUuid(terminated.id)}/terminations`),
      list,
    );
    expect(res.body).toEqual([
      expect.objectContaining({ effective_date: terminated.terminationDate }),
    ]);
    expect(
      (await expectConformant(await call('GET', `/v1/employees/${nobody}/terminations`), list))
        .status,
    ).toBe(404);
  });

  it('home addresses 200 and 404; one home address 200 and 404', async () => {
    const list = op('/v1/employees/{employee_id}/home_addresses');
    const res = await expectConformant(
      await call('GET', `/v1/employees/${employee}/home_addresses`),
      list,
    );
    const [address] = res.body as Array<{ uuid: string }>;
    expect(
      (await expectConformant(await call('GET', `/v1/employees/${nobody}/home_addresses`), list))
        .status,
    ).toBe(404);
    const one = op('/v1/home_addresses/{home_address_uuid}');
    expect(
      (await expectConformant(await call('GET', `/v1/home_addresses/${address!.uuid}`), one)).body,
    ).toMatchObject({ uuid: address!.uuid });
    expect(
      (
        await expectConformant(
          await call('GET', `/v1/home_addresses/${gustoUuid('homeAddress', 999)}`),
          one,
        )
      ).status,
    ).toBe(404);
  });

  it('employee custom fields 200 (paged too) and 404', async () => {
    const list = op('/v1/employees/{employee_id}/custom_fields');
    const res = await expectConformant(
      await call('GET', `/v1/employees/${employee}/custom_fields`),
      list,
    );
    expect((res.body as { custom_fields: unknown[] }).custom_fields).toHaveLength(12);
    const paged = await expectConformant(
      await call('GET', `/v1/employees/${employee}/custom_fields?page=2&per=5`),
      list,
    );
    expect((paged.body as { custom_fields: unknown[] }).custom_fields).toHaveLength(5);
    expect(
      (await expectConformant(await call('GET', `/v1/employees/${nobody}/custom_fields`), list))
        .status,
    ).toBe(404);
  });
});
