import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { HttpClientOptions, UpstreamRequest } from '../../src/http/index.js';
import {
  callContext,
  fakeTime,
  type Handler,
  hang,
  rejectionOf,
  reply,
  reset,
  scriptedUpstreams,
} from './fixtures.js';

const upstreams = scriptedUpstreams();

async function setUp(script: Handler[], options: HttpClientOptions = {}) {
  const { time, server, client } = await upstreams.start(script, { random: () => 0.5, ...options });
  function get(path = '/api/v1/employees/directory', extra: Partial<UpstreamRequest> = {}) {
    return {
      accountId: 'acct-1',
      operation: 'bamboohr.directory',
      method: 'GET',
      url: `${server.origin}${path}`,
      ...extra,
    } as const satisfies UpstreamRequest;
  }
  return { time, server, client, get };
}

function codeOf(error: unknown) {
  expect(error).toBeInstanceOf(GraphQLError);
  return (error as GraphQLError).extensions;
}

describe('Retry-After (RFC 9110 §10.2.3; BambooHR reference §6.3: 503 carries Retry-After)', () => {
  it('delay-seconds sets the wait before the retry', async () => {
    const { time, server, client, get } = await setUp([
      reply(503, '', { 'Retry-After': '2' }),
      reply(200, '{"ok":true}'),
    ]);
    const res = await client.request(get(), callContext());
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(time.waits).toEqual([2000]);
    expect(server.hits).toHaveLength(2);
  });

  it('an HTTP-date sets the wait relative to the clock', async () => {
    const time = fakeTime();
    const at = new Date(time.now() + 3_000).toUTCString();
    const { server, client, get } = await setUp(
      [reply(429, '', { 'Retry-After': at }), reply(200, '[]')],
      { now: time.now, sleep: time.sleep },
    );
    await client.request(get(), callContext());
    expect(time.waits).toEqual([3000]);
    expect(server.hits).toHaveLength(2);
  });

  it('a wait longer than maxRetryAfterMs is capped', async () => {
    const { time, client, get } = await setUp(
      [reply(503, '', { 'Retry-After': '3600' }), reply(200, '[]')],
      { maxRetryAfterMs: 10_000 },
    );
    await client.request(get(), callContext());
    expect(time.waits).toEqual([10_000]);
  });

  it("a provider's own rate header comes in through parseRetryAfter", async () => {
    const time = fakeTime();
    const resetAt = String(Math.floor(time.now() / 1000) + 12);
    const { client, get } = await setUp(
      [reply(429, '', { 'X-Rate-Limit-Reset': resetAt }), reply(200, '[]')],
      { now: time.now, sleep: time.sleep },
    );
    const parseRetryAfter = (headers: Readonly<Record<string, string>>, now: number) => {
      const value = headers['x-rate-limit-reset'];
      return value === undefined ? null : Number(value) - now / 1000;
    };
    await client.request(get('/api/v1/users', { parseRetryAfter }), callContext());
    expect(time.waits).toEqual([12_000]);
  });

  it("a throttle worded as another status (Google's 403 userRateLimitExceeded) is retried as a 429 through isThrottle", async () => {
    const quota = JSON.stringify({
      error: { code: 403, errors: [{ reason: 'userRateLimitExceeded' }] },
    });
    const denied = JSON.stringify({ error: { code: 403, errors: [{ reason: 'forbidden' }] } });
    const isThrottle = (status: number, _headers: unknown, text: string) =>
      status === 403 && text.includes('userRateLimitExceeded');
    const { server, client, get } = await setUp([
      reply(403, quota),
      reply(200, '{}'),
      reply(403, denied),
    ]);
    const ctx = callContext();
    expect((await client.request(get('/users', { isThrottle }), ctx)).status).toBe(200);
    expect(server.hits).toHaveLength(2);
    expect(ctx.recorder.summary().entries).toMatchObject([{ retries: 1, status: 200 }]);
    // A 403 the recogniser does not claim is handed back as it is.
    expect((await client.request(get('/users', { isThrottle }), ctx)).status).toBe(403);
    expect(server.hits).toHaveLength(3);
  });

  it('a throttle that outlasts the retries ends in UPSTREAM_RATE_LIMITED', async () => {
    const quota = JSON.stringify({ error: { errors: [{ reason: 'userRateLimitExceeded' }] } });
    const isThrottle = (status: number) => status === 403;
    const { client, get } = await setUp([reply(403, quota)], { maxAttempts: 2 });
    const ext = codeOf(
      await rejectionOf(client.request(get('/users', { isThrottle }), callContext())),
    );
    expect(ext).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', attempts: 2 });
  });
});

