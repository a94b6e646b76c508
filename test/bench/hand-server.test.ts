/**
 * The hand-written server is the baseline, but it is still a server: bad input gets a 400 with
 * `extensions.code` BAD_USER_INPUT (as hrgraph answers it) and a message naming the input, never
 * a 500, and no BambooHR call is made for a request it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandServer } from '../../bench/baselines/hand-server/server.js';
import { startLocalHandServer } from '../../bench/hosts/hand-host.js';
import { type LocalSandbox, startLocalSandbox } from '../../bench/hosts/sandbox-host.js';
import { ACCOUNT } from '../../bench/scenarios/types.js';

let sandbox: LocalSandbox;
let server: HandServer;

beforeAll(async () => {
  sandbox = await startLocalSandbox({ people: 10, customFields: 0, latencyMs: 0 });
  server = await startLocalHandServer(sandbox);
});

afterAll(async () => {
  await server?.close();
  await sandbox?.close();
});

async function post(endpoint: string, body: string) {
  const response = await fetch(`${server.url}/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refused = (message: RegExp) => ({
  data: null,
  errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } }],
});

describe('the hand-written server refuses bad input as hrgraph does', () => {
  it.each([
    ['a body that is not JSON', 'directory', '{"variables":', /JSON object/],
    [
      'another account',
      'directory',
      JSON.stringify({ variables: { account: 'x', first: 1 } }),
      /account/,
    ],
    [
      'a page size out of bounds',
      'directory',
      JSON.stringify({ variables: { account: ACCOUNT, first: 0 } }),
      /first/,
    ],
    [
      'a forged cursor',
      'walk',
      JSON.stringify({ variables: { account: ACCOUNT, first: 1, after: 'abc.def' } }),
      /cursor/,
    ],
    [
      'an ID that is not one',
      'lookups',
      JSON.stringify({ variables: { ids: ['nope'], names: [] } }),
      /ID/,
    ],
    [
      'an entity of another type',
      'entities',
      JSON.stringify({
        variables: { representations: [{ __typename: 'Device', id: '1' }], names: [] },
      }),
      /Employee/,
    ],
  ])(
    '%s is BAD_USER_INPUT with status 400, and calls nothing',
    async (_, endpoint, body, message) => {
      const before = sandbox.requestCount();
      const reply = await post(endpoint, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual(refused(message));
      expect(sandbox.requestCount()).toBe(before);
    },
  );

  it('a path that is no endpoint is 404', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });

  it('a good request is answered, its cursor accepted on the next page', async () => {
    const first = await post('walk', JSON.stringify({ variables: { account: ACCOUNT, first: 2 } }));
    expect(first.status).toBe(200);
    const employees = (first.body.data as { employees: { pageInfo: { endCursor: string } } })
      .employees;
    const next = await post(
      'walk',
      JSON.stringify({
        variables: { account: ACCOUNT, first: 2, after: employees.pageInfo.endCursor },
      }),
    );
    expect(next.status).toBe(200);
  });
});
