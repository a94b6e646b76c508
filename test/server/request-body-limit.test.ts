/**
 * Issue 16, the HTTP path: the body bound yoga enforced by piping every body through a stream now
 * refuses a too-long Content-Length up front and counts only a body without one, with yoga's
 * codes. Over node:http on an ephemeral loopback port, as a client sends them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { testServer } from '../support/hrgraph-test-server.js';

const maxBytes = 200;
let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function listen(): Promise<string> {
  const { yoga } = testServer([{ id: 'acme', people: [] }], { maxRequestBodyBytes: maxBytes });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A JSON body of about `size` bytes: `{ __typename }` padded with spaces. */
function bodyOf(size: number): string {
  const query = `{ __typename ${' '.repeat(Math.max(0, size - 40))}}`;
  return JSON.stringify({ query });
}

async function post(url: string, body: string, chunked: boolean) {
  const reply = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A stream has no length: undici sends it chunked, with no Content-Length.
    body: chunked ? Readable.from([body.slice(0, 50), body.slice(50)]) : body,
  });
  return { status: reply.statusCode, body: (await reply.body.json()) as Record<string, unknown> };
}

describe('request body limit', () => {
  test('a Content-Length over the limit is REQUEST_ENTITY_TOO_LARGE, 413, before the body is read', async () => {
    const reply = await post(await listen(), bodyOf(maxBytes + 50), false);
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({
      errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
    });
  });

  test('a chunked body (no Content-Length) is counted: over the limit is a 413', async () => {
    const reply = await post(await listen(), bodyOf(maxBytes + 50), true);
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({
      errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
    });
  });

  test('bodies within the limit are answered, with or without a Content-Length', async () => {
    const url = await listen();
    for (const chunked of [false, true]) {
      const reply = await post(url, bodyOf(maxBytes - 10), chunked);
      expect(reply, chunked ? 'chunked' : 'with length').toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    }
  });
});
