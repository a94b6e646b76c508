/**
 * Issue 14, "every provider read declares the shape it accepts … checked once in the shared
 * client path": the loaders' checks of records and pages, over a catalog whose ids are digits.
 */
import { describe, expect, it } from 'vitest';
import type { EmployeeCatalog, NativePage, RawReply } from '../../src/core/contract/index.js';
import { accountId, remoteId } from '../../src/core/ids.js';
import { checkPage, checkRecords } from '../../src/loaders/reply-checks.js';

const catalog = { isRemoteId: (id: string) => /^\d+$/.test(id) } as EmployeeCatalog;
const source = { accountId: accountId('acme'), operation: 'test.read' };
const reply = (id: unknown): RawReply => ({ id, values: new Map([['firstName', 'Ada']]) });
const bad = {
  extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme', operation: 'test.read' },
};

describe('a read by ids', () => {
  it('takes ids as strings or integers, and hands the values on as they came', () => {
    const values = new Map([['firstName', 'Ada']]);
    const checked = checkRecords(
      catalog,
      source,
      [{ id: 7, values }, reply('8')],
      new Set(['7', '8']),
    );
    expect(checked.map((r) => r.id)).toEqual(['7', '8']);
    expect(checked[0]!.values).toBe(values);
  });

  it.each([
    ['no id', undefined],
    ['a null id', null],
    ['an id of another type', { id: 7 }],
    ['a fractional id', 7.5],
    ['an id the provider could not have issued', 'x-7'],
  ])('a record with %s is UPSTREAM_BAD_RESPONSE naming no value', (_what, id) => {
    expect(() => checkRecords(catalog, source, [reply(id)], null)).toThrow(
      expect.objectContaining(bad),
    );
    expect(() => checkRecords(catalog, source, [reply(id)], null)).toThrow(
      /a record without a valid id/,
    );
  });

  it('a record not asked for is UPSTREAM_BAD_RESPONSE; a read of everyone may answer anyone', () => {
    expect(() => checkRecords(catalog, source, [reply('9')], new Set(['7']))).toThrow(
      expect.objectContaining(bad),
    );
    expect(checkRecords(catalog, source, [reply('9')], null)).toHaveLength(1);
  });

  it('the same record twice is UPSTREAM_BAD_RESPONSE', () => {
    expect(() => checkRecords(catalog, source, [reply('7'), reply(7)], null)).toThrow(
      /the same record twice/,
    );
  });
});

describe('a list page', () => {
  const page = (
    ids: unknown[],
    more: Partial<NativePage<RawReply>> = {},
  ): NativePage<RawReply> => ({
    records: ids.map(reply),
    next: null,
    prev: null,
    totalCount: null,
    ...more,
  });
  const walk = { limit: 3, native: 'c1', direction: 'forward', boundary: null, before: 0 } as const;

  it('passes a page that keeps every promise', () => {
    expect(
      checkPage(catalog, source, page(['1', '2'], { next: 'c2', totalCount: 9 }), walk),
    ).toHaveLength(2);
  });

  it.each([
    ['more records than asked', page(['1', '2', '3', '4']), walk],
    ['a cursor that does not advance', page(['1'], { next: 'c1' }), walk],
    [
      'a cursor that does not advance, walking back',
      page(['1'], { prev: 'c1' }),
      { ...walk, direction: 'backward' as const },
    ],
    ['a negative total', page(['1'], { totalCount: -1 }), walk],
    [
      'a total below what the walk returned',
      page(['1'], { totalCount: 5 }),
      { ...walk, before: 5 },
    ],
    [
      'the record just before the page, again',
      page(['4', '5']),
      { ...walk, boundary: remoteId('4') },
    ],
    ['one person twice', page(['4', '4']), walk],
    [
      'someone an earlier page of the walk returned',
      page(['7', '2']),
      { ...walk, repeated: (ids: readonly string[]) => (ids.includes('2') ? remoteId('2') : null) },
    ],
  ])('%s is UPSTREAM_BAD_RESPONSE', (_what, answer, context) => {
    expect(() => checkPage(catalog, source, answer, context)).toThrow(expect.objectContaining(bad));
  });
});
