import { beforeAll, describe, expect, it } from 'vitest';
import { createCompany, type SyntheticCompany } from '../../../src/sandbox/company/index.js';
import { violations } from './violations.js';

describe('Synthetic company: organisation', () => {
  const seeds = [1, 2, 3, 42, 99, 1234];
  it.each(seeds)(
    'seed %i: 4–8 divisions, 12–20 departments each in a division, 6–10 locations',
    (seed) => {
      const c = createCompany({ seed, size: 10 });
      expect(c.divisions.length).toBeGreaterThanOrEqual(4);
      expect(c.divisions.length).toBeLessThanOrEqual(8);
      expect(c.departments.length).toBeGreaterThanOrEqual(12);
      expect(c.departments.length).toBeLessThanOrEqual(20);
      const divisionIds = new Set(c.divisions.map((d) => d.id));
      for (const d of c.departments) expect(divisionIds.has(d.divisionId)).toBe(true);
      for (const division of c.divisions) {
        expect(c.departments.some((d) => d.divisionId === division.id)).toBe(true);
      }
      expect(c.locations.length).toBeGreaterThanOrEqual(6);
      expect(c.locations.length).toBeLessThanOrEqual(10);
      expect(c.locations.filter((l) => l.remote)).toHaveLength(1);
      expect(new Set(c.locations.map((l) => l.country)).size).toBeGreaterThanOrEqual(3);
      for (const l of c.locations) {
        expect(['USD', 'GBP', 'EUR', 'CAD']).toContain(l.currency);
        expect(l.timezone).toMatch(/^(America|Europe)\/[A-Za-z_]+$/);
        expect(l.country).toMatch(/^[A-Z]{2}$/);
      }
      const departmentIds = new Set(c.departments.map((d) => d.id));
      for (const t of c.jobTitles) expect(departmentIds.has(t.departmentId)).toBe(true);
      for (const d of c.departments)
        expect(c.jobTitles.some((t) => t.departmentId === d.id)).toBe(true);
      expect(new Set(c.jobTitles.map((t) => t.id)).size).toBe(c.jobTitles.length);
    },
  );

  describe('10,000 people', () => {
    let c: SyntheticCompany;
    beforeAll(() => {
      c = createCompany({ size: 10_000 });
    });

    it('ids are dense from 1 and person(id) finds each; unknown ids are undefined', () => {
      expect(c.people).toHaveLength(10_000);
      expect(c.people.every((p, i) => p.id === i + 1)).toBe(true);
      expect(c.person(1)).toBe(c.people[0]);
      expect(c.person(10_000)).toBe(c.people[9_999]);
      expect(c.person(0)).toBeUndefined();
      expect(c.person(10_001)).toBeUndefined();
      expect(c.person(1.5)).toBeUndefined();
    });

    it('every job row points at a real title, department, division and location, consistently', () => {
      const titles = new Map(c.jobTitles.map((t) => [t.id, t]));
      const departments = new Map(c.departments.map((d) => [d.id, d]));
      const locations = new Set(c.locations.map((l) => l.id));
      const v = violations();
      for (const p of c.people) {
        for (const row of p.jobHistory) {
          v.check(
            titles.get(row.jobTitleId)?.departmentId === row.departmentId &&
              departments.get(row.departmentId)?.divisionId === row.divisionId &&
              locations.has(row.locationId),
            () => `person ${p.id} row ${JSON.stringify(row)}`,
          );
        }
      }
      expect(v.list).toEqual([]);
    });

    it('the manager tree is rooted at person 1 and acyclic: every manager has a lower id', () => {
      expect(c.people[0]!.jobHistory.every((row) => row.managerId === null)).toBe(true);
      const v = violations();
      for (const p of c.people.slice(1)) {
        for (const row of p.jobHistory) {
          const m = row.managerId;
          v.check(m !== null && m >= 1 && m < p.id, () => `person ${p.id} managed by ${m}`);
        }
      }
      expect(v.list).toEqual([]);
      // Walking up from anyone reaches the CEO.
      const p = c.people[9_999]!;
      let id: number | null = p.id;
      let steps = 0;
      while (id !== null && id !== 1 && steps < 100) {
        id = c.currentJob(c.person(id)!).managerId;
        steps++;
      }
      expect(id).toBe(1);
    });

    it('active people have active managers', () => {
      const v = violations();
      for (const p of c.people) {
        if (p.status !== 'Active' || p.id === 1) continue;
        const manager = c.person(c.currentJob(p).managerId!)!;
        v.check(
          manager.status === 'Active',
          () => `person ${p.id} reports to inactive ${manager.id}`,
        );
      }
      expect(v.list).toEqual([]);
    });

    it('spans of control are realistic: most managers have 3–10 active reports', () => {
      const reports = new Map<number, number>();
      for (const p of c.people) {
        const m = c.currentJob(p).managerId;
        if (m !== null && p.status === 'Active') reports.set(m, (reports.get(m) ?? 0) + 1);
      }
      const spans = [...reports.values()].sort((a, b) => a - b);
      const median = spans[spans.length >> 1]!;
      expect(median).toBeGreaterThanOrEqual(3);
      expect(median).toBeLessThanOrEqual(10);
      expect(spans.at(-1)!).toBeLessThanOrEqual(15);
      expect(spans.filter((n) => n >= 3 && n <= 10).length / spans.length).toBeGreaterThan(0.9);
    });

    it('work emails are unique lowercase ASCII first.last@<domain>.example', () => {
      const emails = c.people.map((p) => p.workEmail);
      expect(new Set(emails).size).toBe(emails.length);
      expect(emails.filter((e) => !/^[a-z]+\.[a-z]+\d*@acme\.example$/.test(e))).toEqual([]);
      expect(emails.some((e) => /\d@/.test(e))).toBe(true);
    });
  });
});
