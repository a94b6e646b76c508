import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../src/sandbox/company/index.js';

describe('Synthetic company: determinism', () => {
  it('the same options give a deep-equal company, byte for byte', () => {
    const a = createCompany({ seed: 7, size: 300, customFieldCount: 40 });
    const b = createCompany({ seed: 7, size: 300, customFieldCount: 40 });
    expect(b.people).toEqual(a.people);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const values = (c: typeof a) =>
      c.people.slice(0, 50).flatMap((p) => c.customFields.map((f) => c.customValue(p, f)));
    expect(values(b)).toEqual(values(a));
    const balances = (c: typeof a) =>
      c.people.slice(0, 50).flatMap((p) => c.timeOffTypes.map((t) => c.timeOffBalance(p, t)));
    expect(balances(b)).toEqual(balances(a));
  });

  it('a different seed gives different people', () => {
    const a = createCompany({ seed: 1, size: 50 });
    const b = createCompany({ seed: 2, size: 50 });
    const names = (c: typeof a) => c.people.map((p) => `${p.firstName} ${p.lastName}`);
    expect(names(b)).not.toEqual(names(a));
  });

  it('seeds beyond 2^32 stay distinct', () => {
    const a = createCompany({ seed: 5, size: 10 });
    const b = createCompany({ seed: 5 + 2 ** 32, size: 10 });
    expect(b.people.map((p) => p.workEmail)).not.toEqual(a.people.map((p) => p.workEmail));
  });

  it('output does not depend on the wall clock: everything is laid around `today`', () => {
    const c = createCompany({ size: 100, today: '2020-03-02' });
    for (const p of c.people) {
      expect(p.hireDate <= '2020-03-02').toBe(true);
      expect(p.lastChanged.slice(0, 10) <= '2020-03-02').toBe(true);
    }
    expect(c.today).toBe('2020-03-02');
  });
});
