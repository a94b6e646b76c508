/**
 * "One failing account, page or field yields data for everything else and an error at that
 * path with extensions.code and retryAfter where known", and "a malformed provider body is an
 * UPSTREAM_BAD_RESPONSE error, never a crash or a silently empty list". Two providers, each its
 * own sandbox: `acme` stays well while `globex` misbehaves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../src/http/index.js';
import type { Fault } from '../../src/sandbox/common/faults.js';
import { type Graph, startGraph } from './support.js';

let graph: Graph;

beforeEach(async () => {
  graph = await startGraph({
    providers: [
      { domain: 'acme', company: { size: 40, seed: 3 } },
      { domain: 'globex', company: { size: 30, seed: 4 } },
    ],
    http: {
      maxAttempts: 2,
      backoffBaseMs: 1,
      maxRetryAfterMs: 10,
      circuitBreaker: { failureThreshold: 3, openMs: 60_000 },
    },
  });
});

afterEach(async () => {
  await graph.close();
});

function always(domain: string, fault: Fault) {
  graph.sandboxes.get(domain)!.faults.configure({ rates: [{ rate: 1, fault }] });
}

const both = /* GraphQL */ `
  query Both {
    up: employees(account: "acme", first: 5) { edges { node { remoteId firstName } } }
    down: employees(account: "globex", first: 5) { edges { node { remoteId firstName } } }
  }
`;

interface BothData {
  up: { edges: { node: { remoteId: string } }[] } | null;
  down: { edges: unknown[] } | null;
}

describe('a provider down', () => {
  it("the other account's data still returns; the error names the account at its path", async () => {
    always('globex', { kind: '503' });
    const result = await graph.query<BothData>(both);
    expect(result.status).toBe(200);
    expect(result.data?.up?.edges.map((e) => e.node.remoteId)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.data?.down).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.path).toEqual(['down']);
    expect(error!.message).toContain('account globex');
    expect(error!.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      accountId: 'globex',
      upstreamStatus: 503,
    });
  });

  it('through `accounts`, the error sits under the failing account only', async () => {
    always('globex', { kind: 'reset' });
    const result = await graph.query<{ accounts: { id: string; employees: unknown }[] }>(
      /* GraphQL */ `{ accounts { id employees(first: 2) { edges { node { remoteId } } } } }`,
    );
    const accounts = result.data!.accounts;
    expect(accounts.map((a) => a.id)).toEqual(['acme', 'globex']);
    expect(accounts[0]!.employees).not.toBeNull();
    expect(accounts[1]!.employees).toBeNull();
    expect(
      result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.accountId]),
    ).toEqual([[['accounts', 1, 'employees'], 'UPSTREAM_UNAVAILABLE', 'globex']]);
  });

  it('after repeated failures its circuit opens: it fails fast and no call reaches it', async () => {
    always('globex', { kind: '503' });
    const globex = graph.sandboxes.get('globex')!.log;
    for (let i = 0; i < 3; i++) await graph.query(both);
    const served = globex.count();
    const result = await graph.query<BothData>(both);
    expect(globex.count()).toBe(served);
    expect(result.data?.up?.edges).toHaveLength(5);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['down'],
        expect.objectContaining({
          code: 'UPSTREAM_UNAVAILABLE',
          reason: 'CIRCUIT_OPEN',
          accountId: 'globex',
          retryAfter: 60,
        }),
      ],
    ]);
  });

  it('a throttling provider is UPSTREAM_RATE_LIMITED with the retryAfter it asked for', async () => {
    always('globex', { kind: '429', retryAfter: { seconds: 7 } });
    const result = await graph.query<BothData>(both);
    expect(result.data?.up?.edges).toHaveLength(5);
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['down'],
        expect.objectContaining({
          code: 'UPSTREAM_RATE_LIMITED',
          accountId: 'globex',
          retryAfter: 7,
        }),
      ],
    ]);
  });

  it('BambooHR throttling (503 with Retry-After) is UPSTREAM_RATE_LIMITED too', async () => {
    always('globex', { kind: '503', retryAfter: { seconds: 30 } });
    const result = await graph.query<BothData>(both);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      accountId: 'globex',
      retryAfter: 30,
    });
  });
});

