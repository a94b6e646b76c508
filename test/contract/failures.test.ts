/**
 * Issue 15, item 4: "auth failures (refused key → the account's status, lockout); faults
 * (429/503 with and without Retry-After, resets, malformed bodies) ending in data or a coded
 * error; cross-account isolation", over every provider with a kit and each of its accounts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClientOptions } from '../../src/http/index.js';
import type { Fault } from '../../src/sandbox/common/faults.js';
import type { GraphQLResult } from '../support/hrgraph.js';
import { type ContractGraph, startContractGraph } from './graph.js';
import type { KitSandbox } from './kit.js';
import { loadKits } from './kits.js';

const kits = await loadKits();

/** Short waits keep the suite fast; Retry-After of a second is then longer than we may wait. */
const http: HttpClientOptions = {
  maxAttempts: 2,
  backoffBaseMs: 1,
  maxRetryAfterMs: 10,
  circuitBreaker: { failureThreshold: 100, openMs: 60_000 },
};

interface Page {
  employees: { nodes: { remoteId: string; displayName: string | null }[] } | null;
}
const page = /* GraphQL */ `
  query Page($account: ID!) { employees(account: $account, first: 5) { nodes { remoteId displayName } } }
`;

const upstreamCodes = [
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_AUTH_FAILED',
];

/** Data as a healthy provider gives it, or null with every error coded and naming the account. */
function expectDataOrCodedError(result: GraphQLResult<Page>, healthy: Page, account: string) {
  expect(result.status, account).toBe(200);
  if (result.errors === undefined) {
    expect(result.data, account).toEqual(healthy);
    return;
  }
  expect(result.data?.employees ?? null, account).toBeNull();
  for (const error of result.errors) {
    expect(error.path, account).toEqual(['employees']);
    expect(upstreamCodes, `${account}: ${error.extensions?.code}`).toContain(
      error.extensions?.code,
    );
    expect(error.extensions?.accountId, account).toBe(account);
  }
}

/**
 * Each fault, what one occurrence ends in while a retry is left (the shared client retries what
 * may pass on a second try, never a complete but malformed body), and the code when it persists.
 */
const faults: readonly [string, Fault, 'data' | 'error', string][] = [
  [
    '429 with Retry-After',
    { kind: '429', retryAfter: { seconds: 1 } },
    'data',
    'UPSTREAM_RATE_LIMITED',
  ],
  ['429 without Retry-After', { kind: '429' }, 'data', 'UPSTREAM_RATE_LIMITED'],
  [
    '503 with Retry-After',
    { kind: '503', retryAfter: { seconds: 1 } },
    'data',
    'UPSTREAM_RATE_LIMITED',
  ],
  ['503 without Retry-After', { kind: '503' }, 'data', 'UPSTREAM_UNAVAILABLE'],
  ['a reset connection', { kind: 'reset' }, 'data', 'UPSTREAM_UNAVAILABLE'],
  ['a malformed body', { kind: 'malformed' }, 'error', 'UPSTREAM_BAD_RESPONSE'],
  ['a truncated body', { kind: 'truncate', fraction: 0.5 }, 'data', 'UPSTREAM_BAD_RESPONSE'],
];

