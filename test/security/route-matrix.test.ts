/**
 * Issue 13 item 1: authentication holds for every route that executes GraphQL, by construction.
 * Every path variant of every route, with every method and content type, is sent without a token;
 * none may execute GraphQL (the document's marker alias never comes back) or answer a 5xx, and
 * only the public routes' exact paths may answer 2xx.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountId } from '../../src/core/ids.js';
import type { Route } from '../../src/server/routes/route.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const TOKEN = 'hrg_matrix-test-token';
const MARKER = 'executedMarker7f3a';
const DOCUMENT = `{ ${MARKER}: __typename accounts { id } }`;

/** A route that checks its own credential, as the OAuth connect flow does. */
const selfGoverned: Route = (request, url) =>
  request.method === 'GET' && url.pathname === '/connect/stub'
    ? new Response('a page with no data', { status: 200 })
    : null;

function server() {
  return testServer([{ id: 'acme', people: people(2) }], {
    apiTokens: { verify: async (token) => (token === TOKEN ? [accountId('acme')] : null) },
    routes: [selfGoverned],
  });
}

/** Paths answered 2xx without a token: the public routes and the self-governed stub. */
const publicPaths = new Set(['/healthz', '/', '/connect/stub']);

/** What may be a 2xx without a token: a public path, GraphiQL's page, a preflight. */
function mayAnswer(pathname: string, method: string, accept: string | null): boolean {
  if (method === 'OPTIONS' && (publicPaths.has(pathname) || pathname === '/graphql'))
    return pathname !== '/connect/stub';
  if (pathname === '/graphql')
    return (method === 'GET' || method === 'HEAD') && accept === 'text/html';
  return publicPaths.has(pathname);
}
const routes = ['/graphql', '/healthz', '/', '/connect/stub'];

function variantsOf(path: string): string[] {
  const name = path.slice(1);
  const encoded = name ? `/%${name.charCodeAt(0).toString(16)}${name.slice(1)}` : '/%2e';
  return [
    path,
    `${path}/`,
    `/${path}`,
    `//${name}/`,
    encoded,
    path.toUpperCase(),
    `/${name.charAt(0).toUpperCase()}${name.slice(1)}`,
    `${path};x`,
    `${path}%00`,
    `${path}%2F`,
    `/.${path}`,
    `/./${name}`,
    `${path}/..`,
    `${path}/.`,
    `/x${path}`,
    `/x/..${path}`,
    `/%2e%2e${path}`,
    `${path}?`,
    `${path}?x=/graphql`,
    `/nope?x=${path}`,
    `${path}#/graphql`,
  ];
}

const methods = ['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH'];
const contentTypes = [
  'application/json',
  'application/graphql-response+json',
  'application/graphql',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'text/plain',
  null,
] as const;
const accepts = ['application/graphql-response+json', 'text/html', null];

function requestFor(
  path: string,
  method: string,
  contentType: (typeof contentTypes)[number],
  accept: string | null,
  token?: string,
): [string, RequestInit] {
  const headers: Record<string, string> = {};
  if (accept) headers.accept = accept;
  if (token) headers.authorization = `Bearer ${token}`;
  const json = JSON.stringify({ query: DOCUMENT });
  if (method === 'GET' || method === 'HEAD') {
    const [before, fragment = ''] = path.split('#');
    const query = `query=${encodeURIComponent(DOCUMENT)}`;
    const url = `${before}${before?.includes('?') ? '&' : '?'}${query}${fragment && `#${fragment}`}`;
    return [`http://hrgraph.test${url}`, { method, headers }];
  }
  let body: BodyInit;
  switch (contentType) {
    case 'multipart/form-data': {
      const form = new FormData();
      form.set('operations', json);
      form.set('map', '{}');
      body = form;
      break;
    }
    case 'application/x-www-form-urlencoded':
      body = new URLSearchParams({ query: DOCUMENT }).toString();
      headers['content-type'] = contentType;
      break;
    case 'application/graphql':
      body = DOCUMENT;
      headers['content-type'] = contentType;
      break;
    case null:
      // Bytes, so that fetch adds no content type of its own.
      body = new TextEncoder().encode(json);
      break;
    default:
      body = json;
      headers['content-type'] = contentType;
  }
  return [`http://hrgraph.test${path}`, { method, headers, body }];
}

