import { beforeAll, describe, expect, it } from 'vitest';
import { createCompany, type SyntheticCompany } from '../../../src/sandbox/company/index.js';
import { violations } from './violations.js';

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
    const v = violations();
    for (const p of c.people) {
      const last = p.statusHistory.at(-1)!;
      const what = () =>
        `person ${p.id}: ${p.status} ${p.terminationDate} ${JSON.stringify(p.statusHistory)}`;
      if (p.status === 'Inactive') {
        v.check(
          last.status === 'Terminated' &&
            p.terminationDate === last.effectiveDate &&
            last.terminationType !== null &&
            last.terminationReason !== null &&
            last.rehireEligible !== null &&
            c.currentStatus(p) === last,
          what,
        );
      } else {
        v.check(
          p.status === 'Active' && p.terminationDate === null && last.status !== 'Terminated',
          what,
        );
      }
      for (const row of p.statusHistory.slice(0, -1)) {
        v.check(row.status !== 'Terminated' && row.terminationType === null, what);
      }
    }
    expect(v.list).toEqual([]);
  });

  it('histories have 1–4 job rows, 1–3 status rows, 1–4 pay rows, all starting at hire, in order, within employment', () => {
    const v = violations();
    for (const p of c.people) {
      const what = () => `person ${p.id}: ${JSON.stringify(p)}`;
      v.check(p.jobHistory.length >= 1 && p.jobHistory.length <= 4, what);
      v.check(p.statusHistory.length >= 1 && p.statusHistory.length <= 3, what);
      v.check(p.compensationHistory.length >= 1 && p.compensationHistory.length <= 4, what);
      const end = p.terminationDate ?? c.today;
      for (const rows of [p.jobHistory, p.statusHistory, p.compensationHistory]) {
        const dates = rows.map((r) => r.effectiveDate);
        v.check(
          dates[0] === p.hireDate && sorted(dates) && new Set(dates).size === dates.length,
          what,
        );
        v.check(
          dates.every((d) => ISO_DATE.test(d) && d <= end),
          what,
        );
      }
      v.check(c.currentJob(p) === p.jobHistory.at(-1), what);
      v.check(c.currentCompensation(p) === p.compensationHistory.at(-1), what);
    }
    expect(v.list).toEqual([]);
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
    const transfers = c.people.filter(
      (p) => new Set(p.jobHistory.map((r) => r.departmentId)).size > 1,
    );
    const promotions = c.people.filter(
      (p) => new Set(p.jobHistory.map((r) => r.jobTitleId)).size > 1,
    );
    expect(transfers.length).toBeGreaterThan(100);
    expect(promotions.length).toBeGreaterThan(1000);
  });

  it('hire dates run from about 16 years before today to shortly before it; people are adults at hire', () => {
    const hires = c.people.map((p) => p.hireDate).sort();
    expect(hires[0]! >= '2009-12-01').toBe(true);
    expect(hires[0]! <= '2011-01-01').toBe(true);
    expect(hires.at(-1)! < c.today).toBe(true);
    expect(hires.at(-1)! >= '2026-01-01').toBe(true);
    const v = violations();
    for (const p of c.people) {
      const age = Number(p.hireDate.slice(0, 4)) - Number(p.dateOfBirth.slice(0, 4));
      v.check(
        age >= 18 && age <= 70,
        () => `person ${p.id} born ${p.dateOfBirth} hired ${p.hireDate}`,
      );
      v.check(p.originalHireDate <= p.hireDate, () => `person ${p.id} ${p.originalHireDate}`);
    }
    expect(v.list).toEqual([]);
  });

  it('pay is in the currency of the row’s location, in more than one currency, as two-decimal strings', () => {
    const currencyOf = new Map(c.locations.map((l) => [l.id, l.currency]));
    const currencies = new Set<string>();
    const v = violations();
    for (const p of c.people) {
      for (const row of p.compensationHistory) {
        const job = [...p.jobHistory].reverse().find((j) => j.effectiveDate <= row.effectiveDate)!;
        const what = () => `person ${p.id} row ${JSON.stringify(row)}`;
        v.check(row.currency === currencyOf.get(job.locationId), what);
        v.check(/^\d+\.\d{2}$/.test(row.amount), what);
        currencies.add(row.currency);
        const amount = Number(row.amount);
        if (row.paidPer === 'Year') {
          v.check(row.payType === 'Salary' && amount > 15_000 && amount < 1_000_000, what);
        } else {
          const hourly = row.payType === 'Hourly' || row.payType === 'Contract';
          v.check(row.paidPer === 'Hour' && hourly && amount > 5 && amount < 500, what);
        }
      }
    }
    expect(v.list).toEqual([]);
    expect(currencies.size).toBeGreaterThan(1);
    const current = c.people.map((p) => c.currentCompensation(p));
    expect(current.filter((r) => r.paidPer === 'Hour').length).toBeGreaterThan(100);
    expect(current.filter((r) => r.paidPer === 'Year').length / current.length).toBeGreaterThan(
      0.8,
    );
  });

  it('created ≤ lastChanged ≤ the end of today, as ISO timestamps', () => {
    const v = violations();
    for (const p of c.people) {
      v.check(
        ISO_STAMP.test(p.created) &&
          ISO_STAMP.test(p.lastChanged) &&
          p.created <= p.lastChanged &&
          p.lastChanged <= `${c.today}T23:59:59+00:00`,
        () => `person ${p.id}: ${p.created} ${p.lastChanged}`,
      );
    }
    expect(v.list).toEqual([]);
  });
});
