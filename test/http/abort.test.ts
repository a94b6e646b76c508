import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { realSleep } from '../../src/http/abort.js';
import { createHttpClient, type UpstreamRequest } from '../../src/http/index.js';
import {
  callContext,
  fakeTime,
  hang,
  rejectionOf,
  reply,
  scriptedUpstreams,
  startServer,
  type TestServer,
} from './fixtures.js';

const { open } = scriptedUpstreams();

function get(server: TestServer): UpstreamRequest {
  return {
    accountId: 'a',
    operation: 'bamboohr.directory',
    method: 'GET',
    url: `${server.origin}/d`,
  };
}

function expectAbortError(error: unknown) {
  expect(error).not.toBeInstanceOf(GraphQLError);
  expect((error as Error).name).toBe('AbortError');
}

describe('abort propagates from ctx.signal', () => {
  it('while waiting for the response headers', async () => {
    const ctx = callContext();
    open.server = await startServer((res, req) => {
      hang(res, req);
      ctx.controller.abort();
    });
    open.client = createHttpClient();
    expectAbortError(await rejectionOf(open.client.request(get(open.server), ctx)));
    expect(ctx.recorder.summary().entries).toMatchObject([{ status: null, retries: 0 }]);
  });

  it('while reading the body', async () => {
    const ctx = callContext();
    open.server = await startServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"employees":[', () => ctx.controller.abort());
    });
    open.client = createHttpClient();
    expectAbortError(await rejectionOf(open.client.request(get(open.server), ctx)));
  });

  it('while backing off, without another attempt', async () => {
    const ctx = callContext();
    const time = fakeTime();
    open.server = await startServer(reply(503), reply(200));
    open.client = createHttpClient({
      now: time.now,
      async sleep(ms, signal) {
        await time.sleep(ms, signal);
        ctx.controller.abort();
      },
    });
    expectAbortError(await rejectionOf(open.client.request(get(open.server), ctx)));
    expect(open.server.hits).toHaveLength(1);
  });

  it('an already-aborted signal sends and records nothing', async () => {
    const ctx = callContext();
    ctx.controller.abort();
    open.server = await startServer(reply(200));
    open.client = createHttpClient();
    expectAbortError(await rejectionOf(open.client.request(get(open.server), ctx)));
    expect(open.server.hits).toHaveLength(0);
    expect(ctx.recorder.summary().calls).toBe(0);
  });

  it('a custom abort reason becomes the cause of an AbortError', async () => {
    const ctx = callContext();
    const reason = new Error('client went away');
    ctx.controller.abort(reason);
    open.server = await startServer(reply(200));
    open.client = createHttpClient();
    const error = await rejectionOf(open.client.request(get(open.server), ctx));
    expectAbortError(error);
    expect((error as Error).cause).toBe(reason);
  });

  it('the default sleep ends as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = realSleep(3_600_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
