import { describe, expect, it } from 'vitest';
import { evaluateFilter } from '../../../../../src/sandbox/bamboohr/routes/datasets/filter-eval.js';
import {
  filterFields,
  parseFilter,
} from '../../../../../src/sandbox/bamboohr/routes/datasets/odata-filter.js';

function matches(filter: string, record: Record<string, string | null>): boolean {
  const parsed = parseFilter(filter);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateFilter(parsed.node, (field) => record[field] ?? null);
}

describe('datasets v2 filter (OData operators eq ne lt le gt ge and or in)', () => {
  const ava = { status: 'Active', department: 'Sales', hireDate: '2020-03-01', age: '41' };

  it("BambooHR: the spec's example filter parses and matches", () => {
    const f = "status eq 'Active' and department in ('Engineering','Sales')";
    expect(matches(f, ava)).toBe(true);
    expect(matches(f, { ...ava, department: 'Legal' })).toBe(false);
  });

  it('BambooHR: and binds tighter than or; parentheses override', () => {
    expect(matches("status eq 'Inactive' and age gt 40 or department eq 'Sales'", ava)).toBe(true);
    expect(matches("status eq 'Inactive' and (age gt 40 or department eq 'Sales')", ava)).toBe(
      false,
    );
  });

  it('BambooHR: comparisons are numeric for numbers and ordered for ISO dates', () => {
    expect(matches('age gt 9', ava)).toBe(true);
    expect(matches('age le 41', ava)).toBe(true);
    expect(matches("hireDate lt '2021-01-01'", ava)).toBe(true);
    expect(matches('hireDate ge 2020-03-02', ava)).toBe(false);
  });

  it("BambooHR: values compare case-insensitively and '' escapes a quote", () => {
    expect(matches("status eq 'active'", ava)).toBe(true);
    expect(matches("name eq 'O''Brien'", { name: "O'Brien" })).toBe(true);
  });

  it('BambooHR: null matches an empty value; ne is the negation of eq', () => {
    expect(matches('middleName eq null', { middleName: null })).toBe(true);
    expect(matches('middleName ne null', { middleName: 'Jo' })).toBe(true);
    expect(matches("status ne 'Active'", ava)).toBe(false);
  });

  it('BambooHR: filterFields lists every field the filter reads', () => {
    const parsed = parseFilter("a eq 1 and (b in ('x') or not c lt 2)");
    expect(parsed.ok && filterFields(parsed.node)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    "status 'Active'",
    "status eq 'Active' and",
    "(status eq 'Active'",
    "status like 'A%'",
    "status eq 'unterminated",
    "department in ('Sales'",
    '',
  ])('BambooHR: an invalid filter is a syntax error (%s)', (filter) => {
    expect(parseFilter(filter).ok).toBe(false);
  });
});
