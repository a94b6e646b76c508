import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { violations } from './violations.js';

const WEEKEND = new Set([0, 6]);

describe('Synthetic company: small companies and far-off todays keep every invariant', () => {
  it.each(['1970-01-01', '2000-02-29', '2026-06-15', '2999-12-31'])('today %s', (today) => {
    const v = violations();
    for (let seed = 0; seed < 25; seed++) {
      const c = createCompany({ seed, size: 10 + seed, today, customFieldCount: 5 });
      expect(c.people).toHaveLength(10 + seed);
      for (const p of c.people) {
        const where = `seed ${seed} person ${p.id}`;
        const manager = c.currentJob(p).managerId;
        v.check(p.id === 1 ? manager === null : manager !== null && manager < p.id, () => where);
        if (p.status === 'Active' && manager !== null) {
          v.check(c.person(manager)?.status === 'Active', () => `${where}: inactive manager`);
        }
        v.check(p.hireDate < today && p.lastChanged.slice(0, 10) <= today, () => `${where}: dates`);
        for (const r of p.timeOffRequests) {
          for (const d of Object.keys(r.dates)) {
            v.check(!WEEKEND.has(new Date(`${d}T00:00:00Z`).getUTCDay()), () => `${where}: ${d}`);
          }
        }
        for (const t of c.timeOffTypes) {
          v.check(/^-?\d+\.\d{2}$/.test(c.timeOffBalance(p, t).balance), () => `${where}: balance`);
        }
      }
    }
    expect(v.list).toEqual([]);
  });

  it('a today in 1970 (day numbers before it are negative) still has terminations and interns who convert', () => {
    const c = createCompany({ size: 600, today: '1970-01-01' });
    const terminated = c.people.filter((p) => p.status === 'Inactive');
    expect(terminated.length).toBeGreaterThan(20);
    for (const p of terminated) {
      expect(p.terminationDate).toBe(p.statusHistory.at(-1)?.effectiveDate);
      expect(p.terminationDate! < '1970-01-01').toBe(true);
    }
    for (const p of c.people) {
      expect(p.statusHistory.every((r) => r.effectiveDate >= p.hireDate)).toBe(true);
    }
  });
});
