import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../src/sandbox/company/index.js';

describe('Synthetic company: options', () => {
  it('defaults: seed 42, 200 people, 150 custom fields, today 2026-06-15, domain acme', () => {
    const c = createCompany();
    expect(c.seed).toBe(42);
    expect(c.people).toHaveLength(200);
    expect(c.customFields).toHaveLength(150);
    expect(c.today).toBe('2026-06-15');
    expect(c.domain).toBe('acme');
    expect(c.displayName).toBe('Acme');
    expect(c.people.every((p) => p.workEmail.endsWith('@acme.example'))).toBe(true);
  });

  it.each([
    [{ size: 9 }, /size/],
    [{ size: 100_001 }, /size/],
    [{ size: 10.5 }, /size/],
    [{ customFieldCount: -1 }, /customFieldCount/],
    [{ customFieldCount: 1001 }, /customFieldCount/],
    [{ today: '2026-02-30' }, /today/],
    [{ today: 'yesterday' }, /today/],
    [{ today: '2026-6-15' }, /today/],
    [{ domain: 'Acme' }, /domain/],
    [{ domain: 'a_b' }, /domain/],
    [{ domain: '' }, /domain/],
    [{ seed: Number.NaN }, /seed/],
    [{ seed: 1.5 }, /seed/],
  ])('rejects %o with a RangeError naming the option', (options, message) => {
    expect(() => createCompany(options)).toThrow(RangeError);
    expect(() => createCompany(options)).toThrow(message);
  });

  it('accepts the bounds: 10 people, 0 and 1,000 custom fields', () => {
    expect(createCompany({ size: 10, customFieldCount: 0 }).customFields).toHaveLength(0);
    expect(createCompany({ size: 10, customFieldCount: 1000 }).customFields).toHaveLength(1000);
  });

  it('timeOffBalance rejects an asOf that is not a calendar date', () => {
    const c = createCompany({ size: 10 });
    const [p, t] = [c.people[0]!, c.timeOffTypes[0]!];
    expect(() => c.timeOffBalance(p, t, '2026-13-01')).toThrow(RangeError);
  });
});
