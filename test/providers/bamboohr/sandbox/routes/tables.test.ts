import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const { company, call, callJson } = createHarness();

type Row = Record<string, unknown>;

describe('GET /v1/employees/{id}/tables/{table} (reference §3.1, spec get-employee-table-data)', () => {
  it('BambooHR: table rows carry string id and employeeId plus the table columns', async () => {
    const person = company.people[2]!;
    const rows = (await callJson(`/v1/employees/${person.id}/tables/jobInfo`)).json<Row[]>();
    expect(rows).toHaveLength(person.jobHistory.length);
    expect(rows[0]).toMatchObject({
      id: String(person.jobHistory[0]!.id),
      employeeId: String(person.id),
    });
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'employeeId',
      'date',
      'location',
      'division',
      'department',
      'jobTitle',
      'reportsTo',
    ]);
  });

  it('BambooHR: employmentStatus rows hold the status text and termination columns', async () => {
    const person = company.people.find((p) => p.status === 'Inactive')!;
    const rows = (await callJson(`/v1/employees/${person.id}/tables/employmentStatus`)).json<
      Row[]
    >();
    expect(rows.at(-1)).toMatchObject({
      employmentStatus: 'Terminated',
      date: person.terminationDate,
    });
    expect(rows.at(-1)?.terminationTypeId).not.toBeNull();
  });

  it('BambooHR: compensation rate is {value, currency} on the per-employee endpoint', async () => {
    const person = company.people[0]!;
    const rows = (await callJson(`/v1/employees/${person.id}/tables/compensation`)).json<Row[]>();
    const last = person.compensationHistory.at(-1)!;
    expect(rows.at(-1)?.rate).toEqual({ value: last.amount, currency: last.currency });
  });

  it('BambooHR: emergencyContacts rows are deterministic', async () => {
    const first = await callJson('/v1/employees/4/tables/emergencyContacts');
    const again = await createHarness().callJson('/v1/employees/4/tables/emergencyContacts');
    expect(first.json<Row[]>().length).toBeGreaterThan(0);
    expect(again.text).toBe(first.text);
  });

  it('BambooHR: id "all" returns rows for every employee, terminated ones included', async () => {
    const rows = (await callJson('/v1/employees/all/tables/employmentStatus')).json<Row[]>();
    const owners = new Set(rows.map((r) => r.employeeId));
    expect(owners.size).toBe(company.people.length);
    const inactive = company.people.find((p) => p.status === 'Inactive')!;
    expect(owners.has(String(inactive.id))).toBe(true);
  });

  it('BambooHR: an unknown employee or table is a 404', async () => {
    expect((await callJson('/v1/employees/99999/tables/jobInfo')).status).toBe(404);
    expect((await callJson('/v1/employees/1/tables/customNope')).status).toBe(404);
    expect((await callJson('/v1/employees/all/tables/jobinfo')).status).toBe(404);
  });

  it('BambooHR: table data is XML unless JSON is accepted', async () => {
    const reply = await call('/v1/employees/1/tables/compensation');
    expect(reply.headers.get('content-type')).toMatch(/^(text|application)\/xml/);
    expect(reply.text).toMatch(/<table><row id="\d+" employeeId="1"><field id="startDate">/);
    expect(reply.text).toMatch(/<field id="rate" currency="[A-Z]{3}">\d+\.\d{2}<\/field>/);
  });
});

describe('GET /v1/employees/changed/tables/{table} (spec get-changed-employee-table-data)', () => {
  const since = '2026-06-01T00:00:00Z';

  it('BambooHR: changed tables answers {table, employees:{id:{lastChanged, rows}}} for people changed since', async () => {
    const body = (await callJson(`/v1/employees/changed/tables/jobInfo?since=${since}`)).json<{
      table: string;
      employees: Record<string, { lastChanged: string; rows: Row[] }>;
    }>();
    expect(body.table).toBe('jobInfo');
    const expected = company.people.filter((p) => Date.parse(p.lastChanged) >= Date.parse(since));
    expect(Object.keys(body.employees)).toEqual(expected.map((p) => String(p.id)));
    const [id, entry] = Object.entries(body.employees)[0]!;
    expect(entry.rows).toHaveLength(company.person(Number(id))!.jobHistory.length);
    expect(entry.lastChanged).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('BambooHR: changed tables writes compensation rate as the string "56.00 USD"', async () => {
    const body = (
      await callJson('/v1/employees/changed/tables/compensation?since=2000-01-01T00:00:00Z')
    ).json<{
      employees: Record<string, { rows: Row[] }>;
    }>();
    const rows = Object.values(body.employees)[0]!.rows;
    expect(rows[0]?.rate).toMatch(/^\d+\.\d{2} [A-Z]{3}$/);
    expect(rows[0]).not.toHaveProperty('id');
  });

  it('BambooHR: changed tables with a missing or invalid since is a 400', async () => {
    expect((await callJson('/v1/employees/changed/tables/jobInfo')).status).toBe(400);
    expect((await callJson('/v1/employees/changed/tables/jobInfo?since=yesterday')).status).toBe(
      400,
    );
  });

  it('BambooHR: changed tables for an unknown table is a 404', async () => {
    expect((await callJson(`/v1/employees/changed/tables/nope?since=${since}`)).status).toBe(404);
  });
});
