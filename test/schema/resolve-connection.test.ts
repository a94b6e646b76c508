/**
 * Issue 16: a cursor is signed only when the response holds it (an edge's `cursor`, `pageInfo`'s
 * `startCursor`/`endCursor`), once however often it is read, and signs exactly what the eager
 * signing did. The context's key is read once per signature, so its reads count them.
 */
import { describe, expect, test } from 'vitest';
import { accountId } from '../../src/core/ids.js';
import { arrayPages } from '../../src/schema/connection/array-pages.js';
import { queryFingerprint, verifyCursor } from '../../src/schema/connection/cursor.js';
import { resolveConnection } from '../../src/schema/connection/resolve-connection.js';
import type { HrContext } from '../../src/schema/context.js';

const key = Buffer.from('k'.repeat(32));
const shape = { kind: 'groups' };
const scope = { accountId: 'acme', fingerprint: queryFingerprint(shape) };

/** A context whose cursor key counts how often it was used to sign or verify. */
function countingContext() {
  let signatures = 0;
  const ctx = {
    limits: { defaultSize: 50, maxSize: 1000 },
    get cursorKey() {
      signatures++;
      return key;
    },
  } as unknown as HrContext;
  return { ctx, signatures: () => signatures };
}

function page(ctx: HrContext, args: { first?: number; after?: string }) {
  return resolveConnection(
    ctx,
    {
      accountId: accountId('acme'),
      shape,
      args,
      fetch: arrayPages(['a', 'b', 'c', 'd', 'e']),
      maxPageSize: 100,
    },
    (record) => record.toUpperCase(),
  );
}

describe('Relay Cursor Connections: edge cursors', () => {
  test('a page read only through its nodes signs no cursor', async () => {
    const { ctx, signatures } = countingContext();
    const result = await page(ctx, { first: 3 });
    expect(result.edges.map((edge) => edge.node)).toEqual(['A', 'B', 'C']);
    expect(result.pageInfo.hasNextPage).toBe(true);
    expect(signatures()).toBe(0);
  });

  test('pageInfo.endCursor signs one cursor, the last edge’s, however often it is read', async () => {
    const { ctx, signatures } = countingContext();
    const result = await page(ctx, { first: 3 });
    const end = result.pageInfo.endCursor;
    expect(result.pageInfo.endCursor).toBe(end);
    expect(result.edges[2]?.cursor).toBe(end);
    expect(signatures()).toBe(1);
    // The last record of its provider page: the cursor is the page's continuation token.
    expect(verifyCursor(key, scope, end ?? '', 'after')).toEqual({
      direction: 'forward',
      native: '3',
      skip: 0,
    });
  });

  test('every edge’s cursor resumes after that edge, and startCursor is the first edge’s', async () => {
    const { ctx } = countingContext();
    const result = await page(ctx, { first: 3 });
    expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor);
    for (const [index, edge] of result.edges.entries()) {
      const next = await page(ctx, { first: 1, after: edge.cursor });
      expect(next.edges.map((e) => e.node)).toEqual([['B', 'C', 'D'][index]]);
    }
  });

  test('an empty page has null start and end cursors and signs nothing', async () => {
    const { ctx, signatures } = countingContext();
    const result = await page(ctx, { first: 0 });
    expect(result.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
    expect(signatures()).toBe(0);
  });
});
