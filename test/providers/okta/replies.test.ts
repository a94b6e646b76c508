/**
 * What an Okta reply must look like before it becomes data: well-formed JSON of the wrong shape
 * and a next link without a cursor are UPSTREAM_BAD_RESPONSE, never an empty or a last page; and
 * the filtered id reads stay within a URL length front ends accept. Read through hrgraph's
 * loaders, which check every record's id for every provider, over a scripted upstream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../src/core/ids.js';
import { createHttpClient } from '../../../src/http/index.js';
import { createLoaders, createLookupCache, createWalkMemory } from '../../../src/loaders/index.js';
import { createOktaAdapter } from '../../../src/providers/okta/index.js';
import { IDS_PER_CALL } from '../../../src/providers/okta/user-reads.js';
import { callContext, reply, startServer, type TestServer } from '../../http/fixtures.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const account = accountId('okta');

function adapterFor(origin: string) {
  return createOktaAdapter({
    accountId: account,
    company: 'acme.okta.com',
    baseUrl: origin,
    http: createHttpClient(),
    credentials: { kind: 'apiKey', apiKey: '00secret' },
  });
}

function loadersFor(origin: string) {
  const adapter = adapterFor(origin);
  const { signal, recorder } = callContext();
  const loaders = createLoaders({
    adapters: [adapter],
    signal,
    recorder,
    lookupCache: createLookupCache(),
    walks: createWalkMemory(),
  });
  return { adapter, loaders };
}

const firstPage = (origin: string) =>
  loadersFor(origin).loaders.listEmployees(account, {
    filter: {},
    order: [],
    direction: 'forward',
    limit: 10,
    native: null,
    fields: { unified: ['firstName', 'lastName', 'workEmail', 'jobTitle', 'manager'], raw: [] },
  });

describe('replies of the wrong shape', () => {
  it.each([
    ['an object where a list of users belongs', '{"users": []}'],
    ['a user without an id', '[{"profile": {}}]'],
    ['a user whose id is not an Okta id', '[{"id": "jane@acme.com", "profile": {}}]'],
    ['a profile that is not an object', '[{"id": "00u1", "profile": "x"}]'],
  ])('%s is UPSTREAM_BAD_RESPONSE', async (_name, body) => {
    server = await startServer(reply(200, body));
    await expect(firstPage(server.origin)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    });
  });

  it('a next link without an after cursor is UPSTREAM_BAD_RESPONSE, not the last page', async () => {
    server = await startServer(
      reply(200, '[{"id": "00u1", "profile": {"firstName": "A"}}]', {
        link: '<http://x/api/v1/users?limit=10>; rel="next"',
      }),
    );
    await expect(firstPage(server.origin)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    });
  });

  it('the API token goes preemptively as SSWS, and never into an error', async () => {
    server = await startServer(reply(403, '{"errorCode":"E0000006"}'));
    const error = await firstPage(server.origin).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'UPSTREAM_AUTH_FAILED' } });
    expect(JSON.stringify(error)).not.toContain('00secret');
    expect(server.hits).toHaveLength(1);
  });
});

describe('id reads', () => {
  it(`${IDS_PER_CALL} ids with every field projected keep the request line under 8 KB`, async () => {
    server = await startServer(reply(200, '[]'));
    const { adapter, loaders } = loadersFor(server.origin);
    const ids = Array.from({ length: IDS_PER_CALL }, (_, i) => `00u${String(i).padStart(17, 'x')}`);
    await loaders.prefetchEmployees(
      ids.map((id) => ({ accountId: account, remoteId: remoteId(id) })),
      { unified: [...adapter.capabilities.employeeFields], raw: [] },
    );
    // One users read (and the groups read that departments need).
    const reads = server.hits.filter((hit) => hit.url.startsWith('/api/v1/users'));
    expect(reads).toHaveLength(1);
    const line = `GET ${reads[0]!.url} HTTP/1.1`;
    expect(line.length).toBeLessThan(8_000);
    expect(new URL(reads[0]!.url, server.origin).searchParams.get('filter')).toContain(
      `id eq "${ids[99]}"`,
    );
  });

  it('ids that are not Okta ids never reach a filter expression', async () => {
    server = await startServer(reply(200, '[]'));
    const { loaders } = loadersFor(server.origin);
    const found = await loaders.prefetchEmployees(
      ['x" or id pr or id eq "y', 'jane@acme.com'].map((id) => ({
        accountId: account,
        remoteId: remoteId(id),
      })),
      { unified: ['firstName'], raw: [] },
    );
    expect(found).toHaveLength(0);
    expect(server.hits).toHaveLength(0);
  });

  it('ids that are not Okta ids in a list filter match nobody, with no call', async () => {
    server = await startServer(reply(200, '[]'));
    const { adapter } = loadersFor(server.origin);
    const bad = ['x" or id pr or id eq "y', 'jane@acme.com'].map(remoteId);
    for (const filter of [{ ids: bad }, { managers: bad }]) {
      const page = await adapter.employees.list.run(
        {
          filter,
          order: [],
          page: { direction: 'forward', limit: 10, native: null },
          keys: ['firstName'],
          lookups: { get: () => expect.unreachable('no lookup is needed') },
        },
        callContext(),
      );
      expect(page.records).toEqual([]);
    }
    expect(server.hits).toHaveLength(0);
  });
});

describe('the groups walk', () => {
  it('a next link that names the page just read is UPSTREAM_BAD_RESPONSE after two calls, not a thousand', async () => {
    server = await startServer(
      reply(200, '[{"id": "00g1", "profile": {"name": "Sales"}}]', {
        link: '<http://x/api/v1/groups?after=00g1&limit=10000>; rel="next"',
      }),
    );
    const { loaders } = loadersFor(server.origin);
    await expect(loaders.groups(account)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', operation: 'okta.listGroups' },
    });
    expect(server.hits).toHaveLength(2);
  });
});
