/**
 * The one per-request record store: a reply's Map is adopted, not copied; later replies merge
 * into it; a value computed from it is memoised until one of its keys changes; an id a read
 * proved absent stays missing unless a later reply shows it.
 */
import { describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { createRecordStore } from '../../src/loaders/record-store.js';
import { unwrapCursor, wrapCursor } from '../../src/loaders/walk-cursor.js';

const acme = accountId('acme');
const seven = remoteId(7);

describe('the record store', () => {
  it('adopts the first reply’s Map and merges later ones into it', () => {
    const store = createRecordStore();
    const first = new Map<string, unknown>([['firstName', 'Ada']]);
    const entry = store.put(acme, seven, first);
    expect(entry.values).toBe(first);
    store.put(acme, seven, new Map([['lastName', 'Lovelace']]));
    expect(store.get(acme, seven)?.values).toEqual(
      new Map([
        ['firstName', 'Ada'],
        ['lastName', 'Lovelace'],
      ]),
    );
  });

  it('forgets a memoised value only when a key changes, not when one is added', () => {
    const store = createRecordStore();
    const entry = store.put(acme, seven, new Map([['firstName', 'Ada']]));
    entry.unified.set('firstName', 'Ada');
    store.put(acme, seven, new Map([['lastName', 'Lovelace']]));
    expect(entry.unified.get('firstName')).toBe('Ada');
    store.put(acme, seven, new Map([['firstName', 'Augusta']]));
    expect(entry.unified.has('firstName')).toBe(false);
  });

  it('keeps "no value" apart from "not read", and "no rows" apart from "exists"', () => {
    const store = createRecordStore();
    store.putNull(acme, seven, ['table@jobInfo']);
    const entry = store.get(acme, seven)!;
    expect(entry.values.get('table@jobInfo')).toBeNull();
    expect(entry.values.has('firstName')).toBe(false);
    expect(entry.exists).toBe(false);
  });

  it('an id proved missing stays missing until a reply shows it; one that exists never is', () => {
    const store = createRecordStore();
    store.markMissing(acme, seven);
    expect(store.isMissing(acme, seven)).toBe(true);
    store.put(acme, seven, new Map());
    expect(store.isMissing(acme, seven)).toBe(false);
    store.markMissing(acme, seven);
    expect(store.isMissing(acme, seven)).toBe(false);
  });
});

describe('the walk cursor', () => {
  it('carries the provider’s cursor and what the next page is checked against', () => {
    const cursor = { native: '{"o":50}', boundary: remoteId(50), before: 50, walk: 'w1' };
    expect(unwrapCursor(wrapCursor(cursor))).toEqual(cursor);
  });

  it('one issued before walks were remembered still reads, with no walk', () => {
    expect(unwrapCursor('["{\\"o\\":50}","50",50]')).toEqual({
      native: '{"o":50}',
      boundary: '50',
      before: 50,
      walk: null,
    });
  });

  it.each(['', '[]', '["a", 1, 2]', '["a", null, -1]', '["a", null, 1, 7]', 'null'])(
    '%j is not one: BAD_USER_INPUT',
    (value) => {
      expect(() => unwrapCursor(value)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
      );
    },
  );
});
