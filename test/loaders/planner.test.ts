import { describe, expect, it } from 'vitest';
import {
  minimumCalls,
  planFieldLoad,
  planGroupedLoad,
  type ReadOperation,
  UnplannableFieldError,
} from '../../src/loaders/planner.js';

const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

const getOne: ReadOperation = {
  name: 'getOne',
  supplies: () => true,
  limits: { fieldsPerCall: 400, idsPerCall: { kind: 'one' } },
  bytesPerRecord: 10,
};
const report: ReadOperation = {
  name: 'report',
  supplies: () => true,
  limits: { fieldsPerCall: 400, idsPerCall: { kind: 'many', max: 1000 } },
  bytesPerRecord: 11,
};
const wholeTable: ReadOperation = {
  name: 'wholeTable',
  supplies: () => true,
  limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
  bytesPerRecord: 10,
};
const oneTable: ReadOperation = {
  ...wholeTable,
  name: 'oneTable',
  limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
};
const ctx = { companySize: 5000 };

describe('field planner', () => {
  it.each([
    [1, 5, 1],
    [1, 399, 1],
    [1, 400, 1],
    [1, 401, 2],
    [1, 650, 2],
    [50, 5, 1],
    [50, 400, 1],
    [50, 401, 2],
    [1000, 650, 2],
    [1001, 650, 4],
  ])('%i employees × %i fields cost ⌈F/400⌉ × ⌈N/1000⌉ calls', (n, f, expected) => {
    expect(minimumCalls([getOne, report], ids(n), fields(f), ctx)).toBe(expected);
  });

  it('splits fields into balanced calls of at most 400, losing none at the seams', () => {
    const plan = planFieldLoad([getOne, report], ids(50), fields(650), ctx);
    expect(plan.map((c) => c.fields.length)).toEqual([325, 325]);
    expect(new Set(plan.flatMap((c) => c.fields))).toEqual(new Set(fields(650)));
    expect(plan.every((c) => c.operation === 'report' && c.ids.length === 50)).toBe(true);
  });

  it('prefers the per-record call for one id when calls tie (fewer bytes)', () => {
    const [call] = planFieldLoad([getOne, report], ['7'], fields(3), ctx);
    expect(call).toEqual({ operation: 'getOne', ids: ['7'], fields: fields(3) });
  });

  it('reads a whole table once for many employees, and one employee’s rows for one', () => {
    expect(planFieldLoad([oneTable, wholeTable], ids(2), ['jobInfo'], ctx)).toEqual([
      { operation: 'wholeTable', ids: ids(2), fields: ['jobInfo'] },
    ]);
    expect(planFieldLoad([oneTable, wholeTable], ['9'], ['jobInfo'], ctx)).toEqual([
      { operation: 'oneTable', ids: ['9'], fields: ['jobInfo'] },
    ]);
  });

  it('groups fields by the operation that can supply them when none supplies all', () => {
    const onlyA: ReadOperation = { ...report, name: 'onlyA', supplies: (f) => f === 'a' };
    const onlyB: ReadOperation = { ...report, name: 'onlyB', supplies: (f) => f === 'b' };
    const plan = planFieldLoad([onlyA, onlyB], ids(3), ['a', 'b'], ctx);
    expect(plan.map((c) => [c.operation, c.fields])).toEqual([
      ['onlyA', ['a']],
      ['onlyB', ['b']],
    ]);
  });

  it('refuses a field no operation supplies, naming it', () => {
    const onlyA: ReadOperation = { ...report, name: 'onlyA', supplies: (f) => f === 'a' };
    expect(() => planFieldLoad([onlyA], ids(1), ['a', 'zzz'], ctx)).toThrow(UnplannableFieldError);
    expect(() => planFieldLoad([onlyA], ids(1), ['a', 'zzz'], ctx)).toThrow(/zzz/);
  });

  it('plans nothing for no ids, and one existence call for ids with no fields', () => {
    expect(planFieldLoad([getOne, report], [], fields(3), ctx)).toEqual([]);
    expect(planFieldLoad([getOne, report], ids(5), [], ctx)).toHaveLength(1);
  });

  it('plans a page and its outside managers apart when merging would cost more calls', () => {
    // 1,000 page ids missing 252 fields, 50 managers missing all 650: merged = 2 × 2 = 4 calls,
    // apart = 1 + 2 = 3.
    const plan = planGroupedLoad(
      [getOne, report],
      [
        { ids: ids(1000), fields: fields(650).slice(398) },
        { ids: ids(1050).slice(1000), fields: fields(650) },
      ],
      ctx,
    );
    expect(plan).toHaveLength(3);
  });

  it('merges groups when one report answers both', () => {
    const plan = planGroupedLoad(
      [getOne, report],
      [
        { ids: ids(10), fields: ['a'] },
        { ids: ids(20).slice(10), fields: ['a', 'b'] },
      ],
      ctx,
    );
    expect(plan).toEqual([{ operation: 'report', ids: ids(20), fields: ['a', 'b'] }]);
  });
});

describe('field planner: existence', () => {
  const provesNothing: ReadOperation = { ...wholeTable, provesExistence: false };

  it('proves existence only through a read that does: no fields never plans a table', () => {
    expect(planFieldLoad([provesNothing, getOne], ['9'], [], ctx)).toEqual([
      { operation: 'getOne', ids: ['9'], fields: [] },
    ]);
  });

  it('adds one existence read beside a history read, and none beside a field read', () => {
    const table: ReadOperation = { ...provesNothing, supplies: (f) => f === 'jobInfo' };
    const fieldsOnly: ReadOperation = { ...getOne, supplies: (f) => f !== 'jobInfo' };
    expect(planFieldLoad([table, fieldsOnly], ['9'], ['jobInfo'], ctx, true)).toEqual([
      { operation: 'wholeTable', ids: ['9'], fields: ['jobInfo'] },
      { operation: 'getOne', ids: ['9'], fields: [] },
    ]);
    expect(planFieldLoad([table, fieldsOnly], ['9'], ['f0'], ctx, true)).toHaveLength(1);
  });

  it('merges an existence group into a report of the same ids when that saves a call', () => {
    const plan = planGroupedLoad(
      [getOne, report],
      [
        { ids: ids(10), fields: ['a'] },
        { ids: ['11'], fields: [], exists: true },
      ],
      ctx,
    );
    expect(plan).toEqual([{ operation: 'report', ids: ids(11), fields: ['a'] }]);
  });
});
