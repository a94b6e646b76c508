/** Time-off policies and activities against the spec. */
import { describe, expect, it } from 'vitest';
import { gustoEmployeeUuid, gustoUuid } from '../../../../src/sandbox/gusto/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { createGustoConformanceSandbox } from '../../../conformance/support/gusto-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'gusto' });
const { call, companyUuid, sandbox } = createGustoConformanceSandbox();
const op = (pathTemplate: string) => ({ method: 'get', pathTemplate }) as const;

describe('time off policies', () => {
  it('list 200 has one policy per time-off type with members and balances; 404', async () => {
    const list = op('/v1/companies/{company_uuid}/time_off_policies');
    const res = await expectConformant(
      await call('GET', `/v1/companies/${companyUuid}/time_off_policies`),
      list,
    );
    expect(res.body).toHaveLength(sandbox.company.timeOffTypes.length);
    const missing = '6a570000-0000-4000-8000-0000000000ff';
    expect(
      (
        await expectConformant(
          await call('GET', `/v1/companies/${missing}/time_off_policies`),
          list,
        )
      ).status,
    ).toBe(404);
  });
  it('one 200 and 404', async () => {
    const one = op('/v1/time_off_policies/{time_off_policy_uuid}');
    const type = sandbox.company.timeOffTypes[0]!;
    const res = await expectConformant(
      await call('GET', `/v1/time_off_policies/${gustoUuid('timeOffPolicy', type.id)}`),
      one,
    );
    expect(res.body).toMatchObject({ name: type.name, policy_type: 'vacation' });
    expect(
      (
        await expectConformant(
          await call('GET', `/v1/time_off_policies/${gustoUuid('timeOffPolicy', 1)}`),
          one,
        )
      ).status,
    ).toBe(404);
  });
});

describe('get-version-employees-time_off_activities', () => {
  const activities = op('/v1/employees/{employee_uuid}/time_off_activities');
  // The spec's schema is one Time-Off-Activity object, its example an array of them; Gusto
  // answers a list (the example), so the body is checked as an array of the spec's schema.
  const asArray = {
    reason:
      'the response schema is Time-Off-Activity (an object) while its example is an array of them',
    schema: (spec: object | undefined) => ({ type: 'array', minItems: 1, items: spec ?? {} }),
  };

  it('200: an array of activities that ends at the balance', async () => {
    const person = sandbox.company.people[4]!;
    const res = await expectConformant(
      await call(
        'GET',
        `/v1/employees/${gustoEmployeeUuid(person.id)}/time_off_activities?time_off_type=vacation`,
      ),
      { ...activities, patch: asArray },
    );
    const list = res.body as Array<{ balance: string; event_type: string }>;
    const vacation = sandbox.company.timeOffTypes.find((t) => t.name === 'Vacation')!;
    expect(list.at(-1)!.balance).toBe(sandbox.company.timeOffBalance(person, vacation).balance);
    expect(list[0]!.event_type).toBe('TimeOffEvent::AddToPolicy');
  });

  it('404 for an unknown employee; 422 without or with a bad time_off_type', async () => {
    expect(
      (
        await expectConformant(
          await call(
            'GET',
            `/v1/employees/${gustoEmployeeUuid(999)}/time_off_activities?time_off_type=sick`,
          ),
          activities,
        )
      ).status,
    ).toBe(404);
    const reason = {
      reason:
        'time_off_type is required (spec) and vacation|sick (schema enum); the spec declares no 422 here',
    };
    for (const query of ['', '?time_off_type=holiday']) {
      const res = await expectConformant(
        await call('GET', `/v1/employees/${gustoEmployeeUuid(1)}/time_off_activities${query}`),
        { ...activities, undocumented: reason },
      );
      expect(res.status).toBe(422);
    }
  });
});
