import { getIntrospectionQuery } from 'graphql';
import { describe, expect, test } from 'vitest';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { createFakeLoaders } from '../support/fake-hr-loaders.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const accounts = [{ id: 'acme', people: people(2) }];

describe('the hrgraph server', () => {
  test('GraphiQL: GET /graphql with Accept: text/html is 200 and titled hrgraph', async () => {
    const { yoga } = testServer(accounts);
    const response = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>hrgraph</title>');
    expect(html).toContain('Directory');
  });

  test('GraphiQL can be turned off', async () => {
    const { yoga } = testServer(accounts, { graphiql: false });
    const response = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).not.toBe(200);
  });

  test('GET /healthz is 200', async () => {
    const { yoga } = testServer(accounts);
    expect((await yoga.fetch('http://yoga/healthz')).status).toBe(200);
  });

  test('extensions.upstream: present with x-hrgraph-upstream: 1, absent without it in production', async () => {
    const { query } = testServer(accounts, { development: false });
    const doc = '{ employees { nodes { firstName } } }';
    const withHeader = await query(doc, {}, { 'x-hrgraph-upstream': '1' });
    expect(withHeader.body.extensions?.upstream).toMatchObject({
      calls: 1,
      retries: 0,
      entries: [{ accountId: 'acme', operation: 'fake.list', path: '/employees', fields: 1 }],
    });
    const without = await query(doc);
    expect(without.body.extensions?.upstream).toBeUndefined();
    expect(without.body.data).toEqual(withHeader.body.data);
  });

  test('extensions.upstream: present without the header in development mode', async () => {
    const { query } = testServer(accounts, { development: true });
    const { body } = await query('{ accounts { id } }');
    expect(body.extensions?.upstream).toEqual({ calls: 0, retries: 0, durationMs: 0, entries: [] });
  });

  test('an unexpected error is masked; an hrgraph error passes with its code', async () => {
    const fake = createFakeLoaders(accounts);
    const yoga = createHrGraphServer({
      adapters: fake.adapters,
      logging: false,
      development: false,
      createLoaders: (init) => ({
        ...fake.create(init),
        company: async () => {
          throw new Error('db password is hunter2');
        },
      }),
    });
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ accounts { company { displayName } } employees(first: -1) { nodes { id } } }',
      }),
    });
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    const body = JSON.parse(text);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'Unexpected error.', path: ['accounts', 0, 'company'] }),
        expect.objectContaining({
          path: ['employees'],
          extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
        }),
      ]),
    );
  });

  test('documents deeper than the limit are refused before anything runs', async () => {
    const { query, fake } = testServer(accounts, { operationLimits: { maxDepth: 5 } });
    const deep = '{ employees { nodes { manager { manager { manager { firstName } } } } } }';
    const { body } = await query(deep);
    expect(body.errors?.[0]?.message).toMatch(/6 levels deep; at most 5/);
    expect(body.data).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });

  test('documents with more aliases than the limit are refused', async () => {
    const { query } = testServer(accounts, { operationLimits: { maxAliases: 2 } });
    const { body } = await query('{ a: accounts { id } b: accounts { id } c: accounts { id } }');
    expect(body.errors?.[0]?.message).toMatch(/3 aliases; at most 2/);
  });

  test("GraphiQL's introspection query passes the depth limit", async () => {
    const { query } = testServer(accounts, { operationLimits: { maxDepth: 3 } });
    const { body } = await query(getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
  });

  test('federation: _service { sdl } returns the subgraph SDL', async () => {
    const { query } = testServer(accounts);
    const { body } = await query('{ _service { sdl } }');
    expect((body.data!._service as { sdl: string }).sdl).toContain('type Employee implements Node');
  });
});
