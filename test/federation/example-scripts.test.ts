/**
 * The example scripts a user runs (examples/gateway/compose.ts, the gateway's and the inventory's
 * start-up): a service that is down or answers something else stops them with one line naming
 * it, its URL and what to do, and exit code 1; never a stack trace.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleEndpoints } from '../../examples/common/endpoints.js';
import { EndpointUnavailableError } from '../../examples/common/post-graphql.js';
import { composeSupergraph } from '../../examples/gateway/compose-supergraph.js';
import { createInventoryServer } from '../../examples/inventory/create-server.js';
import { importHolders } from '../../examples/inventory/import-holders.js';
import { createLoaders } from '../../src/loaders/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';

const run = promisify(execFile);

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const urlOf = (server: Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

let hrgraph: Server;
let inventory: Server;
/** A loopback port nothing listens on. */
let closedUrl: string;

beforeAll(async () => {
  hrgraph = await listen(
    createHrGraphServer({ adapters: [], createLoaders, development: false, logging: false }),
  );
  inventory = await listen(createInventoryServer({ devices: [], logging: false }));
  const gone = await listen(() => {});
  closedUrl = urlOf(gone);
  await close(gone);
});
afterAll(async () => {
  await close(hrgraph);
  await close(inventory);
});

/** The example subgraphs, both running, but for the URLs `env` moves. */
function subgraphs(env: { HRGRAPH_URL?: string; INVENTORY_URL?: string }) {
  return Object.values(
    exampleEndpoints({ HRGRAPH_URL: urlOf(hrgraph), INVENTORY_URL: urlOf(inventory), ...env }),
  );
}

/** A fetch that answers hrgraph's URL with `reply` and sends everything else on. */
function hrgraphAnswers(reply: () => Response | Promise<Response>) {
  return (url: string, init: RequestInit) =>
    url === 'http://hrgraph.test/graphql' ? Promise.resolve(reply()) : fetch(url, init);
}

describe('Composing the example supergraph', () => {
  test('both subgraphs up: a supergraph, no errors, no hints', async () => {
    const result = await composeSupergraph(subgraphs({}));
    expect(result.messages).toEqual([]);
    expect(result.supergraphSdl).toContain('join__Graph');
  });

  test('hrgraph down: one line naming it, its URL, and what to do', async () => {
    const result = await composeSupergraph(subgraphs({ HRGRAPH_URL: closedUrl }));
    expect(result.supergraphSdl).toBeNull();
    expect(result.messages).toEqual([
      `error: hrgraph at ${closedUrl}: nothing is listening there (connection refused). Start it (npm start) or set HRGRAPH_URL to where it runs.`,
    ]);
  });

  test('both down: one line for each', async () => {
    const result = await composeSupergraph(
      subgraphs({ HRGRAPH_URL: closedUrl, INVENTORY_URL: closedUrl }),
    );
    expect(result.messages.map((line) => line.split(':')[1])).toEqual([
      ' hrgraph at http',
      ' inventory at http',
    ]);
    expect(result.messages[1]).toContain('Start it (npx tsx examples/inventory/main.ts)');
  });

  test.each([
    [
      'an HTML page',
      () => new Response('<html>hello</html>', { headers: { 'content-type': 'text/html' } }),
      'answered HTTP 200 (text/html), not GraphQL JSON. Set HRGRAPH_URL to its GraphQL endpoint.',
    ],
    [
      'GraphQL without an SDL',
      () =>
        Response.json({ errors: [{ message: 'Cannot query field\n"_service"' }] }, { status: 400 }),
      'answered HTTP 400 without _service { sdl }: Cannot query field "_service". Is it a federation subgraph?',
    ],
    [
      'an SDL that is not GraphQL',
      () => Response.json({ data: { _service: { sdl: 'type {' } } }),
      'answered an SDL that does not parse (Syntax Error',
    ],
    [
      'nothing in time',
      () => {
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      },
      'no answer within 10 s. Start it (npm start)',
    ],
  ])('hrgraph answering %s: one line saying so', async (_what, reply, expected) => {
    const result = await composeSupergraph(
      subgraphs({ HRGRAPH_URL: 'http://hrgraph.test/graphql' }),
      { fetch: hrgraphAnswers(reply) },
    );
    expect(result.supergraphSdl).toBeNull();
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toContain(`error: hrgraph at http://hrgraph.test/graphql: `);
    expect(result.messages[0]).toContain(expected);
  });

  test('a password written into the URL goes as Basic auth, and is never shown', async () => {
    const url = closedUrl.replace('http://', 'http://admin:s3cret@');
    const down = await composeSupergraph(subgraphs({ HRGRAPH_URL: url }));
    expect(down.messages[0]).toContain(`at ${closedUrl}: nothing is listening there`);
    expect(down.messages.join('\n')).not.toMatch(/s3cret|admin/);
    const sent: Headers[] = [];
    const up = await composeSupergraph(
      subgraphs({ HRGRAPH_URL: urlOf(hrgraph).replace('http://', 'http://admin:s3cret@') }),
      {
        fetch: (target, init) => {
          sent.push(new Headers(init.headers));
          return fetch(target, init);
        },
      },
    );
    expect(up.messages).toEqual([]);
    expect(sent.map((h) => h.get('authorization'))).toContain(
      `Basic ${Buffer.from('admin:s3cret').toString('base64')}`,
    );
  });
});

