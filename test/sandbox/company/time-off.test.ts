import { beforeAll, describe, expect, it } from 'vitest';
import { createCompany, type SyntheticCompany } from '../../../src/sandbox/company/index.js';
import { violations } from './violations.js';

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

describe('Synthetic company: time off', () => {
  let c: SyntheticCompany;
  beforeAll(() => {
    c = createCompany({ size: 10_000 });
  });

  it('3–5 types with accruing, manual and discretionary policies', () => {
    expect(c.timeOffTypes.length).toBeGreaterThanOrEqual(3);
    expect(c.timeOffTypes.length).toBeLessThanOrEqual(5);
    const policies = new Set(c.timeOffTypes.map((t) => t.policyType));
    expect(policies).toEqual(new Set(['accruing', 'manual', 'discretionary']));
    for (const t of c.timeOffTypes) {
      expect(t.yearlyAllowance === null).toBe(t.policyType === 'discretionary');
    }
  });

  it('request ids are unique and rise across the company', () => {
    const ids = c.people.flatMap((p) => p.timeOffRequests.map((r) => r.id));
    expect(ids.length).toBeGreaterThan(20_000);
    const v = violations();
    ids.forEach((id, i) => {
      v.check(i === 0 || id > ids[i - 1]!, () => `id ${id} after ${ids[i - 1]}`);
    });
    expect(v.list).toEqual([]);
  });

  it('dates are weekdays between start and end, and cover both', () => {
    const v = violations();
    for (const p of c.people) {
      for (const r of p.timeOffRequests) {
        const dates = Object.keys(r.dates);
        const what = () => `request ${r.id}: ${r.start}..${r.end} ${JSON.stringify(r.dates)}`;
        v.check(dates.length > 0 && dates[0] === r.start && dates.at(-1) === r.end, what);
        for (const d of dates) {
          v.check(isWeekday(d) && d >= r.start && d <= r.end && (r.dates[d] ?? 0) > 0, what);
        }
        v.check(r.personId === p.id, what);
      }
    }
    expect(v.list).toEqual([]);
  });

  it('requests lie in employment, around last and this year, never overlap, and were made by today', () => {
    const lastYear = `${Number(c.today.slice(0, 4)) - 1}-01-01`;
    const v = violations();
    for (const p of c.people) {
      let previousEnd = '';
      for (const r of p.timeOffRequests) {
        const what = () =>
          `person ${p.id} (${p.hireDate}..${p.terminationDate}) request ${JSON.stringify(r)}`;
        v.check(r.start >= lastYear && r.start >= p.hireDate, what);
        v.check(!p.terminationDate || r.end <= p.terminationDate, what);
        v.check(r.start > previousEnd, what);
        previousEnd = r.end;
        v.check(r.created <= r.statusChanged && r.statusChanged <= c.today, what);
        v.check(r.start <= c.today || r.status !== 'superceded', what);
        v.check(r.status !== 'requested' || r.end >= c.today, what);
      }
    }
    expect(v.list).toEqual([]);
  });

  it('every status occurs', () => {
    const statuses = new Set(c.people.flatMap((p) => p.timeOffRequests.map((r) => r.status)));
    expect(statuses).toEqual(
      new Set(['approved', 'denied', 'superceded', 'requested', 'canceled']),
    );
  });

  it('usedYearToDate sums approved amounts in the year up to asOf; balances follow the policy', () => {
    const asOf = c.today;
    const yearStart = `${asOf.slice(0, 4)}-01-01`;
    let checked = 0;
    for (const p of c.people.slice(0, 2000)) {
      for (const t of c.timeOffTypes) {
        let used = 0;
        for (const r of p.timeOffRequests) {
          if (r.typeId !== t.id || r.status !== 'approved') continue;
          for (const [d, amount] of Object.entries(r.dates))
            if (d >= yearStart && d <= asOf) used += amount;
        }
        const b = c.timeOffBalance(p, t);
        expect(b.asOf).toBe(asOf);
        expect(b.typeId).toBe(t.id);
        expect(b.usedYearToDate).toBe(used.toFixed(2));
        expect(b.balance).toMatch(/^-?\d+\.\d{2}$/);
        if (t.policyType === 'discretionary') expect(b.balance).toBe('0.00');
        if (t.policyType === 'manual' && p.status === 'Active') {
          expect(b.balance).toBe((t.yearlyAllowance! - used).toFixed(2));
        }
        if (t.policyType === 'accruing' && p.status === 'Active' && p.hireDate < yearStart) {
          // Accrued share of the year so far, less what was used.
          const elapsed = (Date.parse(asOf) - Date.parse(yearStart)) / 86_400_000 + 1;
          const accrued = (t.yearlyAllowance! * elapsed) / 365;
          expect(Number(b.balance)).toBeCloseTo(accrued - used, 1);
        }
        checked++;
      }
    }
    expect(checked).toBe(2000 * c.timeOffTypes.length);
  });

  it('a balance before hire accrues nothing, and asOf changes the year counted', () => {
    const p = c.people.find((q) => q.hireDate > '2025-03-01' && q.status === 'Active')!;
    const vacation = c.timeOffTypes.find((t) => t.policyType === 'accruing')!;
    expect(c.timeOffBalance(p, vacation, '2024-12-31')).toEqual({
      typeId: vacation.id,
      balance: '0.00',
      usedYearToDate: '0.00',
      asOf: '2024-12-31',
    });
    expect(c.timeOffBalance(p, vacation, '2026-02-01').asOf).toBe('2026-02-01');
  });
});

/** The last day of the month of `date` (YYYY-MM-DD). */
function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

// Demo mode dates the company by the wall clock, and GraphiQL's time-off tab asks for the month
// of "now" among the first 50 active people: whatever the day, that month must have leave in it.
describe('Synthetic company: time off lies around its reference date, whatever the date', () => {
  const days = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}-01`);
  it.each([...days, ...days.map(monthEnd), '2028-02-29'])(
    'dated %s: requests in the past, in its month (among the first 50 active), and ahead',
    (today) => {
      const c = createCompany({ today });
      const first = `${today.slice(0, 8)}01`;
      const last = monthEnd(today);
      const requests = c.people.flatMap((p) => p.timeOffRequests);
      expect(requests.filter((r) => r.end < first).length).toBeGreaterThan(100);
      expect(requests.filter((r) => r.start > today).length).toBeGreaterThan(50);
      const offThisMonth = c.people
        .filter((p) => p.status === 'Active')
        .slice(0, 50)
        .filter((p) => p.timeOffRequests.some((r) => r.start <= last && r.end >= first));
      expect(offThisMonth.length).toBeGreaterThanOrEqual(5);
    },
  );
});
