/** Each fault kind over a real socket (undici), plus the queue, budget and seeded rates. */
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BambooHrSandbox,
  createBambooHrSandbox,
} from '../../../../../src/sandbox/bamboohr/app.js';
import type { RunningSandbox } from '../../../../../src/sandbox/bamboohr/server.js';
import { createManualClock } from '../../../../../src/sandbox/common/clock.js';
import { ConnectionResetError } from '../../../../../src/sandbox/common/fault-middleware.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';

const company = createCompany({ size: 30, customFieldCount: 0 });
const clock = createManualClock();
let sandbox: BambooHrSandbox;
let server: RunningSandbox;
let agent: Agent;

beforeAll(async () => {
  sandbox = createBambooHrSandbox({ companies: [company], clock });
  server = await sandbox.listen();
  agent = new Agent({ keepAliveTimeout: 10 });
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

// gatewayUrl() already ends in /api/gateway.php/acme; `get` takes paths after it.
function url(path: string): string {
  return `${server.gatewayUrl()}${path}`;
}

async function call(path = '/v1/employees/1', options: { headersTimeout?: number } = {}) {
  return request(url(path), {
    dispatcher: agent,
    headers: { authorization: sandbox.basicAuthFor(), accept: 'application/json' },
    ...options,
  });
}

describe('faults over a real socket', () => {
  it('503 with Retry-After in seconds', async () => {
    sandbox.faults.enqueue({ kind: '503', retryAfter: { seconds: 2 } });
    const res = await call();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(await res.body.text()).toBe('');
    expect((await call()).statusCode).toBe(200);
  });

  it('503 with Retry-After as an HTTP date (from the sandbox clock)', async () => {
    sandbox.faults.enqueue({ kind: '503', retryAfter: { httpDate: 30 } });
    const res = await call();
    await res.body.dump();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(new Date(clock.now() + 30_000).toUTCString());
  });

  it('503 without Retry-After', async () => {
    sandbox.faults.enqueue({ kind: '503' });
    const res = await call();
    await res.body.dump();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('429 with Retry-After', async () => {
    sandbox.faults.enqueue({ kind: '429', retryAfter: { seconds: 7 } });
    const res = await call();
    await res.body.dump();
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
  });

  it('connection reset: the client sees the socket close before any response', async () => {
    sandbox.faults.enqueue({ kind: 'reset' });
    await expect(call()).rejects.toThrow(/closed|reset|socket/i);
    expect((await call()).statusCode).toBe(200);
    expect(sandbox.log.entries({ fault: 'reset' }).at(-1)).toMatchObject({ status: 0 });
  });

  it('stall: no headers arrive before the client’s headers timeout', async () => {
    sandbox.faults.enqueue({ kind: 'stall', ms: 1_500 });
    await expect(call('/v1/employees/1', { headersTimeout: 100 })).rejects.toMatchObject({
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
  });

  it('latency: the request still succeeds and the log names the fault', async () => {
    sandbox.faults.enqueue({ kind: 'latency', ms: 20 });
    const res = await call();
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    expect(sandbox.log.entries().at(-1)?.fault).toBe('latency');
  });

  it('truncated body: headers promise the whole body, the connection closes early', async () => {
    sandbox.faults.enqueue({ kind: 'truncate', fraction: 0.5 });
    const res = await call('/v1/employees/1?fields=firstName,lastName,workEmail,department');
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    await expect(res.body.text()).rejects.toThrow();
  });

  it('malformed body: a complete response whose JSON does not parse', async () => {
    sandbox.faults.enqueue({ kind: 'malformed' });
    const res = await call('/v1/employees/1?fields=firstName,lastName,workEmail');
    expect(res.statusCode).toBe(200);
    const text = await res.body.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('malformed XML: a legacy XML answer cut mid-document', async () => {
    sandbox.faults.enqueue({ kind: 'malformed' });
    const res = await request(url('/v1/employees/1?fields=firstName,lastName'), {
      dispatcher: agent,
      headers: { authorization: sandbox.basicAuthFor() },
    });
    const text = await res.body.text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text.trimEnd().endsWith('</employee>')).toBe(false);
  });

  it('queued faults match a path and a count; other paths pass', async () => {
    sandbox.faults.enqueue(
      { kind: '503', retryAfter: { seconds: 1 } },
      { path: '/v1/meta/fields', times: 2 },
    );
    const other = await call('/v1/employees/1');
    await other.body.dump();
    expect(other.statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      const hit = await call('/v1/meta/fields');
      await hit.body.dump();
      expect(hit.statusCode).toBe(503);
    }
    const after = await call('/v1/meta/fields');
    await after.body.dump();
    expect(after.statusCode).toBe(200);
    expect(sandbox.faults.pending()).toBe(0);
  });

  it('request budget per second: over it → 503 Retry-After: 1, then the next clock second is fresh', async () => {
    sandbox.faults.configure({ budget: { requestsPerSecond: 3 } });
    clock.set(Math.ceil(clock.now() / 1000) * 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call();
      await res.body.dump();
      statuses.push(res.statusCode);
      if (res.statusCode === 503) expect(res.headers['retry-after']).toBe('1');
    }
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    clock.advance(1_000);
    const fresh = await call();
    await fresh.body.dump();
    expect(fresh.statusCode).toBe(200);
    expect(sandbox.log.count({ fault: 'budget' })).toBeGreaterThanOrEqual(2);
    sandbox.faults.clear();
  });
});

describe('faults in-process', () => {
  it('a reset makes app.fetch reject with ECONNRESET', async () => {
    const local = createBambooHrSandbox({ companies: [company] });
    local.faults.enqueue({ kind: 'reset' });
    const fetching = local.app.fetch(
      new Request('http://acme.bamboohr.test/api/v1/employees/1', {
        headers: { authorization: local.basicAuthFor() },
      }),
    );
    await expect(fetching).rejects.toBeInstanceOf(ConnectionResetError);
    expect(local.log.entries()[0]).toMatchObject({ fault: 'reset' });
  });

  it('seeded rates: the same seed gives the same faults, in the same order', async () => {
    async function run(seed: number): Promise<number[]> {
      const local = createBambooHrSandbox({
        companies: [company],
        faults: {
          seed,
          rates: [
            { rate: 0.2, fault: { kind: '503', retryAfter: { seconds: 1 } } },
            { rate: 0.1, fault: { kind: '429' } },
          ],
        },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await local.app.fetch(
          new Request('http://acme.bamboohr.test/api/v1/employees/1', {
            headers: { authorization: local.basicAuthFor(), accept: 'application/json' },
          }),
        );
        statuses.push(res.status);
      }
      return statuses;
    }
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run(12)).not.toEqual(first);
  });
});
