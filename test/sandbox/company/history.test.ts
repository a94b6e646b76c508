import { beforeAll, describe, expect, it } from 'vitest';
import { createCompany, type SyntheticCompany } from '../../../src/sandbox/company/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

function sorted(dates: readonly string[]): boolean {
  return dates.every((d, i) => i === 0 || (dates[i - 1] as string) <= d);
}

describe('Synthetic company: history', () => {
  let c: SyntheticCompany;
  beforeAll(() => {
    c = createCompany({ size: 10_000 });
  });

  it('8–12% of people are terminated, and status, terminationDate and the last status row agree', () => {
    const terminated = c.people.filter((p) => p.status === 'Inactive');
    expect(terminated.length / c.people.length).toBeGreaterThanOrEqual(0.08);
    expect(terminated.length / c.people.length).toBeLessThanOrEqual(0.12);
    for (const p of c.people) {
      const last = p.statusHistory.at(-1)!;
      if (p.status === 'Inactive') {
        expect(last.status).toBe('Terminated');
        expect(p.terminationDate).toBe(last.effectiveDate);
        expect(last.terminationType).not.toBeNull();
        expect(last.terminationReason).not.toBeNull();
        expect(last.rehireEligible).not.toBeNull();
        expect(c.currentStatus(p)).toBe(last);
      } else {
        expect(p.status).toBe('Active');
        expect(p.terminationDate).toBeNull();
        expect(last.status).not.toBe('Terminated');
      }
      for (const row of p.statusHistory.slice(0, -1)) {
        expect(row.status).not.toBe('Terminated');
        expect(row.terminationType).toBeNull();
      }
    }
  });

  it('histories have 1–4 job rows, 1–3 status rows, 1–4 pay rows, all starting at hire, in order, within employment', () => {
    for (const p of c.people) {
      expect(p.jobHistory.length).toBeGreaterThanOrEqual(1);
      expect(p.jobHistory.length).toBeLessThanOrEqual(4);
      expect(p.statusHistory.length).toBeGreaterThanOrEqual(1);
      expect(p.statusHistory.length).toBeLessThanOrEqual(3);
      expect(p.compensationHistory.length).toBeGreaterThanOrEqual(1);
      expect(p.compensationHistory.length).toBeLessThanOrEqual(4);
      for (const rows of [p.jobHistory, p.statusHistory, p.compensationHistory]) {
        const dates = rows.map((r) => r.effectiveDate);
        expect(rows[0]!.effectiveDate).toBe(p.hireDate);
        expect(sorted(dates)).toBe(true);
        expect(new Set(dates).size).toBe(dates.length);
        const end = p.terminationDate ?? c.today;
        expect(dates.every((d) => ISO_DATE.test(d) && d <= end)).toBe(true);
      }
      expect(c.currentJob(p)).toBe(p.jobHistory.at(-1));
      expect(c.currentCompensation(p)).toBe(p.compensationHistory.at(-1));
    }
  });

  it('row ids are unique per table', () => {
    for (const pick of [
      (p: (typeof c.people)[number]) => p.jobHistory,
      (p: (typeof c.people)[number]) => p.statusHistory,
      (p: (typeof c.people)[number]) => p.compensationHistory,
    ]) {
      const ids = c.people.flatMap((p) => pick(p).map((r) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('there are contractors, interns, part-timers and temps, and promotions and transfers', () => {
    const statuses = new Set(c.people.flatMap((p) => p.statusHistory.map((r) => r.status)));
    for (const s of ['Full-Time', 'Part-Time', 'Contractor', 'Intern', 'Temporary', 'Terminated']) {
      expect(statuses.has(s as never)).toBe(true);
    }
    const transfers = c.people.filter((p) => new Set(p.jobHistory.map((r) => r.departmentId)).size > 1);
    const promotions = c.people.filter((p) => new Set(p.jobHistory.map((r) => r.jobTitleId)).size > 1);
    expect(transfers.length).toBeGreaterThan(100);
    expect(promotions.length).toBeGreaterThan(1000);
  });

  it('hire dates run from about 16 years before today to shortly before it; people are adults at hire', () => {
    const hires = c.people.map((p) => p.hireDate).sort();
    expect(hires[0]! >= '2009-12-01').toBe(true);
    expect(hires[0]! <= '2011-01-01').toBe(true);
    expect(hires.at(-1)! < c.today).toBe(true);
    expect(hires.at(-1)! >= '2026-01-01').toBe(true);
    for (const p of c.people) {
      const age = Number(p.hireDate.slice(0, 4)) - Number(p.dateOfBirth.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(18);
      expect(p.originalHireDate <= p.hireDate).toBe(true);
    }
  });

  it('pay is in the currency of the row’s location, in more than one currency, as two-decimal strings', () => {
    const currencyOf = new Map(c.locations.map((l) => [l.id, l.currency]));
    const currencies = new Set<string>();
    for (const p of c.people) {
      for (const row of p.compensationHistory) {
        const job = [...p.jobHistory].reverse().find((j) => j.effectiveDate <= row.effectiveDate)!;
        expect(row.currency).toBe(currencyOf.get(job.locationId));
        expect(row.amount).toMatch(/^\d+\.\d{2}$/);
        currencies.add(row.currency);
        const amount = Number(row.amount);
        if (row.paidPer === 'Year') {
          expect(row.payType).toBe('Salary');
          expect(amount).toBeGreaterThan(15_000);
          expect(amount).toBeLessThan(1_000_000);
        } else {
          expect(row.paidPer).toBe('Hour');
          expect(['Hourly', 'Contract']).toContain(row.payType);
          expect(amount).toBeGreaterThan(5);
          expect(amount).toBeLessThan(500);
        }
      }
    }
    expect(currencies.size).toBeGreaterThan(1);
    const current = c.people.map((p) => c.currentCompensation(p));
    expect(current.filter((r) => r.paidPer === 'Hour').length).toBeGreaterThan(100);
    expect(current.filter((r) => r.paidPer === 'Year').length / current.length).toBeGreaterThan(0.8);
  });

  it('created ≤ lastChanged ≤ the end of today, as ISO timestamps', () => {
    for (const p of c.people) {
      expect(p.created).toMatch(ISO_STAMP);
      expect(p.lastChanged).toMatch(ISO_STAMP);
      expect(p.created <= p.lastChanged).toBe(true);
      expect(p.lastChanged <= `${c.today}T23:59:59+00:00`).toBe(true);
    }
  });
});