describe('issue 13 item 1: no path, method or content type runs GraphQL without a token', () => {
  test.each(routes)('every variant of %s', async (route) => {
    const { yoga, fake } = server();
    let cases = 0;
    const seen = new Map<string, number>();
    for (const variant of variantsOf(route)) {
      for (const method of methods) {
        for (const contentType of method === 'GET' || method === 'HEAD' ? [null] : contentTypes) {
          for (const accept of accepts) {
            const [url, init] = requestFor(variant, method, contentType, accept);
            const response = await yoga.fetch(url, init);
            const text = await response.text();
            const pathname = new URL(url).pathname;
            const label = `${method} ${variant} (${contentType ?? 'no type'}, ${accept ?? 'no accept'}) → ${response.status}`;
            expect(text, label).not.toContain(MARKER);
            expect(response.status, label).toBeLessThan(500);
            if (response.status < 300)
              expect(mayAnswer(pathname, method, accept), label).toBe(true);
            if (!publicPaths.has(pathname) && pathname !== '/graphql')
              expect(response.status, label).toBe(404);
            seen.set(String(response.status), (seen.get(String(response.status)) ?? 0) + 1);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
    expect(fake.calls).toEqual([]);
    // The exact /graphql path is GraphQL's: refused for want of a token, not for want of a route.
    if (route === '/graphql') expect(seen.get('401')).toBeGreaterThan(0);
  });

  test('the marker would be seen: with the token, POST and GET on /graphql execute', async () => {
    const { yoga } = server();
    for (const method of ['GET', 'POST']) {
      const [url, init] = requestFor('/graphql', method, 'application/json', null, TOKEN);
      // A GET runs only with a CSRF header (src/server/plugins/use-csrf-prevention.ts).
      const headers = { ...(init.headers as Record<string, string>), 'x-graphql-yoga-csrf': '1' };
      const response = await yoga.fetch(url, { ...init, headers });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(MARKER);
    }
  });

  test('with the token, no variant of /graphql executes either: an unknown path is a 404', async () => {
    const { yoga } = server();
    for (const variant of variantsOf('/graphql')) {
      const [url, init] = requestFor(variant, 'POST', 'application/json', null, TOKEN);
      const pathname = new URL(url).pathname;
      const response = await yoga.fetch(url, init);
      const text = await response.text();
      if (pathname === '/graphql') expect(text, variant).toContain(MARKER);
      else {
        expect(text, variant).not.toContain(MARKER);
        // `/graphql/..` is `/`, the home page, which answers GET only.
        expect([variant, response.status]).toEqual([variant, pathname === '/' ? 405 : 404]);
      }
    }
  });

  test('a known path with another method is a 405 naming its methods; OPTIONS is a 204', async () => {
    const { yoga } = server();
    const put = await yoga.fetch('http://hrgraph.test/graphql', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    const options = await yoga.fetch('http://hrgraph.test/graphql', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    const unknown = await yoga.fetch('http://hrgraph.test/graphql/', { method: 'OPTIONS' });
    expect(unknown.status).toBe(404);
  });
});

describe('issue 13 item 1 over a socket: raw request targets', () => {
  let http: Server;
  let port = 0;
  beforeAll(async () => {
    http = createServer(server().yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));

  /** Sends one request as written (no client normalises its target) and reads the reply. */
  function raw(target: string, method = 'POST'): Promise<string> {
    const body = JSON.stringify({ query: DOCUMENT });
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let reply = '';
      socket.on('data', (chunk) => {
        reply += chunk.toString('latin1');
      });
      socket.on('end', () => resolve(reply));
      socket.on('error', reject);
      socket.write(
        `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
  }

  test.each([
    '//graphql',
    '/graphql/',
    '/./graphql',
    '/x/../graphql',
    '/%67raphql',
    '/graphql%2f',
    `http://127.0.0.1/graphql`,
    'http://evil.example/graphql',
    '*',
    'graphql',
    '/graphql?x=/healthz',
  ])('%s gets no GraphQL without a token', async (target) => {
    const reply = await raw(target);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
    expect(reply).not.toContain(MARKER);
    expect([400, 401, 404]).toContain(status);
  });
});
