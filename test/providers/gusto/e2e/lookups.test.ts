/**
 * Issue 15 item 5: Gusto's departments and locations change rarely, so they are lookups kept in
 * the loaders' shared cache for a stated freshness (five minutes by default), not reads made on
 * every request that names a department or a location.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId } from '../../../../src/core/ids.js';
import { createLoaders } from '../../../../src/loaders/index.js';
import { createLookupCache } from '../../../../src/loaders/lookup-cache.js';
import { createGustoAdapter } from '../../../../src/providers/gusto/index.js';
import { createHrGraphServer } from '../../../../src/server/create-server.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';
import { operations, type QueryFn, queryThrough } from '../../../support/hrgraph.js';

let gusto: GustoFixture;
let query: QueryFn;
/** The lookup cache's clock: only the test moves it (lru-cache reads a start of 0 as "unset"). */
let now = 1_000_000;
beforeAll(async () => {
  gusto = await startGusto({ company: { seed: 13, size: 40, customFieldCount: 0 } });
  const { accessToken } = gusto.sandbox.issueTokens();
  // The account's adapter with Gusto's default freshness (the fixture's states an hour).
  const adapter = createGustoAdapter({
    accountId: accountId('gusto'),
    company: gusto.sandbox.companyUuid,
    baseUrl: gusto.baseUrl,
    accessToken: async () => accessToken,
    http: gusto.http,
  });
  query = queryThrough(
    createHrGraphServer({
      adapters: () => [adapter],
      createLoaders,
      lookupCache: createLookupCache({ now: () => now }),
      development: false,
      logging: false,
    }),
  );
});
afterAll(() => gusto.close());

const page = /* GraphQL */ `{
  employees(account: "gusto", first: 20) { nodes { remoteId department { name } location { name } } }
}`;

describe('Gusto lookups: departments and locations, cached for their stated freshness', () => {
  it('two requests asking department { name } location { name } read departments and locations once; past five minutes, once more', async () => {
    const first = await query(page);
    expect(first.errors).toBeUndefined();
    expect(operations(first.upstream).sort()).toEqual([
      'gusto.departments',
      'gusto.employees.list',
      'gusto.locations',
    ]);
    const names = (result: typeof first) =>
      (result.data as { employees: { nodes: unknown[] } }).employees.nodes;
    expect(names(first).every((n) => (n as { department: unknown }).department !== null)).toBe(
      true,
    );

    now += 299_000;
    const second = await query(page);
    expect(second.errors).toBeUndefined();
    expect(operations(second.upstream)).toEqual(['gusto.employees.list']);
    expect(names(second)).toEqual(names(first));

    now += 2_000;
    const third = await query(page);
    expect(operations(third.upstream).sort()).toEqual([
      'gusto.departments',
      'gusto.employees.list',
      'gusto.locations',
    ]);
  });
});
