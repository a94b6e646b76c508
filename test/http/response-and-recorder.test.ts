import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { HttpClientOptions } from '../../src/http/index.js';
import { callContext, type Handler, rejectionOf, reply, scriptedUpstreams } from './fixtures.js';

const upstreams = scriptedUpstreams();

async function setUp(script: Handler[], options: HttpClientOptions = {}) {
  return upstreams.start(script, options);
}

describe('responses', () => {
  it('headers come back lower-cased, the body as text', async () => {
    const { server, client } = await setUp([
      reply(400, 'nope', { 'X-BambooHR-Error-Message': 'Invalid field' }),
    ]);
    const res = await client.request(
      { accountId: 'a', operation: 'bamboohr.employee', method: 'GET', url: `${server.origin}/x` },
      callContext(),
    );
    expect(res.headers['x-bamboohr-error-message']).toBe('Invalid field');
    expect(res.headers['X-BambooHR-Error-Message']).toBeUndefined();
    expect(res.text).toBe('nope');
  });

  it('malformed JSON is UPSTREAM_BAD_RESPONSE naming the operation and account, never the body', async () => {
    const { server, client } = await setUp([reply(200, '{"firstName":"Jane')]);
    const res = await client.request(
      {
        accountId: 'acct-7',
        operation: 'bamboohr.employee',
        method: 'GET',
        url: `${server.origin}/e/4`,
      },
      callContext(),
    );
    const error = (() => {
      try {
        res.json();
      } catch (thrown) {
        return thrown;
      }
      throw new Error('json() accepted a malformed body');
    })();
    expect(error).toBeInstanceOf(GraphQLError);
    const { message, extensions } = error as GraphQLError;
    expect(extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acct-7' });
    expect(message).toContain('bamboohr.employee');
    expect(message).toContain('acct-7');
    expect(JSON.stringify({ message, extensions })).not.toContain('Jane');
  });

  it('a body past maxResponseBytes is UPSTREAM_BAD_RESPONSE', async () => {
    const { server, client } = await setUp([reply(200, 'x'.repeat(1_000))], {
      maxResponseBytes: 100,
    });
    const ctx = callContext();
    const error = await rejectionOf(
      client.request(
        {
          accountId: 'a',
          operation: 'bamboohr.directory',
          method: 'GET',
          url: `${server.origin}/d`,
        },
        ctx,
      ),
    );
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(server.hits).toHaveLength(1);
    expect(ctx.recorder.summary().entries).toMatchObject([{ status: 200, retries: 0 }]);
  });

  it('errors carry account and operation, never the URL, its query, headers or body', async () => {
    const { server, client } = await setUp([reply(503)], { maxAttempts: 1 });
    const error = await rejectionOf(
      client.request(
        {
          accountId: 'acct-9',
          operation: 'bamboohr.list',
          method: 'GET',
          url: `${server.origin}/api/v1/employees?filter[lastName]=Okafor`,
          headers: { authorization: 'Basic c2VjcmV0LWtleTp4' },
        },
        callContext(),
      ),
    );
    const { message, extensions } = error as GraphQLError;
    expect(extensions).toMatchObject({ accountId: 'acct-9', operation: 'bamboohr.list' });
    const visible = JSON.stringify({ message, extensions });
    for (const secret of ['Okafor', 'c2VjcmV0', '127.0.0.1', '/api/v1']) {
      expect(visible).not.toContain(secret);
    }
  });
});

describe('upstream accounting (DESIGN: count, fields per call, retries, time)', () => {
  it('records each logical call once, with retries, fields, ids and the path without query', async () => {
    const { server, client } = await setUp([
      reply(503, '', { 'Retry-After': '2' }),
      reply(200, '{}'),
      reply(404),
    ]);
    const ctx = callContext();
    await client.request(
      {
        accountId: 'acct-1',
        operation: 'bamboohr.customReport',
        method: 'POST',
        url: `${server.origin}/api/v1/reports/custom?format=JSON&onlyCurrent=true`,
        body: '{"fields":["firstName","lastName","department"]}',
        idempotent: true,
        fields: 3,
        ids: 2,
      },
      ctx,
    );
    await client.request(
      {
        accountId: 'acct-1',
        operation: 'bamboohr.employee',
        method: 'GET',
        url: `${server.origin}/api/v1/employees/9?fields=x`,
      },
      ctx,
    );
    const summary = ctx.recorder.summary();
    expect(server.hits).toHaveLength(3);
    expect(summary).toMatchObject({ calls: 2, retries: 1, durationMs: 2000 });
    expect(summary.entries).toEqual([
      {
        accountId: 'acct-1',
        operation: 'bamboohr.customReport',
        method: 'POST',
        path: '/api/v1/reports/custom',
        fields: 3,
        ids: 2,
        status: 200,
        retries: 1,
        durationMs: 2000,
        startedAtMs: expect.any(Number),
      },
      {
        accountId: 'acct-1',
        operation: 'bamboohr.employee',
        method: 'GET',
        path: '/api/v1/employees/9',
        fields: 0,
        ids: 0,
        status: 404,
        retries: 0,
        durationMs: 0,
        startedAtMs: expect.any(Number),
      },
    ]);
  });

  it('records a call that failed after its retries', async () => {
    const { server, client } = await setUp([reply(502)], { maxAttempts: 3 });
    const ctx = callContext();
    await rejectionOf(
      client.request(
        {
          accountId: 'a',
          operation: 'bamboohr.directory',
          method: 'GET',
          url: `${server.origin}/d?q=1`,
        },
        ctx,
      ),
    );
    expect(ctx.recorder.summary()).toMatchObject({
      calls: 1,
      retries: 2,
      entries: [{ path: '/d', status: 502, retries: 2 }],
    });
  });
});
