/**
 * Issue 21 (metrics, provider side): what the shared http client tells its observers becomes
 * refusals by cause, circuit states and token refreshes by outcome, against a loopback server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient, createUpstreamRecorder } from '../../../src/http/index.js';
import { createUpstreamMetrics } from '../../../src/server/observe/upstream-metrics.js';

let server: Server;
let origin: string;
/** The statuses the next requests get, in order; 200 once they run out. */
const answers: number[] = [];
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function values(registry: Registry, name: string) {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe('Issue 21: provider-side metrics from the http client', () => {
  test('an open circuit counts refused calls by cause and the account by circuit state; token grants count by outcome', async () => {
    const registry = new Registry();
    const http = createHttpClient({
      observers: [createUpstreamMetrics({ registry })],
      circuitBreaker: { failureThreshold: 1, openMs: 60_000 },
      maxAttempts: 1,
    });
    const ctx = { signal: new AbortController().signal, recorder: createUpstreamRecorder() };
    const call = (operation: string) =>
      http.request({ accountId: 'acme', operation, method: 'GET', url: `${origin}/x` }, ctx);
    try {
      await call('gusto.token.refresh_token');
      answers.push(400);
      await call('gusto.token.refresh_token');
      answers.push(503);
      await expect(call('gusto.listEmployees')).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
      await expect(call('gusto.listEmployees')).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
    } finally {
      await http.close();
    }
    expect(await values(registry, 'hrgraph_token_refreshes_total')).toEqual(
      expect.arrayContaining([
        { labels: { provider: 'gusto', outcome: 'success' }, value: 1 },
        { labels: { provider: 'gusto', outcome: 'failure' }, value: 1 },
      ]),
    );
    expect(await values(registry, 'hrgraph_upstream_refused_total')).toEqual([
      {
        labels: { provider: 'gusto', operation: 'gusto.listEmployees', cause: 'circuit_open' },
        value: 1,
      },
    ]);
    expect(await values(registry, 'hrgraph_upstream_circuit_accounts')).toEqual(
      expect.arrayContaining([
        { labels: { provider: 'gusto', state: 'open' }, value: 1 },
        { labels: { provider: 'gusto', state: 'closed' }, value: 0 },
      ]),
    );
    expect(await values(registry, 'hrgraph_upstream_calls_total')).toEqual(
      expect.arrayContaining([
        {
          labels: { provider: 'gusto', operation: 'gusto.listEmployees', status: '503' },
          value: 1,
        },
      ]),
    );
  });
});