describe('backoff: exponential with full jitter, bounded', () => {
  it('without Retry-After each wait is random × min(cap, base × 2^retry)', async () => {
    const { time, client, get } = await setUp([reply(502), reply(502), reply(504), reply(200)]);
    await client.request(get(), callContext());
    expect(time.waits).toEqual([100, 200, 400]);
  });

  it('jittered waits stay below their ceiling and the ceiling stops at the cap', async () => {
    const draws = [0.999_999, 0.1, 0.999_999, 0.5, 0.999_999, 0.999_999, 0];
    const { time, client, get } = await setUp([reply(503)], {
      maxAttempts: 8,
      random: () => draws.shift() ?? 0,
    });
    await rejectionOf(client.request(get(), callContext()));
    const ceilings = [200, 400, 800, 1600, 3200, 5000, 5000];
    expect(time.waits).toHaveLength(7);
    time.waits.forEach((wait, retry) => {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(ceilings[retry]!);
    });
    expect(time.waits[5]).toBe(4999);
  });
});

describe('bounded attempts', () => {
  it('stops at maxAttempts and maps an exhausted 503 without Retry-After to UPSTREAM_UNAVAILABLE', async () => {
    const { time, server, client, get } = await setUp([reply(503)]);
    const ctx = callContext();
    const ext = codeOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503, attempts: 4 });
    expect(ext.retryAfter).toBeUndefined();
    expect(server.hits).toHaveLength(4);
    expect(time.waits).toHaveLength(3);
    expect(ctx.recorder.summary().entries).toMatchObject([{ retries: 3, status: 503 }]);
  });

  it('an exhausted 429 is UPSTREAM_RATE_LIMITED with retryAfter in seconds', async () => {
    const { server, client, get } = await setUp([reply(429, '', { 'Retry-After': '7' })], {
      maxAttempts: 2,
    });
    const ext = codeOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 7, attempts: 2 });
    expect(server.hits).toHaveLength(2);
  });

  it('BambooHR: an exhausted 503 with Retry-After is throttling, UPSTREAM_RATE_LIMITED', async () => {
    const { client, get } = await setUp([reply(503, '', { 'Retry-After': '5' })], {
      maxAttempts: 1,
    });
    const ext = codeOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 5 });
  });

  it.each([502, 504])('an exhausted %i is UPSTREAM_UNAVAILABLE', async (status) => {
    const { client, get } = await setUp([reply(status)], { maxAttempts: 2 });
    const ext = codeOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: status });
  });
});

describe('deadline', () => {
  it('never sleeps past the deadline: a Retry-After reaching it ends the call', async () => {
    const time = fakeTime();
    const { server, client, get } = await setUp([reply(503, '', { 'Retry-After': '1' })], {
      now: time.now,
      sleep: time.sleep,
    });
    const ctx = callContext(time.now() + 1_000);
    const ext = codeOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 1 });
    expect(time.waits).toEqual([]);
    expect(server.hits).toHaveLength(1);
  });

  it('backs off while the deadline allows, then stops', async () => {
    const time = fakeTime();
    const { server, client, get } = await setUp([reply(502)], {
      now: time.now,
      sleep: time.sleep,
      random: () => 0.999,
    });
    // waits would be 199, 399, 799: the third would end past start + 700
    const ext = codeOf(await rejectionOf(client.request(get(), callContext(time.now() + 700))));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', attempts: 3 });
    expect(time.waits).toEqual([199, 399]);
    expect(server.hits).toHaveLength(3);
  });

  it('a deadline already passed sends nothing', async () => {
    const time = fakeTime();
    const { server, client, get } = await setUp([reply(200)], { now: time.now });
    const ctx = callContext(time.now());
    const ext = codeOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'DEADLINE_EXCEEDED' });
    expect(server.hits).toHaveLength(0);
    expect(ctx.recorder.summary().calls).toBe(0);
  });

  it('cuts an attempt short at the deadline instead of waiting for the headers timeout', async () => {
    const { server, client, get } = await setUp([hang], { now: Date.now });
    const ext = codeOf(await rejectionOf(client.request(get(), callContext(Date.now() + 50))));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'DEADLINE_EXCEEDED' });
    expect(server.hits).toHaveLength(1);
  });
});

