/**
 * "The last N" on a Gusto list whose replies carry no X-Total-Count: its length found from the
 * pages alone, by doubling then halving, in about 2 × log2(pages) calls.
 */
import { describe, expect, it } from 'vitest';
import { accountId } from '../../../src/core/ids.js';
import { listLength } from '../../../src/providers/gusto/list-length.js';

function listOf(length: number, per = 100) {
  const asked: number[] = [];
  return {
    asked,
    search: {
      accountId: accountId('gusto'),
      per,
      rowsOn: async (page: number) => {
        asked.push(page);
        return Math.max(0, Math.min(per, length - (page - 1) * per));
      },
    },
  };
}

describe('Gusto: a list length from its pages alone', () => {
  it.each([0, 1, 99, 100, 101, 937, 1_000, 2_037, 2_100, 99_999, 100_000])(
    'finds %i, in at most 2 × ⌈log2(pages + 1)⌉ + 1 calls',
    async (length) => {
      const { asked, search } = listOf(length);
      expect(await listLength(search)).toBe(length);
      const pages = Math.ceil(length / 100);
      expect(asked.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(pages + 1)) + 1);
    },
  );

  it('reads page 1 again only when no read said its size', async () => {
    const { asked, search } = listOf(1_000);
    expect(await listLength({ ...search, firstPage: 100 })).toBe(1_000);
    expect(asked).toEqual([2, 4, 8, 16, 12, 10, 11]);
  });

  it('a provider whose pages never end is UPSTREAM_BAD_RESPONSE, not an endless search', async () => {
    const search = { accountId: accountId('gusto'), per: 100, rowsOn: async () => 100 };
    await expect(listLength(search)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'gusto' },
    });
  });
});
