/** How the synthetic company appears in Gusto: ids, the join key, filters, includes, pay scope. */
import { describe, expect, it } from 'vitest';
import { createCompany, usdEquivalent } from '../../../../src/sandbox/company/index.js';
import {
  createGustoSandbox,
  gustoCompanyUuid,
  gustoEmployeeUuid,
  gustoUuid,
  personIdFromGustoUuid,
} from '../../../../src/sandbox/gusto/index.js';

const company = createCompany({ seed: 5, size: 120, customFieldCount: 40 });
const sandbox = createGustoSandbox({ company, rateLimit: false });
const token = sandbox.issueTokens().accessToken;

type Employee = Record<string, unknown> & { uuid: string; jobs: Array<Record<string, unknown>> };

async function employees(query = '', bearer = token): Promise<Employee[]> {
  const res = await sandbox.app.fetch(
    new Request(`http://api.gusto.test/v1/companies/${sandbox.companyUuid}/employees${query}`, {
      headers: { authorization: `Bearer ${bearer}` },
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as Employee[];
}

describe('projection of the synthetic company', () => {
  it('employee UUIDs are derived from person ids and invert; the company UUID from seed and domain', async () => {
    expect(personIdFromGustoUuid(gustoEmployeeUuid(4242))).toBe(4242);
    expect(personIdFromGustoUuid(gustoUuid('job', 1))).toBeNull();
    expect(sandbox.companyUuid).toBe(gustoCompanyUuid(company));
    expect(gustoCompanyUuid(createCompany({ seed: 6, size: 10 }))).not.toBe(sandbox.companyUuid);
    const list = await employees();
    expect(list.map((e) => e.uuid)).toEqual(company.people.map((p) => gustoEmployeeUuid(p.id)));
  });

  it('work_email is the shared workEmail, names and manager follow the person', async () => {
    const list = await employees();
    for (const person of company.people) {
      const employee = list[person.id - 1]!;
      expect(employee.work_email).toBe(person.workEmail);
      expect(employee.first_name).toBe(person.firstName);
      const manager = company.currentJob(person).managerId;
      expect(employee.manager_uuid).toBe(manager === null ? null : gustoEmployeeUuid(manager));
    }
  });

  it('terminated and terminated_today split the people by their status history', async () => {
    const terminated = await employees('?terminated=true');
    const expected = company.people.filter((p) => p.statusHistory.at(-1)!.status === 'Terminated');
    expect(terminated.map((e) => e.uuid)).toEqual(expected.map((p) => gustoEmployeeUuid(p.id)));
    expect(expected.length).toBeGreaterThan(0);
    const active = await employees('?terminated=false');
    expect(active.length + terminated.length).toBe(120);
    expect((await employees('?terminated_today=true')).every((e) => e.terminated === true)).toBe(
      true,
    );
  });

  it('search_term matches names case-insensitively; uuids and location_uuid narrow; sort_by=name orders', async () => {
    const target = company.people[17]!;
    const found = await employees(
      `?search_term=${encodeURIComponent(target.lastName.toUpperCase())}`,
    );
    expect(found.map((e) => e.uuid)).toContain(gustoEmployeeUuid(target.id));
    expect(
      found.every(
        (e) =>
          String(e.last_name).toLowerCase().includes(target.lastName.toLowerCase()) ||
          String(e.first_name).toLowerCase().includes(target.lastName.toLowerCase()) ||
          String(e.preferred_first_name ?? '')
            .toLowerCase()
            .includes(target.lastName.toLowerCase()),
      ),
    ).toBe(true);
    const some = [3, 9, 77].map(gustoEmployeeUuid);
    expect((await employees(`?uuids=${some.join(',')}`)).map((e) => e.uuid)).toEqual(some);
    expect((await employees(`?uuids[]=${some[0]}&uuids[]=${some[1]}`)).map((e) => e.uuid)).toEqual(
      some.slice(0, 2),
    );
    const location = company.locations[0]!;
    const here = await employees(`?location_uuid=${gustoUuid('location', location.id)}`);
    expect(here.length).toBe(
      company.people.filter((p) => company.currentJob(p).locationId === location.id).length,
    );
    const sorted = await employees('?sort_by=name');
    const names = sorted.map((e) => `${e.last_name}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('include=custom_fields carries the first 25 company fields, the same on every read', async () => {
    const [first] = await employees('?include=custom_fields&per=1');
    const fields = first!.custom_fields as Array<{ name: string; value: string }>;
    expect(fields.map((f) => f.name)).toEqual(company.customFields.slice(0, 25).map((f) => f.name));
    const [again] = await employees('?include=custom_fields&per=1');
    expect(again!.custom_fields).toEqual(fields);
    expect((await employees('?per=1'))[0]).not.toHaveProperty('custom_fields');
  });

  it('compensations come from the history, only with compensations:read', async () => {
    const person = company.people.find((p) => p.compensationHistory.length > 2)!;
    const uuid = gustoEmployeeUuid(person.id);
    const [withPay] = await employees(`?uuids=${uuid}&include=all_compensations`);
    const job = withPay!.jobs[0]!;
    const rows = job.compensations as Array<{
      effective_date: string;
      payment_unit: string;
      rate: string;
    }>;
    expect(rows.map((r) => r.effective_date)).toEqual(
      person.compensationHistory.map((r) => r.effectiveDate),
    );
    for (const row of rows)
      expect(['Hour', 'Week', 'Month', 'Year', 'Paycheck']).toContain(row.payment_unit);
    const narrow = sandbox.issueTokens(['employees:read']).accessToken;
    const [without] = await employees(`?uuids=${uuid}&include=all_compensations`, narrow);
    expect(without!.jobs[0]).not.toHaveProperty('compensations');
    expect(without!.jobs[0]).not.toHaveProperty('rate');
  });

  it('pays in US dollars only: pay kept in another currency shows as its dollar equivalent', async () => {
    const person = company.people.find(
      (p) =>
        p.id !== 1 &&
        p.compensationHistory.some((r) => r.currency !== 'USD' && r.paidPer === 'Year'),
    )!;
    const [employee] = await employees(
      `?uuids=${gustoEmployeeUuid(person.id)}&include=all_compensations`,
    );
    const rows = employee!.jobs[0]!.compensations as Array<{
      effective_date: string;
      rate: string;
    }>;
    for (const source of person.compensationHistory.filter((r) => r.paidPer === 'Year')) {
      const shown = rows.find((r) => r.effective_date === source.effectiveDate)!;
      expect(shown.rate).toBe(usdEquivalent(source.amount, source.currency));
      if (source.currency !== 'USD') expect(shown.rate).not.toBe(source.amount);
    }
  });
});