describe('what is not retried', () => {
  it.each([400, 401, 403, 404, 500])(
    'HTTP %i is returned to the caller after one attempt',
    async (status) => {
      const { time, server, client, get } = await setUp([
        reply(status, '{"error":{}}'),
        reply(200),
      ]);
      const ctx = callContext();
      const res = await client.request(get(), ctx);
      expect(res.status).toBe(status);
      expect(server.hits).toHaveLength(1);
      expect(time.waits).toEqual([]);
      expect(ctx.recorder.summary().entries).toMatchObject([{ status, retries: 0 }]);
    },
  );

  it('a non-idempotent POST is not retried on 503', async () => {
    const { time, server, client, get } = await setUp([reply(503), reply(200)]);
    const post = get('/api/v1/employees', { method: 'POST', body: '{"firstName":"A"}' });
    const ext = codeOf(await rejectionOf(client.request(post, callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', attempts: 1 });
    expect(server.hits).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it('a non-idempotent POST is not retried on a reset', async () => {
    const { server, client, get } = await setUp([reset, reply(200)]);
    const post = get('/api/v1/employees', { method: 'POST', body: '{}' });
    const ext = codeOf(await rejectionOf(client.request(post, callContext())));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', attempts: 1 });
    expect(server.hits).toHaveLength(1);
  });

  it('a reading POST marked idempotent (custom report) is retried', async () => {
    const { server, client, get } = await setUp([reply(503), reply(200, '{"employees":[]}')]);
    const report = get('/api/v1/reports/custom?format=JSON', {
      method: 'POST',
      body: '{"fields":["firstName"]}',
      idempotent: true,
    });
    const res = await client.request(report, callContext());
    expect(res.status).toBe(200);
    expect(server.hits.map((hit) => hit.body)).toEqual([report.body, report.body]);
  });
});

describe('connection failures', () => {
  it('a reset (server destroys the socket) is retried', async () => {
    const { time, server, client, get } = await setUp([reset, reply(200, '{}')]);
    const ctx = callContext();
    const res = await client.request(get(), ctx);
    expect(res.status).toBe(200);
    expect(server.hits).toHaveLength(2);
    expect(time.waits).toHaveLength(1);
    expect(ctx.recorder.summary().entries).toMatchObject([{ retries: 1, status: 200 }]);
  });

  it('resets on every attempt end in UPSTREAM_UNAVAILABLE with no status', async () => {
    const { server, client, get } = await setUp([reset]);
    const ctx = callContext();
    const ext = codeOf(await rejectionOf(client.request(get(), ctx)));
    expect(ext).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', attempts: 4 });
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(ext.reason);
    expect(server.hits).toHaveLength(4);
    expect(ctx.recorder.summary().entries).toMatchObject([{ retries: 3, status: null }]);
  });

  it('a headers timeout is retried', async () => {
    const { server, client, get } = await setUp([hang, reply(200, '{}')], { headersTimeoutMs: 50 });
    const res = await client.request(get(), callContext());
    expect(res.status).toBe(200);
    expect(server.hits).toHaveLength(2);
  });

  it('a refused connection is retried, then UPSTREAM_UNAVAILABLE', async () => {
    const { server, client, get } = await setUp([reply(200)], { maxAttempts: 2 });
    await server.close();
    upstreams.open.server = undefined;
    const ext = codeOf(await rejectionOf(client.request(get(), callContext())));
    expect(ext).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'ECONNREFUSED',
      attempts: 2,
    });
  });
});
