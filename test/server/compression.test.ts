/**
 * Issue 12 item 6: responses are compressed when the client accepts it (gzip, deflate), and a
 * stream still streams.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { people, testServer } from '../support/hrgraph-test-server.js';

const accounts = [{ id: 'acme', people: people(200, (i) => ({ jobTitle: `Title ${i}` })) }];
const DIRECTORY = '{ employees(first: 200) { nodes { id firstName lastName jobTitle } } }';

function post(
  server: ReturnType<typeof testServer>['yoga'],
  query: string,
  headers: Record<string, string>,
) {
  return server.fetch('http://hrgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('response compression', () => {
  test('a GraphQL response is gzipped when accepted, and says it varies by Accept-Encoding', async () => {
    const { yoga } = testServer(accounts);
    const plain = await (await post(yoga, DIRECTORY, {})).text();
    const response = await post(yoga, DIRECTORY, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length * 4).toBeLessThan(plain.length);
    expect(gunzipSync(body).toString()).toBe(plain);
  });

  test.each([
    ['', 'nothing accepted'],
    ['identity', 'identity only'],
    ['gzip;q=0, deflate;q=0', 'gzip and deflate refused'],
    ['br', 'brotli only: too costly to make per response'],
  ])('not compressed for "%s" (%s)', async (accept) => {
    const { yoga } = testServer(accounts);
    const response = await post(yoga, DIRECTORY, accept ? { 'accept-encoding': accept } : {});
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(await response.text()).data.employees.nodes).toHaveLength(200);
  });

  test('deflate when it is the one accepted', async () => {
    const { yoga } = testServer(accounts);
    const response = await post(yoga, DIRECTORY, { 'accept-encoding': 'gzip;q=0.1, deflate' });
    expect(response.headers.get('content-encoding')).toBe('deflate');
  });

  test('a small response goes out as it is', async () => {
    const { yoga } = testServer(accounts);
    const response = await post(yoga, '{ __typename }', { 'accept-encoding': 'gzip' });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  test('server-sent events are never compressed, so each event leaves when it is ready', async () => {
    const { yoga } = testServer(accounts);
    const response = await post(yoga, DIRECTORY, {
      accept: 'text/event-stream',
      'accept-encoding': 'gzip',
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // yoga marks its streams `none`, so that proxies leave them alone too.
    expect(response.headers.get('content-encoding')).toBe('none');
    const text = await response.text();
    expect(text).toContain('event: next');
    expect(text).toContain('Title 199');
  });

  test('the health check and the 404 answer compressed-or-not without error', async () => {
    const { yoga } = testServer(accounts);
    const health = await yoga.fetch('http://hrgraph.test/healthz', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(health.status).toBe(200);
    const missing = await yoga.fetch('http://hrgraph.test/nope', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(missing.status).toBe(404);
  });
});
