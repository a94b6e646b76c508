/**
 * Issue 21, budgets: "an operation over it is refused before any call, with an error naming the
 * expensive part of the document"; per-minute budgets count the calls made; the budget state is
 * visible in `extensions.upstream`; budgets live where tokens and accounts are stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTokens } from '../../../src/accounts/api-tokens.js';
import { budgetHolders } from '../../../src/accounts/budget-holders.js';
import { openSqliteAccountStore } from '../../../src/accounts/sqlite-account-store.js';
import { createLoaders } from '../../../src/loaders/index.js';
import { createHrGraphServer } from '../../../src/server/create-server.js';
import { createCallWindow } from '../../../src/server/plugins/budgets/call-window.js';
import type { BudgetHolder } from '../../../src/server/plugins/budgets/use-budgets.js';
import { type BambooHrFixture, startBambooHr } from '../../support/bamboohr.js';
import { sendThrough } from './support.js';

let bamboo: BambooHrFixture;
beforeAll(async () => {
  bamboo = await startBambooHr({ company: { size: 60, seed: 11 } });
});
afterAll(() => bamboo.close());

function graphUnder(holders: readonly BudgetHolder[], now = () => 1_000_000) {
  const yoga = createHrGraphServer({
    adapters: [bamboo.apiKey, bamboo.oauth],
    createLoaders,
    development: false,
    logging: false,
    budgets: { holdersOf: async () => holders, window: createCallWindow({ now }) },
  });
  return sendThrough(yoga);
}

/** Ids of the company's first people, as global ids of an account. */
async function someIds(account: string, count: number): Promise<string[]> {
  const send = graphUnder([]);
  const page = await send<{ employees: { nodes: { id: string }[] } }>(
    /* GraphQL */ `query Ids($account: ID, $n: Int) { employees(account: $account, first: $n) { nodes { id } } }`,
    { account, n: count },
  );
  return page.data!.employees.nodes.map((n) => n.id);
}

const byIds = /* GraphQL */ `
  query ByIds($ids: [ID!]!) {
    employees(account: "acme", first: 1) { nodes { remoteId } }
    people: nodes(ids: $ids) { ... on Employee { displayName workEmail } }
  }
`;

describe('budgets of provider calls', () => {
  it('an operation planned over a per-request budget is refused before any call, naming its costliest field', async () => {
    // Read by id in both accounts: one call each, two for `people`, one for `employees`.
    const ids = [...(await someIds('acme', 2)), ...(await someIds('acme-oauth', 2))];
    const token: BudgetHolder = {
      kind: 'token',
      id: 'tok1',
      budget: { perRequest: 2, perMinute: null },
    };
    const send = graphUnder([token]);
    const plan = await send(byIds, { ids }, { headers: { 'hrgraph-explain': 'dry-run' } });
    expect(plan.upstream!.plan!.calls).toEqual({ min: 3, max: 3 });
    bamboo.resetCounts();
    const refused = await send(byIds, { ids });
    expect(bamboo.apiCalls()).toBe(0);
    expect(refused.data ?? null).toBeNull();
    const error = refused.errors![0]!;
    expect(error.extensions?.code).toBe('BUDGET_EXCEEDED');
    expect(error.extensions?.path).toBe('people');
    expect(error.message).toContain('`people`');
    expect(error.message).toContain('API token tok1');
  });

  it('an operation within the per-request budget runs, and says what is left', async () => {
    const send = graphUnder([
      { kind: 'account', id: 'acme', budget: { perRequest: 5, perMinute: 100 } },
    ]);
    const answer = await send(
      /* GraphQL */ `{ employees(account: "acme", first: 3) { nodes { remoteId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.upstream!.calls).toBe(1);
    expect(answer.upstream!.budget).toEqual([
      { kind: 'account', id: 'acme', perRequest: 5, perMinute: 100, leftThisMinute: 99 },
    ]);
  });

  it('a per-minute budget counts the calls made, refuses past it with a retryAfter, and frees up as the minute passes', async () => {
    let clock = 5_000_000;
    const send = graphUnder(
      [{ kind: 'token', id: 'tok2', budget: { perRequest: null, perMinute: 2 } }],
      () => clock,
    );
    const page = /* GraphQL */ `{ employees(account: "acme", first: 3) { nodes { remoteId } } }`;
    expect((await send(page)).errors).toBeUndefined();
    clock += 10_000;
    expect((await send(page)).errors).toBeUndefined();
    clock += 10_000;
    bamboo.resetCounts();
    const refused = await send(page);
    expect(bamboo.apiCalls()).toBe(0);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BUDGET_EXCEEDED');
    expect(refused.errors?.[0]?.extensions?.retryAfter).toBe(40);
    clock += 40_001;
    expect((await send(page)).errors).toBeUndefined();
  });

  it('a request outside every budget is not planned for them and runs as before', async () => {
    const send = graphUnder([
      { kind: 'token', id: 'tok3', budget: { perRequest: null, perMinute: null } },
    ]);
    const answer = await send(
      /* GraphQL */ `{ employees(account: "acme", first: 2) { nodes { remoteId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.upstream!.budget).toBeUndefined();
  });
});

describe('budgets are stored with tokens and accounts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hrgraph-budgets-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("a token's and an account's budgets reach the requests they make", async () => {
    const store = await openSqliteAccountStore(join(dir, 'accounts.db'));
    try {
      const tokens = createApiTokens(store, { configAccounts: [bamboo.apiKey.accountId] });
      const { secret, token } = await tokens.create('gateway', [], {
        configAccounts: [bamboo.apiKey.accountId],
        budget: { perRequest: 40, perMinute: 600 },
      });
      expect((await store.token(token.id))?.budget).toEqual({ perRequest: 40, perMinute: 600 });
      expect(await store.setTokenBudget(token.id, { perRequest: 10, perMinute: null })).toBe(true);
      const holdersOf = budgetHolders({ tokens, store });
      const request = new Request('http://hrgraph.test/graphql', {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(await holdersOf(request, ['acme'])).toEqual([
        { kind: 'token', id: token.id, budget: { perRequest: 10, perMinute: null } },
      ]);
      // An account of the config file has no row to carry a budget.
      expect(
        await store.setAccountBudget(bamboo.apiKey.accountId, { perRequest: 3, perMinute: null }),
      ).toBe(false);
      expect(await holdersOf(new Request('http://hrgraph.test/graphql'), ['acme'])).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