describe('The inventory’s import from hrgraph', () => {
  test('hrgraph down: one line naming it, its URL, and what to do', async () => {
    const { hrgraph: down } = exampleEndpoints({ HRGRAPH_URL: closedUrl });
    await expect(importHolders(down)).rejects.toThrow(
      new EndpointUnavailableError(
        'hrgraph',
        `hrgraph at ${closedUrl}: nothing is listening there (connection refused). Start it (npm start) or set HRGRAPH_URL to where it runs.`,
      ),
    );
  });

  test('hrgraph refusing the request: one line with its reason', async () => {
    const { hrgraph: refusing } = exampleEndpoints({ HRGRAPH_URL: 'http://hrgraph.test/graphql' });
    const reply = () =>
      Response.json(
        {
          errors: [
            { message: 'A bearer token is required', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        },
        { status: 401 },
      );
    await expect(importHolders(refusing, { fetch: hrgraphAnswers(reply) })).rejects.toThrow(
      'hrgraph at http://hrgraph.test/graphql: answered HTTP 401 without the directory: A bearer token is required. Set HRGRAPH_URL to its GraphQL endpoint.',
    );
  });
});

describe('The example scripts, run as a user runs them', () => {
  const script = (path: string, env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', `examples/${path}`], {
      env: { ...process.env, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  test('compose.ts prints the supergraph on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await script('gateway/compose.ts', {
      HRGRAPH_URL: urlOf(hrgraph),
      INVENTORY_URL: urlOf(inventory),
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('join__Graph');
  });

  test.each(['gateway/compose.ts', 'gateway/main.ts'])(
    '%s with the inventory down: exit 1 and one line on stderr, no stack',
    async (path) => {
      const { code, stdout, stderr } = await script(path, {
        HRGRAPH_URL: urlOf(hrgraph),
        INVENTORY_URL: closedUrl,
        GATEWAY_PORT: '0',
      });
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toBe(
        `error: inventory at ${closedUrl}: nothing is listening there (connection refused). Start it (npx tsx examples/inventory/main.ts) or set INVENTORY_URL to where it runs.\n`,
      );
    },
  );

  test('inventory/main.ts with hrgraph down: exit 1 and one line on stderr, no stack', async () => {
    const { code, stdout, stderr } = await script('inventory/main.ts', {
      HRGRAPH_URL: closedUrl,
      INVENTORY_PORT: '0',
    });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      `error: hrgraph at ${closedUrl}: nothing is listening there (connection refused). Start it (npm start) or set HRGRAPH_URL to where it runs.\n`,
    );
  });
});
