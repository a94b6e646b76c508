/**
 * Issue 13 item 9 and issue 12 item 6: GraphiQL's 9 MB page went out uncompressed, uncached and
 * naming an account to anyone. It is public and static, so: compressed once, revalidated by ETag,
 * naming no account, and `serve --no-graphiql` turns it off.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import { accountId } from '../../src/core/ids.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const accounts = [
  { id: 'tenant-alpha', people: people(2) },
  { id: 'tenant-bravo', people: people(2) },
];

function page(server: ReturnType<typeof testServer>['yoga'], headers: Record<string, string> = {}) {
  return server.fetch('http://hrgraph.test/graphql', {
    headers: { accept: 'text/html', ...headers },
  });
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('GraphiQL page', () => {
  test('names no account, even with several connected and no token asked for', async () => {
    const { yoga } = testServer(accounts);
    const html = await (await page(yoga)).text();
    // Booleans, not toContain: a failure would print all 9 MB.
    expect(html.includes('<title>hrgraph</title>')).toBe(true);
    expect(html.includes('query Directory($account: ID')).toBe(true);
    expect(html.includes('tenant-alpha')).toBe(false);
    expect(html.includes('tenant-bravo')).toBe(false);
  });

  test('names the example account it is given (demo mode)', async () => {
    const { yoga } = testServer(accounts, { graphiql: { exampleAccount: 'tenant-bravo' } });
    const html = await (await page(yoga)).text();
    expect(html.includes('tenant-bravo')).toBe(true);
    expect(html.includes('tenant-alpha')).toBe(false);
  });

  test('brotli or gzip, as accepted, each compressed once to a third of the page or less', async () => {
    const { yoga } = testServer(accounts);
    const plain = await bytes(await page(yoga, { 'accept-encoding': 'identity' }));
    expect(plain.length).toBeGreaterThan(5_000_000);
    const cases = [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.5, gzip', 'gzip', gunzipSync],
    ] as const;
    for (const [accept, encoding, decode] of cases) {
      const response = await page(yoga, { 'accept-encoding': accept });
      expect(response.headers.get('content-encoding'), accept).toBe(encoding);
      expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
      const body = await bytes(response);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.length * 3, accept).toBeLessThan(plain.length);
      expect(decode(body).equals(plain), accept).toBe(true);
    }
  });

  test('a strong ETag per encoding; a revalidation is a 304 without a body', async () => {
    const { yoga } = testServer(accounts);
    const first = await page(yoga, { 'accept-encoding': 'gzip' });
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+-gzip"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await page(yoga, { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await bytes(again)).length).toBe(0);
    // Another encoding is another representation: its tag differs, so the gzip one is stale.
    const plain = await page(yoga, { 'if-none-match': etag! });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).toBe(etag!.replace('-gzip', ''));
  });

  test('HEAD answers like GET; a query by GET without text/html is still GraphQL behind the token', async () => {
    const { yoga } = testServer(accounts, {
      apiTokens: { verify: async () => [accountId('tenant-alpha')] },
    });
    const head = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'HEAD',
      headers: { accept: 'text/html' },
    });
    expect(head.status).toBe(200);
    const query = await yoga.fetch('http://hrgraph.test/graphql?query=%7B__typename%7D', {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(query.status).toBe(401);
  });

  test('serve --no-graphiql: no page, and the banner says so', async () => {
    let banner = '';
    const served = await runServe({
      demo: true,
      demoSize: 10,
      port: 0,
      graphiql: false,
      handleSignals: false,
      write: (text) => {
        banner += text;
      },
    });
    try {
      const response = await fetch(served.url, { headers: { accept: 'text/html' } });
      expect(response.status).not.toBe(200);
      expect((await response.text()).includes('<html')).toBe(false);
      expect(banner).toContain('GraphiQL: off');
    } finally {
      await served.stop();
    }
  });
});

describe('issue 12 item 6: / points to /graphql', () => {
  test('a small public page linking /graphql, holding nothing of the accounts', async () => {
    const { yoga } = testServer(accounts, {
      apiTokens: { verify: async () => null },
    });
    const response = await yoga.fetch('http://hrgraph.test/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<a href="/graphql">/graphql</a>');
    expect(html.length).toBeLessThan(1000);
    expect(html).not.toContain('tenant-');
  });

  test('without GraphiQL it names /graphql without a link to a page', async () => {
    const { yoga } = testServer(accounts, { graphiql: false });
    const html = await (await yoga.fetch('http://hrgraph.test/')).text();
    expect(html).toContain('<code>/graphql</code>');
  });
});
