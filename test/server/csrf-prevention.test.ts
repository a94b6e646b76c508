/**
 * Issue 12 follow-up: CSRF prevention. A page on another site can make a browser send a GET, or a
 * POST with a form-encoded, multipart or text/plain body, without a CORS preflight; the page
 * cannot read the answer, but the query would run. Such a request is refused before it is parsed,
 * FORBIDDEN with status 403, and nothing runs; GraphiQL's requests, JSON clients and a GET that
 * carries one of the CSRF headers work as before. Served as demo mode serves: no token asked for.
 */
import { describe, expect, test } from 'vitest';
import { defaultCsrfHeaders } from '../../src/server/plugins/use-csrf-prevention.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const accounts = [{ id: 'acme', people: people(3) }];
const DOCUMENT = '{ employees(account: "acme", first: 2) { nodes { id firstName } } }';
const url = 'http://hrgraph.test/graphql';
const getUrl = `${url}?query=${encodeURIComponent(DOCUMENT)}`;
/** What GraphiQL's fetcher (@graphiql/toolkit, as yoga renders it) sends. */
const graphiqlHeaders = {
  accept: 'application/graphql-response+json, application/json, multipart/mixed',
  'content-type': 'application/json',
};
const crossSite = { origin: 'https://evil.example' };

interface Body {
  data?: { employees?: { nodes: unknown[] } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function send(init: RequestInit & { url?: string }) {
  const { yoga, fake } = testServer(accounts);
  const response = await yoga.fetch(init.url ?? url, init);
  const body = (await response.json()) as Body;
  return { status: response.status, body, calls: fake.calls };
}

function expectRefused(answer: Awaited<ReturnType<typeof send>>) {
  expect(answer.status).toBe(403);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(answer.body.errors?.[0]?.message).toContain('content-type: application/json');
  // Refused before parsing: no loader was asked for anything.
  expect(answer.calls).toEqual([]);
}

describe('CSRF: a request any web page could send is refused, coded, and runs nothing', () => {
  test('a form-encoded POST (an HTML form on another site) is FORBIDDEN, 403', async () => {
    expectRefused(
      await send({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...crossSite },
        body: new URLSearchParams({ query: DOCUMENT }).toString(),
      }),
    );
  });

  test('a text/plain POST holding JSON (fetch with no-cors) is FORBIDDEN, 403', async () => {
    expectRefused(
      await send({
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...crossSite },
        body: JSON.stringify({ query: DOCUMENT }),
      }),
    );
  });

  test('a GET without a CSRF header (an <img> or a link) is FORBIDDEN, 403', async () => {
    expectRefused(
      await send({ url: getUrl, headers: { accept: 'application/json', ...crossSite } }),
    );
  });

  test('a POST with no content type at all is FORBIDDEN, 403', async () => {
    expectRefused(
      await send({
        method: 'POST',
        body: new TextEncoder().encode(JSON.stringify({ query: DOCUMENT })),
      }),
    );
  });
});

describe('CSRF: requests only a client that can set headers sends still run', () => {
  test("GraphiQL's request (POST, content-type application/json) answers with data", async () => {
    const answer = await send({
      method: 'POST',
      headers: graphiqlHeaders,
      body: JSON.stringify({ query: DOCUMENT }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.employees?.nodes).toHaveLength(2);
  });

  test('a JSON POST with a charset, as curl or any client sends it, answers with data', async () => {
    const answer = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: DOCUMENT }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.employees?.nodes).toHaveLength(2);
  });

  test.each(defaultCsrfHeaders)('a GET with the %s header answers with data', async (header) => {
    const answer = await send({
      url: getUrl,
      headers: { accept: 'application/json', [header]: 'true' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.employees?.nodes).toHaveLength(2);
  });

  test('createHrGraphServer({ csrfHeaders }) replaces the headers that let a GET through', async () => {
    const { yoga } = testServer(accounts, { csrfHeaders: ['x-requested-with'] });
    const own = await yoga.fetch(getUrl, { headers: { 'x-requested-with': 'app' } });
    expect(own.status).toBe(200);
    const yogas = await yoga.fetch(getUrl, { headers: { 'x-graphql-yoga-csrf': 'true' } });
    expect(yogas.status).toBe(403);
  });
});
