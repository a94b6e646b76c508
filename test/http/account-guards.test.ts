/**
 * The limiter and the circuit breaker as the http client uses them, per account, against a real
 * local upstream: what is sent, what fails fast, and what the caller is told.
 */
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { HttpClientOptions, UpstreamRequest } from '../../src/http/index.js';
import {
  callContext,
  type Handler,
  rejectionOf,
  reply,
  reset,
  scriptedUpstreams,
} from './fixtures.js';

const upstreams = scriptedUpstreams();

async function setUp(script: Handler[], options: HttpClientOptions = {}) {
  const { time, server, client } = await upstreams.start(script, options);
  function get(accountId = 'acct-1'): UpstreamRequest {
    return { accountId, operation: 'bamboohr.directory', method: 'GET', url: `${server.origin}/d` };
  }
  return { time, server, client, get };
}

function extensionsOf(error: unknown) {
  expect(error).toBeInstanceOf(GraphQLError);
  return (error as GraphQLError).extensions;
}

describe('circuit breaker per account', () => {
  const breaker = { maxAttempts: 1, circuitBreaker: { failureThreshold: 3, openMs: 60_000 } };

  it('after repeated failures it fails fast with UPSTREAM_UNAVAILABLE and sends nothing', async () => {
    const { server, client, get } = await setUp([reply(502)], breaker);
    for (let i = 0; i < 3; i++) await rejectionOf(client.request(get(), callContext()));
    expect(server.hits).toHaveLength(3);
    const ctx = callContext();
    const ext = extensionsOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'CIRCUIT_OPEN',
      accountId: 'acct-1',
      retryAfter: 60,
      attempts: 0,
    });
    expect(server.hits).toHaveLength(3);
    expect(ctx.recorder.summary().calls).toBe(0);
  });

  it("one account's open circuit leaves the other accounts alone", async () => {
    const { server, client, get } = await setUp(
      [reply(502), reply(502), reply(502), reply(200, '{}')],
      breaker,
    );
    for (let i = 0; i < 3; i++) await rejectionOf(client.request(get('down'), callContext()));
    const res = await client.request(get('up'), callContext());
    expect(res.status).toBe(200);
    expect(server.hits).toHaveLength(4);
  });

  it('after openMs one probe goes through; its success closes the circuit', async () => {
    const { time, server, client, get } = await setUp(
      [reply(502), reply(502), reply(502), reply(200, '{}')],
      breaker,
    );
    for (let i = 0; i < 3; i++) await rejectionOf(client.request(get(), callContext()));
    await time.sleep(60_000, new AbortController().signal);
    expect((await client.request(get(), callContext())).status).toBe(200);
    expect((await client.request(get(), callContext())).status).toBe(200);
    expect(server.hits).toHaveLength(5);
  });

  it('resets on every attempt count as failures too', async () => {
    const { server, client, get } = await setUp([reset], breaker);
    for (let i = 0; i < 3; i++) await rejectionOf(client.request(get(), callContext()));
    const ext = extensionsOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'CIRCUIT_OPEN' });
    expect(server.hits).toHaveLength(3);
  });

  it.each([
    ['429', reply(429, '', { 'Retry-After': '0' })],
    ['401', reply(401)],
    ['404', reply(404)],
  ])('a provider answering %s is up: the circuit stays closed', async (_name, handler) => {
    const { server, client, get } = await setUp([handler], breaker);
    for (let i = 0; i < 5; i++) await client.request(get(), callContext()).catch(() => undefined);
    expect(server.hits).toHaveLength(5);
  });
});

describe("the provider's Retry-After holds the account's other calls", () => {
  const once = { maxAttempts: 1 };

  it('the next call waits out the pause before it is sent', async () => {
    const { time, server, client, get } = await setUp(
      [reply(503, '', { 'Retry-After': '5' }), reply(200, '{}')],
      once,
    );
    await rejectionOf(client.request(get(), callContext()));
    const res = await client.request(get(), callContext());
    expect(res.status).toBe(200);
    expect(time.waits).toEqual([5_000]);
    expect(server.hits).toHaveLength(2);
  });

  it("whenBudgetSpent: 'fail': the next call fails fast with UPSTREAM_RATE_LIMITED and retryAfter", async () => {
    const { server, client, get } = await setUp([reply(429, '', { 'Retry-After': '5' })], {
      ...once,
      accountLimits: { whenBudgetSpent: 'fail' },
    });
    await rejectionOf(client.request(get(), callContext()));
    const ctx = callContext();
    const ext = extensionsOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      reason: 'BUDGET_SPENT',
      accountId: 'acct-1',
      retryAfter: 5,
    });
    expect(server.hits).toHaveLength(1);
    expect(ctx.recorder.summary().calls).toBe(0);
  });

  it('another account is not held', async () => {
    const { time, client, get } = await setUp(
      [reply(503, '', { 'Retry-After': '5' }), reply(200, '{}')],
      once,
    );
    await rejectionOf(client.request(get('a'), callContext()));
    expect((await client.request(get('b'), callContext())).status).toBe(200);
    expect(time.waits).toEqual([]);
  });
});

