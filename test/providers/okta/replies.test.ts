/**
 * What an Okta reply must look like before it becomes data: well-formed JSON of the wrong shape
 * and a next link without a cursor are UPSTREAM_BAD_RESPONSE, never an empty or a last page; and
 * the filtered id reads stay within a URL length front ends accept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EmployeeListQuery } from '../../../src/core/contract/index.js';
import { accountId } from '../../../src/core/ids.js';
import { createHttpClient } from '../../../src/http/index.js';
import { createOktaAdapter } from '../../../src/providers/okta/index.js';
import { IDS_PER_CALL } from '../../../src/providers/okta/user-reads.js';
import { callContext, reply, startServer, type TestServer } from '../../http/fixtures.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const query: EmployeeListQuery = {
  filter: {},
  order: [],
  page: { direction: 'forward', limit: 10, native: null },
  fields: { unified: ['firstName', 'lastName', 'workEmail', 'jobTitle', 'manager'], raw: [] },
};

function adapterFor(origin: string) {
  return createOktaAdapter({
    accountId: accountId('okta'),
    company: 'acme.okta.com',
    baseUrl: origin,
    http: createHttpClient(),
    credentials: { kind: 'apiKey', apiKey: '00secret' },
  });
}

describe('replies of the wrong shape', () => {
  it.each([
    ['an object where a list of users belongs', '{"users": []}'],
    ['a user without an id', '[{"profile": {}}]'],
    ['a profile that is not an object', '[{"id": "00u1", "profile": "x"}]'],
  ])('%s is UPSTREAM_BAD_RESPONSE', async (_name, body) => {
    server = await startServer(reply(200, body));
    const session = adapterFor(server.origin).session(callContext());
    await expect(session.listEmployees(query)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    });
  });

  it('a next link without an after cursor is UPSTREAM_BAD_RESPONSE, not the last page', async () => {
    server = await startServer(
      reply(200, '[{"id": "00u1", "profile": {"firstName": "A"}}]', {
        link: '<http://x/api/v1/users?limit=10>; rel="next"',
      }),
    );
    const session = adapterFor(server.origin).session(callContext());
    await expect(session.listEmployees(query)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    });
  });

  it('the API token goes preemptively as SSWS, and never into an error', async () => {
    server = await startServer(reply(403, '{"errorCode":"E0000006"}'));
    const session = adapterFor(server.origin).session(callContext());
    const error = await session.listEmployees(query).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'UPSTREAM_AUTH_FAILED' } });
    expect(JSON.stringify(error)).not.toContain('00secret');
    expect(server.hits).toHaveLength(1);
  });
});

describe('id reads', () => {
  it(`${IDS_PER_CALL} ids with every field projected keep the request line under 8 KB`, async () => {
    server = await startServer(reply(200, '[]'));
    const session = adapterFor(server.origin).session(callContext());
    const ids = Array.from({ length: IDS_PER_CALL }, (_, i) => `00u${String(i).padStart(17, 'x')}`);
    await session.loadEmployees([
      {
        ids: ids as never,
        fields: { unified: [...adapterFor(server.origin).capabilities.employeeFields], raw: [] },
      },
    ]);
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
    const session = adapterFor(server.origin).session(callContext());
    const found = await session.loadEmployees([
      {
        ids: ['x" or id pr or id eq "y', 'jane@acme.com'] as never,
        fields: { unified: ['firstName'], raw: [] },
      },
    ]);
    expect(found.size).toBe(0);
    expect(server.hits).toHaveLength(0);
  });
});
