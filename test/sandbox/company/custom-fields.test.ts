import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { violations } from './violations.js';

const FORMATS = {
  text: /^\S.*$/,
  int: /^\d+$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  list: /^.+$/,
  checkbox: /^(yes|no)$/,
  currency: /^\d+\.\d{2}$/,
} as const;

describe('Synthetic company: custom fields', () => {
  it('customFieldCount definitions, ids from 5000, distinct readable names, unique custom* aliases', () => {
    const c = createCompany({ size: 10, customFieldCount: 1000 });
    expect(c.customFields).toHaveLength(1000);
    c.customFields.forEach((f, i) => {
      expect(f.id).toBe(5000 + i);
      expect(f.alias).toMatch(/^custom[A-Z][A-Za-z0-9]*$/);
      expect(f.name).toMatch(/^[A-Z][A-Za-z0-9 -]+$/);
      expect(f.options.length > 0).toBe(f.type === 'list');
    });
    expect(new Set(c.customFields.map((f) => f.alias)).size).toBe(1000);
    expect(new Set(c.customFields.map((f) => f.name)).size).toBe(1000);
    expect(c.customFields[0]).toMatchObject({ name: 'Shirt Size', alias: 'customShirtSize' });
  });

  it('definitions mix every type', () => {
    const c = createCompany({ size: 10 });
    expect(new Set(c.customFields.map((f) => f.type))).toEqual(new Set(Object.keys(FORMATS)));
  });

  it('values are deterministic, formatted by type, about 15% null', () => {
    const a = createCompany({ size: 400, customFieldCount: 150 });
    const b = createCompany({ size: 400, customFieldCount: 150 });
    let nulls = 0;
    let total = 0;
    const v = violations();
    for (const p of a.people) {
      for (const f of a.customFields) {
        const value = a.customValue(p, f);
        const what = () => `person ${p.id} ${f.alias} (${f.type}) = ${value}`;
        v.check(b.customValue(b.person(p.id)!, f) === value, what);
        total++;
        if (value === null) {
          nulls++;
          continue;
        }
        v.check(FORMATS[f.type].test(value), what);
        v.check(f.type !== 'list' || f.options.includes(value), what);
      }
    }
    expect(v.list).toEqual([]);
    expect(nulls / total).toBeGreaterThan(0.12);
    expect(nulls / total).toBeLessThan(0.18);
  });

  it('values depend on the seed', () => {
    const a = createCompany({ seed: 1, size: 10 });
    const b = createCompany({ seed: 2, size: 10 });
    const values = (c: typeof a) =>
      c.people.flatMap((p) => c.customFields.map((f) => c.customValue(p, f)));
    expect(values(b)).not.toEqual(values(a));
  });
});
