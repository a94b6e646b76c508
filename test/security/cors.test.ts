/**
 * Issue 13 item 9: CORS echoed any Origin with credentials. Origins are now an allow-list, empty
 * by default; demo mode allows its own loopback origins.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runServe, type ServeHandle } from '../../src/cli/serve.js';
import { parseOrigins } from '../../src/server/plugins/use-cors-allow-list.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const APP = 'https://app.example.com';
const ADMIN = 'https://admin.example.com';
const EVIL = 'https://evil.example';
const accounts = [{ id: 'acme', people: people(2) }];

type Fetcher = { fetch(url: string, init: RequestInit): Response | Promise<Response> };

function preflight(server: Fetcher, origin: string, url = 'http://hrgraph.test/graphql') {
  return server.fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

function post(server: Fetcher, origin: string, url = 'http://hrgraph.test/graphql') {
  return server.fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

function corsHeaders(response: Response) {
  return Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith('access-control-')),
  );
}

describe('issue 13 item 9: CORS allows listed origins only, never with credentials', () => {
  test('by default no origin is allowed: preflights and responses carry no CORS header', async () => {
    const { yoga } = testServer(accounts);
    for (const origin of [EVIL, APP, 'null']) {
      const answer = await preflight(yoga, origin);
      expect(answer.status).toBe(204);
      expect(corsHeaders(answer)).toEqual({});
      expect(corsHeaders(await post(yoga, origin))).toEqual({});
    }
  });

  test.each([[[APP]], [[APP, ADMIN]]])(
    'a listed origin is allowed, without credentials (allow-list %j)',
    async (origins) => {
      const { yoga } = testServer(accounts, { corsOrigins: origins });
      const answer = await preflight(yoga, APP);
      expect(answer.status).toBe(204);
      expect(corsHeaders(answer)).toEqual({
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      expect(answer.headers.get('vary')).toContain('Origin');
      const response = await post(yoga, APP);
      expect(response.status).toBe(200);
      expect(corsHeaders(response)).toMatchObject({ 'access-control-allow-origin': APP });
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toContain('Origin');
    },
  );

  test.each([[[APP]], [[APP, ADMIN]]])(
    'an unlisted origin gets no CORS header, not even `null` (allow-list %j)',
    async (origins) => {
      const { yoga } = testServer(accounts, { corsOrigins: origins });
      for (const origin of [EVIL, 'null', `${APP}.evil.example`, 'http://app.example.com']) {
        expect(corsHeaders(await preflight(yoga, origin)), origin).toEqual({});
        expect(corsHeaders(await post(yoga, origin)), origin).toEqual({});
      }
    },
  );

  test('an unknown path stays a 404 for a preflight too', async () => {
    const { yoga } = testServer(accounts, { corsOrigins: [APP] });
    expect((await preflight(yoga, APP, 'http://hrgraph.test/graphql/')).status).toBe(404);
  });

  test('configured origins are checked: scheme, host and port only', () => {
    expect(parseOrigins(['https://app.example.com/', 'http://localhost:3000'])).toEqual([
      'https://app.example.com',
      'http://localhost:3000',
    ]);
    for (const bad of ['*', 'null', 'app.example.com', 'https://app.example.com/x', 'ftp://x.y'])
      expect(() => parseOrigins([bad]), bad).toThrow(/not an origin/);
  });
});

describe('hrgraph serve: --cors-origin, and demo mode allows its own loopback origins', () => {
  let served: ServeHandle;
  let port = '';
  beforeAll(async () => {
    served = await runServe({
      demo: true,
      demoSize: 10,
      port: 0,
      handleSignals: false,
      corsOrigins: [APP],
      write: () => {},
    });
    port = new URL(served.url).port;
  });
  afterAll(() => served?.stop());

  const over = { fetch: (url: string, init: RequestInit) => fetch(url, init) };

  test.each(['127.0.0.1', 'localhost', '[::1]'])('http://%s:<port> is allowed', async (host) => {
    const origin = `http://${host}:${port}`;
    const answer = await preflight(over, origin, served.url);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
  });

  test('a configured origin is allowed; another port or origin is not', async () => {
    expect(
      (await preflight(over, APP, served.url)).headers.get('access-control-allow-origin'),
    ).toBe(APP);
    for (const origin of [EVIL, `http://127.0.0.1:${Number(port) + 1}`]) {
      const answer = await preflight(over, origin, served.url);
      expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  test('a configured origin that is not one is a start-up error', async () => {
    await expect(
      runServe({ demo: true, port: 0, handleSignals: false, corsOrigins: ['*'], write: () => {} }),
    ).rejects.toThrow(/not an origin/);
  });
});
