/**
 * "An overall deadline per GraphQL request; a client that disconnects aborts its upstream
 * calls." The deadline comes from useRequestDeadline (requestTimeoutMs) through the loaders into
 * every provider call; the disconnect comes from yoga's `request.signal`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/contract/index.js';
import type { UpstreamRequest } from '../../src/http/index.js';
import { type Graph, type GraphOptions, startGraph } from './support.js';

let graph: Graph | undefined;

afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

const providers: GraphOptions['providers'] = [
  { domain: 'acme', company: { size: 20, seed: 3 } },
  { domain: 'globex', company: { size: 20, seed: 4 } },
];

const both = /* GraphQL */ `
  query Both {
    up: employees(account: "acme", first: 3) { edges { node { remoteId } } }
    down: employees(account: "globex", first: 3) { edges { node { remoteId } } }
  }
`;

describe('the request deadline', () => {
  it('a provider that stalls past it costs its own fields; the rest of the response arrives', async () => {
    graph = await startGraph({ providers, requestTimeoutMs: 400 });
    graph.sandboxes.get('globex')!.faults.configure({
      rates: [{ rate: 1, fault: { kind: 'stall', ms: 3_000 } }],
    });
    const result = await graph.query<{ up: { edges: unknown[] }; down: unknown }>(both);
    expect(result.data?.up.edges).toHaveLength(3);
    expect(result.data?.down).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['down'],
        expect.objectContaining({
          code: 'UPSTREAM_UNAVAILABLE',
          reason: 'DEADLINE_EXCEEDED',
          accountId: 'globex',
        }),
      ],
    ]);
  });

  it('a Retry-After that would end past it is not waited for', async () => {
    graph = await startGraph({
      providers,
      requestTimeoutMs: 500,
      http: { maxRetryAfterMs: 60_000 },
    });
    graph.sandboxes.get('globex')!.faults.configure({
      rates: [{ rate: 1, fault: { kind: '503', retryAfter: { seconds: 5 } } }],
    });
    const result = await graph.query<{ up: { edges: unknown[] }; down: unknown }>(both);
    expect(result.data?.up.edges).toHaveLength(3);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      accountId: 'globex',
      retryAfter: 5,
      attempts: 1,
    });
    const globexCalls = result.upstream.entries.filter((e) => e.accountId === 'globex');
    expect(globexCalls.length).toBeGreaterThan(0);
    expect(globexCalls.every((call) => call.retries === 0)).toBe(true);
  });

  it('every provider call carries the deadline, requestTimeoutMs after the request arrived', async () => {
    const seen: CallContext[] = [];
    graph = await startGraph({
      providers,
      requestTimeoutMs: 12_345,
      wrapHttp: (http) => ({
        close: () => http.close(),
        request(req, ctx) {
          seen.push(ctx);
          return http.request(req, ctx);
        },
      }),
    });
    const before = Date.now();
    await graph.query(both);
    const after = Date.now();
    expect(seen.length).toBeGreaterThan(1);
    for (const ctx of seen) {
      expect(ctx.deadline).toBeGreaterThanOrEqual(before + 12_345);
      expect(ctx.deadline).toBeLessThanOrEqual(after + 12_345);
    }
    expect(new Set(seen.map((ctx) => ctx.deadline)).size).toBe(1);
  });
});

describe('client disconnect', () => {
  it("aborts the request's upstream calls", async () => {
    const started: { req: UpstreamRequest; ctx: CallContext; outcome: Promise<unknown> }[] = [];
    let firstCall: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      firstCall = resolve;
    });
    graph = await startGraph({
      providers,
      wrapHttp: (http) => ({
        close: () => http.close(),
        request(req, ctx) {
          const call = http.request(req, ctx);
          started.push({
            req,
            ctx,
            outcome: call.then(
              () => 'answered',
              (error: Error) => error,
            ),
          });
          firstCall();
          return call;
        },
      }),
    });
    // Long enough that an upstream call still pending at the end can only have been aborted.
    graph.sandboxes.get('globex')!.faults.configure({
      rates: [{ rate: 1, fault: { kind: 'stall', ms: 20_000 } }],
    });
    const server = createServer(graph.yoga);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const client = new AbortController();
      const response = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ employees(account: "globex", first: 3) { edges { node { remoteId } } } }',
        }),
        signal: client.signal,
      });
      await called;
      client.abort();
      await response.catch(() => undefined);
      const outcomes = await Promise.all(started.map((s) => s.outcome));
      expect(outcomes.length).toBeGreaterThan(0);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ name: 'AbortError' });
      expect(started.every((s) => s.ctx.signal.aborted)).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
