import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const { company, call, callJson } = createHarness();

interface RequestJson {
  id: number;
  employeeId: number;
  start: string;
  end: string;
  status: { status: string; lastChanged: string };
  type: { id: number; name: string };
  amount: { unit: string; amount: number };
  dates: Record<string, number>;
  notes?: Record<string, string>;
}

const allRequests = company.people.flatMap((p) => p.timeOffRequests);

describe('GET /v1/time_off/requests (reference §4, spec list-time-off-requests)', () => {
  it('BambooHR: time-off requests need start and end dates (400 otherwise)', async () => {
    expect((await callJson('/v1/time_off/requests')).status).toBe(400);
    expect((await callJson('/v1/time_off/requests?start=2026-01-01')).status).toBe(400);
    expect((await callJson('/v1/time_off/requests?start=2026-13-01&end=2026-12-31')).status).toBe(
      400,
    );
  });

  it('BambooHR: time-off requests are those overlapping [start, end], inclusive', async () => {
    const start = '2026-06-01';
    const end = '2026-06-30';
    const body = (await callJson(`/v1/time_off/requests?start=${start}&end=${end}`)).json<
      RequestJson[]
    >();
    const expected = allRequests.filter((r) => r.end >= start && r.start <= end).map((r) => r.id);
    expect(body.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(body.length).toBeGreaterThan(0);
  });

  it('BambooHR: time-off requests have integer ids, status, type, amount as the sum of dates', async () => {
    const body = (await callJson('/v1/time_off/requests?start=2025-01-01&end=2026-12-31')).json<
      RequestJson[]
    >();
    const sample = body[0]!;
    expect(typeof sample.id).toBe('number');
    expect(typeof sample.employeeId).toBe('number');
    expect(sample.amount.amount).toBeCloseTo(
      Object.values(sample.dates).reduce((a, b) => a + b, 0),
    );
    expect(sample.type.name).toBe(company.timeOffTypes.find((t) => t.id === sample.type.id)?.name);
  });

  it('BambooHR: time-off requests filter by comma-separated status and type lists', async () => {
    const base = '/v1/time_off/requests?start=2020-01-01&end=2027-12-31';
    const byStatus = (await callJson(`${base}&status=denied,superceded`)).json<RequestJson[]>();
    expect(byStatus.length).toBe(
      allRequests.filter((r) => r.status === 'denied' || r.status === 'superceded').length,
    );
    const typeId = company.timeOffTypes[0]!.id;
    const byType = (await callJson(`${base}&type=${typeId}`)).json<RequestJson[]>();
    expect(byType.every((r) => r.type.id === typeId)).toBe(true);
  });

  it('BambooHR: time-off requests filter by employeeId and id', async () => {
    const request = allRequests[3]!;
    const base = '/v1/time_off/requests?start=2000-01-01&end=2030-12-31';
    const mine = (await callJson(`${base}&employeeId=${request.personId}`)).json<RequestJson[]>();
    expect(new Set(mine.map((r) => r.employeeId))).toEqual(new Set([request.personId]));
    const one = (await callJson(`${base}&id=${request.id}`)).json<RequestJson[]>();
    expect(one.map((r) => r.id)).toEqual([request.id]);
  });

  it('BambooHR: excludeNote drops notes; action=myRequests keeps the caller’s own', async () => {
    const base = '/v1/time_off/requests?start=2000-01-01&end=2030-12-31';
    const withNotes = (await callJson(base)).json<RequestJson[]>();
    expect(withNotes.every((r) => r.notes !== undefined)).toBe(true);
    const without = (await callJson(`${base}&excludeNote=1`)).json<RequestJson[]>();
    expect(without.every((r) => r.notes === undefined)).toBe(true);
    const own = (await callJson(`${base}&action=myRequests`, { as: 5 })).json<RequestJson[]>();
    expect(own.every((r) => r.employeeId === 5)).toBe(true);
  });

  it('BambooHR: time-off requests are XML unless JSON is accepted', async () => {
    const reply = await call('/v1/time_off/requests?start=2026-01-01&end=2026-12-31');
    expect(reply.headers.get('content-type')).toMatch(/^(text|application)\/xml/);
    expect(reply.text).toMatch(/<requests><request id="\d+"><employee id="\d+">/);
  });
});

describe('GET /v1/time_off/whos_out (spec list-whos-out)', () => {
  it("BambooHR: who's out defaults to the company's today through 14 days later, approved only", async () => {
    const body = (await callJson('/v1/time_off/whos_out')).json<
      Array<{ type: string; id: number; start: string; end: string }>
    >();
    const end = '2026-06-29';
    const expected = allRequests
      .filter((r) => r.status === 'approved' && r.end >= company.today && r.start <= end)
      .map((r) => r.id);
    const timeOff = body.filter((e) => e.type === 'timeOff');
    expect(timeOff.map((e) => e.id).sort()).toEqual(expected.sort());
    const starts = body.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
  });

  it("BambooHR: who's out lists company holidays as type holiday without employeeId", async () => {
    const body = (await callJson('/v1/time_off/whos_out?start=2026-12-20&end=2027-01-02')).json<
      Array<Record<string, unknown>>
    >();
    const holidays = body.filter((e) => e.type === 'holiday');
    expect(holidays.map((h) => h.start)).toEqual(['2026-12-25', '2027-01-01']);
    expect(holidays.every((h) => !('employeeId' in h))).toBe(true);
  });

  it("BambooHR: who's out with a malformed date is a 400", async () => {
    expect((await callJson('/v1/time_off/whos_out?start=June')).status).toBe(400);
  });
});

describe('time-off types, policies and balances (spec list-time-off-types, list-time-off-policies, get-time-off-balance)', () => {
  it('BambooHR: time-off types come with defaultHours whose amounts are strings', async () => {
    const body = (await callJson('/v1/meta/time_off/types?mode=request')).json<{
      timeOffTypes: Array<{ id: number; source: string }>;
      defaultHours: Array<{ name: string; amount: unknown }>;
    }>();
    expect(body.timeOffTypes.map((t) => t.id)).toEqual(company.timeOffTypes.map((t) => t.id));
    expect(body.timeOffTypes.every((t) => t.source === 'internal')).toBe(true);
    expect(body.defaultHours).toContainEqual({ name: 'Monday', amount: '8' });
  });

  it('BambooHR: time-off policies are sorted by name with effectiveDate null', async () => {
    const body = (await callJson('/v1/meta/time_off/policies')).json<
      Array<{ name: string; effectiveDate: null }>
    >();
    const names = body.map((p) => p.name);
    expect(names).toEqual([...names].sort());
    expect(body.every((p) => p.effectiveDate === null)).toBe(true);
  });

  it("BambooHR: an employee's time-off policies (v1) list accruing policies only", async () => {
    const body = (await callJson('/v1/employees/2/time_off/policies')).json<
      Array<{ timeOffTypeId: number; accrualStartDate: string }>
    >();
    const accruing = company.timeOffTypes
      .filter((t) => t.policyType === 'accruing')
      .map((t) => t.id);
    expect(body.map((p) => p.timeOffTypeId)).toEqual(accruing);
    expect(body[0]?.accrualStartDate).toBe(company.person(2)!.hireDate);
  });

  it('BambooHR: balances give timeOffType, balance and usedYearToDate as strings, to `precision` places', async () => {
    const two = (await callJson('/v1/employees/2/time_off/calculator')).json<
      Array<Record<string, unknown>>
    >();
    expect(two[0]).toMatchObject({
      timeOffType: String(company.timeOffTypes[0]!.id),
      end: company.today,
    });
    expect(two[0]?.balance).toMatch(/^-?\d+\.\d{2}$/);
    const none = (
      await callJson('/v1/employees/2/time_off/calculator?precision=0&end=2026-12-31')
    ).json<Array<Record<string, string>>>();
    expect(none[0]?.balance).toMatch(/^-?\d+$/);
    expect(none[0]?.end).toBe('2026-12-31');
    expect((await callJson('/v1/employees/2/time_off/calculator?precision=5')).status).toBe(400);
  });

  it('BambooHR: balances are XML unless Accept: application/json; unknown employee is a 404', async () => {
    const xml = await call('/v1/employees/2/time_off/calculator');
    expect(xml.headers.get('content-type')).toMatch(/^(text|application)\/xml/);
    expect(xml.text).toContain('<balances><timeOffType id=');
    expect((await callJson('/v1/employees/99999/time_off/calculator')).status).toBe(404);
  });
});