describe('one failing field', () => {
  it('yields every other field, and an error at each path the field had', async () => {
    graph.sandboxes
      .get('acme')!
      .faults.enqueue({ kind: 'malformed' }, { path: /\/tables\/compensation$/ });
    const result = await graph.query<{
      employees: { edges: { node: { remoteId: string; compensations: unknown } }[] };
    }>(/* GraphQL */ `
      { employees(account: "acme", first: 3) { edges { node { remoteId compensations { effectiveDate } } } } }
    `);
    const edges = result.data!.employees.edges;
    expect(edges.map((e) => e.node.remoteId)).toEqual(['1', '2', '3']);
    expect(edges.map((e) => e.node.compensations)).toEqual([null, null, null]);
    expect(
      result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.accountId]),
    ).toEqual(
      [0, 1, 2].map((i) => [
        ['employees', 'edges', i, 'node', 'compensations'],
        'UPSTREAM_BAD_RESPONSE',
        'acme',
      ]),
    );
  });
});

describe('malformed provider bodies', () => {
  const list = /* GraphQL */ `
    { employees(account: "acme", first: 3) { totalCount edges { node { remoteId } } } }
  `;
  const dataset = /\/datasets\/employee\/data$/;

  it('a body cut mid-document is UPSTREAM_BAD_RESPONSE at the list, not an empty list', async () => {
    graph.sandboxes.get('acme')!.faults.enqueue({ kind: 'malformed' }, { path: dataset });
    const result = await graph.query<{ employees: unknown }>(list);
    expect(result.status).toBe(200);
    expect(result.data?.employees).toBeNull();
    expect(
      result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.accountId]),
    ).toEqual([[['employees'], 'UPSTREAM_BAD_RESPONSE', 'acme']]);
    expect(result.errors?.[0]?.message).not.toMatch(/Unexpected|JSON at position|token/);
  });

  it('a connection closed mid-body is retried and the page comes back whole', async () => {
    graph.sandboxes.get('acme')!.faults.enqueue({ kind: 'truncate' }, { path: dataset });
    const result = await graph.query<{ employees: { totalCount: number; edges: unknown[] } }>(list);
    expect(result.errors).toBeUndefined();
    expect(result.data?.employees.edges).toHaveLength(3);
    expect(result.data?.employees.totalCount).toBe(40);
    expect(result.upstream.retries).toBe(1);
  });

  it('a body cut short on every attempt is UPSTREAM_BAD_RESPONSE', async () => {
    always('acme', { kind: 'truncate', fraction: 0.3 });
    const result = await graph.query<{ employees: unknown }>(list);
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      accountId: 'acme',
    });
  });
});

describe('well-formed JSON of the wrong shape', () => {
  /** Answers every data call (not metadata) with `body`, as a confused proxy might. */
  function answering(body: string) {
    return (http: HttpClient): HttpClient => ({
      close: () => http.close(),
      async request(req, ctx) {
        const res = await http.request(req, ctx);
        if (req.operation.startsWith('bamboohr.meta')) return res;
        return { ...res, text: body, json: () => JSON.parse(body) };
      },
    });
  }

  // Well-formed JSON of the wrong shape: the BambooHR client checks every envelope
  // (src/providers/bamboohr/shapes.ts), so a page is never read as empty.
  it.each(['{}', 'null', '{"data":"x"}'])(
    '%s for a page is UPSTREAM_BAD_RESPONSE, not an empty list',
    async (body) => {
      await graph.close();
      graph = await startGraph({
        providers: [{ domain: 'acme', company: { size: 10 }, auth: ['apiKey', 'oauth'] }],
        wrapHttp: answering(body),
      });
      for (const account of ['acme', 'acme-oauth']) {
        const result = await graph.query<{ employees: unknown }>(
          `{ employees(account: "${account}", first: 3) { edges { node { remoteId } } } }`,
        );
        expect(result.data?.employees).toBeNull();
        expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
      }
    },
  );
});