describe.each(kits.map((kit) => [kit.provider, kit] as const))('%s: failures', (_, kit) => {
  let acme: KitSandbox;
  let globex: KitSandbox;
  let graph: ContractGraph | undefined;
  beforeAll(async () => {
    acme = await kit.start({ domain: 'acme' });
    globex = await kit.start({ domain: 'globex', seed: 12 });
  });
  afterEach(async () => {
    acme.faults.clear();
    globex.faults.clear();
    await graph?.close();
    graph = undefined;
  });
  afterAll(async () => {
    await acme?.close();
    await globex?.close();
  });

  it('refused credentials: a coded auth error; a refused key locks the account out, at no more calls', async () => {
    graph = startContractGraph(
      acme.accounts.map((a) => acme.refused(a.config)),
      { http },
    );
    for (const { config } of acme.accounts) {
      const first = await graph.query<Page>(page, { account: config.id });
      expect(first.data?.employees ?? null, config.id).toBeNull();
      expect(first.errors?.[0]?.extensions, config.id).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        accountId: config.id,
      });
      const status = await graph.query<{ account: { status: string } }>(
        /* GraphQL */ `query Status($id: ID!) { account(id: $id) { status } }`,
        { id: config.id },
      );
      const again = await graph.query<Page>(page, { account: config.id });
      expect(again.errors?.[0]?.extensions?.code, config.id).toBe('UPSTREAM_AUTH_FAILED');
      if (config.credentials.kind === 'oauth') {
        // A refused access token is the token manager's to judge (a refused refresh makes the
        // account NEEDS_REAUTH: test/auth); a configured token has no refresh, so it stays.
        expect(status.data!.account.status, config.id).toBe('ACTIVE');
      } else {
        expect(status.data!.account.status, config.id).toBe('LOCKED_OUT');
        expect(again.upstream.calls, config.id).toBe(0);
      }
    }
  });

  it.each(faults)(
    '%s once: the data after a retry, or a coded error at the path',
    async (_name, fault, once, code) => {
      graph = startContractGraph(
        acme.accounts.map((a) => a.config),
        { http },
      );
      for (const { config } of acme.accounts) {
        const healthy = await graph.query<Page>(page, { account: config.id });
        expect(healthy.errors, config.id).toBeUndefined();
        acme.faults.enqueue(fault);
        const result = await graph.query<Page>(page, { account: config.id });
        expectDataOrCodedError(result, healthy.data!, config.id);
        expect(result.errors?.map((e) => e.extensions?.code) ?? 'data', config.id).toEqual(
          once === 'data' ? 'data' : [code],
        );
        acme.faults.clear();
      }
    },
  );

  it.each(faults)(
    '%s on every call: a coded error at the path, never a crash',
    async (_name, fault) => {
      graph = startContractGraph(
        acme.accounts.map((a) => a.config),
        { http },
      );
      for (const { config } of acme.accounts) {
        const healthy = await graph.query<Page>(page, { account: config.id });
        acme.faults.configure({ rates: [{ rate: 1, fault }] });
        const result = await graph.query<Page>(page, { account: config.id });
        expect(result.errors, config.id).toBeDefined();
        expectDataOrCodedError(result, healthy.data!, config.id);
        acme.faults.clear();
      }
    },
  );

  it("one account's outage leaves another's data: lists and nodes(ids:) fail at their own paths", async () => {
    const up = acme.accounts[0]!.config;
    const down = globex.accounts[0]!.config;
    graph = startContractGraph([up, down], { http });
    const idOf = async (account: string) => {
      const result = await graph!.query<{ employees: { nodes: { id: string }[] } }>(
        /* GraphQL */ `query One($account: ID!) { employees(account: $account, first: 1) { nodes { id } } }`,
        { account },
      );
      return result.data!.employees.nodes[0]!.id;
    };
    const [a, b] = [await idOf(up.id), await idOf(down.id)];
    globex.faults.configure({ rates: [{ rate: 1, fault: { kind: '503' } }] });

    const nodes = await graph.query<{ nodes: ({ id: string; displayName: string } | null)[] }>(
      /* GraphQL */ `query Both($ids: [ID!]!) { nodes(ids: $ids) { id ... on Employee { displayName } } }`,
      { ids: [a, b] },
    );
    expect(nodes.data!.nodes[0]?.id).toBe(a);
    expect(nodes.data!.nodes[0]?.displayName).toBeTruthy();
    expect(nodes.data!.nodes[1]).toBeNull();
    expect(nodes.errors?.map((e) => [e.path, e.extensions?.accountId])).toEqual([
      [['nodes', 1], down.id],
    ]);

    const lists = await graph.query<{ up: Page['employees']; down: Page['employees'] }>(
      /* GraphQL */ `query Lists($up: ID!, $down: ID!) {
        up: employees(account: $up, first: 2) { nodes { remoteId displayName } }
        down: employees(account: $down, first: 2) { nodes { remoteId displayName } }
      }`,
      { up: up.id, down: down.id },
    );
    expect(lists.data!.up!.nodes).toHaveLength(2);
    expect(lists.data!.down).toBeNull();
    expect(lists.errors?.map((e) => [e.path, e.extensions?.accountId])).toEqual([
      [['down'], down.id],
    ]);
  });
});
