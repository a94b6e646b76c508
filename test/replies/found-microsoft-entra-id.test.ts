/**
 * What the spec-generated replies suite found in Entra ID, each pinned by a reply the spec allows,
 * forged over the sandbox's real answer: a coded error at the path, never an internal error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type EntraFixture, startEntra } from '../providers/microsoft-entra-id/e2e/fixture.js';
import { type ForgeRule, forgeReplies } from '../resilience/forge.js';

let entra: EntraFixture | undefined;
afterEach(async () => {
  await entra?.close();
  entra = undefined;
});

const start = async (rules: readonly ForgeRule[]) => {
  entra = await startEntra({
    company: { size: 12, seed: 5, customFieldCount: 0 },
    http: { maxAttempts: 1 },
    wrapHttp: forgeReplies(rules),
  });
  return entra;
};

describe('Entra ID: an @odata.nextLink the spec allows (any string) that is no URL', () => {
  it('on the groups, is UPSTREAM_BAD_RESPONSE at account.groups, never INTERNAL_SERVER_ERROR', async () => {
    const fixture = await start([
      {
        operation: 'entra.listGroups',
        rewrite: (body) => ({ ...(body as object), '@odata.nextLink': 'w/Q!' }),
      },
    ]);
    const result = await fixture.query(
      /* GraphQL */ `{ account(id: "entra") { groups(first: 2) { nodes { name } } } }`,
    );
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['account', 'groups'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });

  it('on List users, is UPSTREAM_BAD_RESPONSE at employees', async () => {
    const fixture = await start([
      {
        operation: 'entra.listUsers',
        rewrite: (body) => ({ ...(body as object), '@odata.nextLink': '' }),
      },
    ]);
    const result = await fixture.query(
      /* GraphQL */ `{ employees(account: "entra", first: 2) { nodes { remoteId } } }`,
    );
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['employees'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });

  it('null (the spec types it string | null) ends the list like an absent link', async () => {
    const fixture = await start([
      {
        operation: 'entra.listUsers',
        rewrite: (body) => ({ ...(body as object), '@odata.nextLink': null }),
      },
    ]);
    const result = await fixture.query<{
      employees: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } };
    }>(
      /* GraphQL */ `{ employees(account: "entra", first: 2) { nodes { remoteId } pageInfo { hasNextPage } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes).toHaveLength(2);
    expect(result.data!.employees.pageInfo.hasNextPage).toBe(false);
  });
});
