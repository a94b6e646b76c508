/**
 * Gusto pages by number: the native cursor `{page}:{per}` names a boundary, and a window that is
 * not on a boundary is read in one call when some page size ≤ 100 holds it.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeBoundary,
  encodeBoundary,
  planBackward,
  planForward,
  planRange,
} from '../../../src/providers/gusto/paging.js';

describe('Gusto paging: page/per boundaries', () => {
  it('encodes a boundary as a page number at the page size, and back', () => {
    expect(encodeBoundary(300, 100)).toBe('4:100');
    expect(decodeBoundary('4:100', 100)).toBe(300);
    expect(encodeBoundary(0, 25)).toBe('1:25');
    expect(decodeBoundary(encodeBoundary(237, 100), 100)).toBe(237);
  });

  it('refuses a cursor it did not issue (BAD_USER_INPUT)', () => {
    for (const bad of ['0:100', '3:0', '3:101', 'x', '1:1:1', '-1:5']) {
      expect(() => decodeBoundary(bad, 100)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      );
    }
  });

  it('an aligned window is its own page', () => {
    expect(planForward(300, 100, 100)).toMatchObject({
      call: { page: 4, per: 100 },
      start: 300,
      end: 400,
    });
    expect(planBackward(2100, 100, 100)).toMatchObject({
      call: { page: 21, per: 100 },
      start: 2000,
    });
  });

  it('an unaligned window takes one call when a page size up to the maximum holds it', () => {
    const range = planRange(250, 300, 100)!;
    expect(range.callStart).toBeLessThanOrEqual(250);
    expect(range.callStart + range.call.per).toBeGreaterThanOrEqual(300);
    expect(range.callStart).toBe((range.call.page - 1) * range.call.per);
    expect(range.call.per).toBeLessThanOrEqual(100);
  });

  it('a window no page size holds falls back to the rest of its page', () => {
    expect(planRange(250, 350, 100)).toBeNull();
    expect(planForward(250, 100, 100)).toMatchObject({
      call: { page: 3, per: 100 },
      start: 250,
      end: 300,
    });
    expect(planBackward(2037, 100, 100)).toMatchObject({
      call: { page: 21, per: 100 },
      start: 2000,
      end: 2037,
    });
  });

  it('every plan reads exactly the offsets it names', () => {
    for (let start = 0; start < 400; start += 7) {
      for (const limit of [1, 13, 50, 99, 100]) {
        const r = planForward(start, limit, 100);
        expect(r.start).toBe(start);
        expect(r.end).toBeGreaterThan(start);
        expect(r.end - r.start).toBeLessThanOrEqual(limit);
        expect(r.callStart).toBe((r.call.page - 1) * r.call.per);
        expect(r.callStart).toBeLessThanOrEqual(r.start);
        expect(r.callStart + r.call.per).toBeGreaterThanOrEqual(r.end);
      }
    }
  });
});