describe('per-account concurrency and budget through the client', () => {
  it('never has more than maxConcurrent calls of one account in flight', async () => {
    const held: ServerResponse[] = [];
    let most = 0;
    let timer: NodeJS.Timeout | undefined;
    const { client, get } = await setUp(
      [
        function holdThenAnswerAll(res) {
          held.push(res);
          most = Math.max(most, held.length);
          // Answers whatever arrived together once arrivals pause: a limit that leaked would
          // have let more than two arrive.
          clearTimeout(timer);
          timer = setTimeout(function answerHeld() {
            for (const response of held.splice(0)) {
              response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
            }
          }, 25);
        },
      ],
      { accountLimits: { maxConcurrent: 2 } },
    );
    const calls = Array.from({ length: 6 }, () => client.request(get(), callContext()));
    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(most).toBe(2);
  });

  it('a spent budget with fail-fast is UPSTREAM_RATE_LIMITED naming the account', async () => {
    const { server, client, get } = await setUp([reply(200, '{}')], {
      accountLimits: { budget: { requests: 2, intervalMs: 60_000 }, whenBudgetSpent: 'fail' },
    });
    await client.request(get(), callContext());
    await client.request(get(), callContext());
    const ext = extensionsOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      accountId: 'acct-1',
      reason: 'BUDGET_SPENT',
      retryAfter: 30,
    });
    expect(server.hits).toHaveLength(2);
    expect((await client.request(get('other'), callContext())).status).toBe(200);
  });

  it('a spent budget in queue mode waits for the next token (on the injected clock)', async () => {
    const { time, server, client, get } = await setUp([reply(200, '{}')], {
      accountLimits: { budget: { requests: 1, intervalMs: 4_000 } },
    });
    await client.request(get(), callContext());
    await client.request(get(), callContext());
    expect(time.waits).toEqual([4_000]);
    expect(server.hits).toHaveLength(2);
  });
});

describe('a body cut short (BambooHR sandbox fault: truncate)', () => {
  const truncated: Handler = function truncate(res) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"employees":[', () => res.socket?.destroy());
  };

  it('is retried like a reset', async () => {
    const { server, client, get } = await setUp([truncated, reply(200, '{"employees":[]}')]);
    const res = await client.request(get(), callContext());
    expect(res.json()).toEqual({ employees: [] });
    expect(server.hits).toHaveLength(2);
  });

  it('once retries run out it is UPSTREAM_BAD_RESPONSE, not a short list', async () => {
    const { server, client, get } = await setUp([truncated], { maxAttempts: 2 });
    const ext = extensionsOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      accountId: 'acct-1',
      upstreamStatus: 200,
      attempts: 2,
    });
    expect(server.hits).toHaveLength(2);
  });
});

describe("a provider's published budget (Gusto: 200 a minute per application and company)", () => {
  const failFast = { accountLimits: { whenBudgetSpent: 'fail' as const } };
  const perMinute = (requests: number) => ({ requests, intervalMs: 60_000 });

  it('holds the account to it when stricter than the client default; other accounts are free', async () => {
    const { server, client, get } = await setUp([reply(200, '{}')], failFast);
    const gusto = { ...get('gusto'), budget: perMinute(2) };
    await client.request(gusto, callContext());
    await client.request(gusto, callContext());
    const refused = extensionsOf(await rejectionOf(client.request(gusto, callContext())));
    expect(refused).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(server.hits).toHaveLength(2);
    for (let i = 0; i < 5; i++) await client.request(get('other'), callContext());
    expect(server.hits).toHaveLength(7);
  });

  it('never loosens a stricter client budget', async () => {
    const { server, client, get } = await setUp([reply(200, '{}')], {
      accountLimits: { whenBudgetSpent: 'fail', budget: perMinute(1) },
    });
    const generous = { ...get('gusto'), budget: perMinute(200) };
    await client.request(generous, callContext());
    await rejectionOf(client.request(generous, callContext()));
    expect(server.hits).toHaveLength(1);
  });
});
