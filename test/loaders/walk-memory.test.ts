/**
 * Issue 14, "a repeated record within a walk … UPSTREAM_BAD_RESPONSE, never duplicates": the
 * memory of the walks in progress, by the position of each page in its walk.
 */
import { describe, expect, it } from 'vitest';
import { type RemoteId, remoteId } from '../../src/core/ids.js';
import { createWalkMemory } from '../../src/loaders/walk-memory.js';

const ids = (...values: number[]): RemoteId[] => values.map(remoteId);

describe('the walk memory', () => {
  it('finds a record an earlier page returned, however far back', () => {
    const walks = createWalkMemory();
    const walk = walks.begin();
    walks.record(walk, 0, ids(1, 2, 3));
    walks.record(walk, 3, ids(4, 5, 6));
    expect(walks.repeated(walk, 6, ids(7, 2, 8))).toBe('2');
    expect(walks.repeated(walk, 6, ids(7, 8, 9))).toBeNull();
  });

  it('a page read again at its own position meets only what came before it', () => {
    const walks = createWalkMemory();
    const walk = walks.begin();
    walks.record(walk, 0, ids(1, 2, 3));
    walks.record(walk, 3, ids(4, 5, 6));
    expect(walks.repeated(walk, 3, ids(4, 5, 6))).toBeNull();
    expect(walks.repeated(walk, 0, ids(1, 2, 3))).toBeNull();
    // A list that moved: someone first seen on the second page now opens the walk.
    walks.record(walk, 0, ids(4, 1, 2));
    expect(walks.repeated(walk, 3, ids(4, 5, 6))).toBe('4');
  });

  it('walks are apart, and an unknown walk repeats nothing', () => {
    const walks = createWalkMemory();
    const [a, b] = [walks.begin(), walks.begin()];
    expect(a).not.toBe(b);
    walks.record(a, 0, ids(1, 2));
    expect(walks.repeated(b, 2, ids(1, 2))).toBeNull();
    expect(walks.repeated('never-begun', 2, ids(1))).toBeNull();
  });

  it('is bounded: the least recently walked is forgotten first', () => {
    const walks = createWalkMemory({ maxRecords: 5 });
    const [old, recent] = [walks.begin(), walks.begin()];
    walks.record(old, 0, ids(1, 2, 3));
    walks.record(recent, 0, ids(4, 5));
    walks.record(recent, 2, ids(6));
    expect(walks.repeated(old, 3, ids(1))).toBeNull();
    expect(walks.repeated(recent, 3, ids(4))).toBe('4');
  });
});
