/**
 * Issue 16, concurrency: `hrgraph serve --workers N`, run as a user runs it (the built CLI, a
 * child process whose workers are node:cluster's). Over one store with a BambooHR account (API
 * key) and a Gusto account (OAuth, single-use refresh tokens) whose token has expired: each worker
 * answers, a cursor one minted is good at the other, one expiry makes one refresh, a worker that
 * dies is replaced, and SIGTERM stops them all. Which worker answered is read from the
 * `hrgraph-worker` header; node:cluster hands connections round-robin, so a fresh connection per
 * request reaches each in turn.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountsCommand } from '../../src/cli/accounts.js';
import { demoRefusal } from '../../src/cli/cluster.js';
import { tokensCommand } from '../../src/cli/tokens.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { listenOn } from '../../src/sandbox/common/listen.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
  type GustoSandbox,
} from '../../src/sandbox/gusto/index.js';
import { createCompany } from '../../src/sandbox/index.js';
import { buildOnce, type CliChild, startCli } from './support/built-cli.js';
import { runCommand } from './support/in-process.js';
import { providerSandboxes } from './support/provider-sandboxes.js';

const company = createCompany({ size: 12, seed: 16 });
let dir: string;
let token: string;
let cli: CliChild;
let origin: string;
const closers: (() => Promise<unknown>)[] = [];
let gusto: GustoSandbox;

/** A request the Gusto sandbox got: when it arrived, and when its answer was made. */
interface Arrival {
  readonly path: string;
  readonly at: number;
  status: number;
  answeredAt: number;
}
const arrivals: Arrival[] = [];

const directory = /* GraphQL */ `query Directory($id: ID!, $after: String) {
  employees(account: $id, first: 2, after: $after) {
    nodes { workEmail }
    pageInfo { endCursor }
  }
}`;

interface Answer {
  readonly worker: string;
  readonly body: {
    data?: { employees: { nodes: unknown[]; pageInfo: { endCursor: string | null } } | null };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** One query on a connection of its own, so node:cluster hands it to the next worker. */
async function ask(variables: Record<string, unknown>): Promise<Answer> {
  const client = new Client(origin);
  try {
    const response = await client.request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: directory, variables }),
    });
    return {
      worker: String(response.headers['hrgraph-worker']),
      body: (await response.body.json()) as Answer['body'],
    };
  } finally {
    await client.close();
  }
}

/** The worker processes under the primary. */
function workerPids(primary: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(primary)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when it finds none
  }
}

beforeAll(async () => {
  buildOnce();
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-workers-'));
  const startBamboo = providerSandboxes.bamboohr;
  if (!startBamboo) throw new Error('provider-sandboxes.ts has no BambooHR sandbox');
  const bamboo = await startBamboo(company);
  closers.push(() => bamboo.close());
  const setup = bamboo.kinds.apiKey;
  if (!setup) throw new Error('the BambooHR sandbox has an API-key setup');
  await runCommand(
    accountsCommand,
    dir,
    ['add', 'people', '--provider', 'bamboohr', ...setup.args],
    setup.env,
  );

  gusto = createGustoSandbox({ company: { seed: 16, size: 12 }, rateLimit: false });
  // Served here rather than by gusto.listen() to note when each request came.
  const running = await listenOn(async function noteArrival(request: Request, bindings?: unknown) {
    const arrival = {
      path: new URL(request.url).pathname,
      at: Date.now(),
      status: 0,
      answeredAt: 0,
    };
    arrivals.push(arrival);
    const response = await gusto.app.fetch(request, bindings as never);
    arrival.status = response.status;
    arrival.answeredAt = Date.now();
    return response;
  });
  closers.push(() => running.close());
  const { openAccounts } = await import('../../src/accounts/open-accounts.js');
  const admin = await openAccounts({ dataDir: dir, env: {} });
  await admin.add({
    id: accountId('payroll'),
    provider: providerName('gusto'),
    company: gusto.companyUuid,
    baseUrl: running.url,
    authKind: 'oauth',
    secrets: {
      kind: 'oauth',
      // Expired already: the first queries of both workers meet one expiry.
      tokens: { ...gusto.issueTokens(), expiresAt: Date.now() - 1, scopes: [] },
    },
  });
  await admin.close();

  const created = await runCommand(tokensCommand, dir, [
    'create',
    '--name',
    'workers',
    '--accounts',
    'people,payroll',
  ]);
  token = created.match(/^hrg_\S+$/m)?.[0] ?? '';

  cli = startCli(['serve', '--data-dir', dir, '--port', '0', '--workers', '2'], {
    env: {
      HRGRAPH_GUSTO_CLIENT_ID: DEFAULT_GUSTO_OAUTH_CLIENT.clientId,
      HRGRAPH_GUSTO_CLIENT_SECRET: DEFAULT_GUSTO_OAUTH_CLIENT.clientSecret,
    },
  });
  closers.push(async () => {
    if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  });
  const [, url = ''] = await cli.waitFor(/serving GraphQL at (\S+)/);
  origin = new URL(url).origin;
});

afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await rm(dir, { recursive: true, force: true });
});

describe('hrgraph serve --workers 2', () => {
  test('the banner says how many workers, and each keeps 1/2 of every budget', () => {
    expect(cli.stdout()).toContain('workers: 2 processes on one port');
    expect(cli.stdout()).toContain("1/2 of every account's request budget");
    expect(workerPids(cli.child.pid ?? 0)).toHaveLength(2);
  });

  test('Gusto: both workers at one expiry make exactly one refresh (single-use refresh token)', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask({ id: 'payroll' })));
    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.data?.employees?.nodes).toHaveLength(2);
    }
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
    expect(gusto.log.count({ path: '/oauth/token' })).toBe(1);
  });

  test('each worker answers a query', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ask({ id: 'people' }));
    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.data?.employees?.nodes).toHaveLength(2);
    }
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
  });

  test('a cursor minted by one worker is accepted by the other', async () => {
    const first = await ask({ id: 'people' });
    const after = first.body.data?.employees?.pageInfo.endCursor;
    expect(after).toBeTruthy();
    let next: Answer | undefined;
    for (let i = 0; i < 6 && (next === undefined || next.worker === first.worker); i++) {
      next = await ask({ id: 'people', after });
    }
    expect(next?.worker).not.toBe(first.worker);
    expect(next?.body.errors).toBeUndefined();
    expect(next?.body.data?.employees?.nodes).toHaveLength(2);
  });

  test("a provider's Retry-After heard at one worker pauses the account at the other too", async () => {
    gusto.faults.enqueue({ kind: '429', retryAfter: { seconds: 2 } }, { path: /\/employees$/ });
    const from = arrivals.length;
    const first = ask({ id: 'payroll' });
    // The other worker says when it has heard: a query it took before then would rightly call.
    await expect
      .poll(() => cli.stderr(), { timeout: 10_000 })
      .toMatch(/worker \d+\): payroll: paused until \S+, as another worker was asked/);
    // The next connection goes to the other worker, which has not been told anything by Gusto.
    const second = await ask({ id: 'payroll' });
    const answers = [await first, second];
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const calls = arrivals.slice(from).filter((a) => /\/employees$/.test(a.path));
    const [throttled, ...rest] = calls;
    expect(throttled?.status).toBe(429);
    // The first worker's retry and the second worker's call: neither before the pause ended.
    expect(rest).toHaveLength(2);
    for (const call of rest) {
      expect(call.at).toBeGreaterThanOrEqual((throttled?.answeredAt ?? 0) + 2_000);
    }
  });

  test('a worker that dies is replaced, and the two serve on', async () => {
    const [victim] = workerPids(cli.child.pid ?? 0);
    process.kill(victim ?? 0, 'SIGKILL');
    await expect
      .poll(() => cli.stderr(), { timeout: 10_000 })
      .toMatch(/worker \d+ stopped by SIGKILL; starting another/);
    await expect
      .poll(() => workerPids(cli.child.pid ?? 0).filter((pid) => pid !== victim), {
        timeout: 30_000,
        interval: 200,
      })
      .toHaveLength(2);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const { worker, body } = await ask({ id: 'people' });
          if (!body.errors) seen.add(worker);
          return seen.size;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(2);
  });

  test('SIGTERM stops the primary and every worker', async () => {
    const pids = workerPids(cli.child.pid ?? 0);
    expect(pids).toHaveLength(2);
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});

test('--workers with --demo is refused: the sandboxes live in one process', async () => {
  const demo = startCli(['serve', '--demo', '--port', '0', '--workers', '2']);
  expect(await demo.exited()).toBe(1);
  expect(demo.stderr()).toContain(demoRefusal);
  expect(demo.stdout()).not.toContain('serving GraphQL');
});

test('a worker that cannot start (the port is taken) ends the start with its error, once', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as AddressInfo;
  try {
    const data = await mkdtemp(join(tmpdir(), 'hrgraph-workers-taken-'));
    closers.push(() => rm(data, { recursive: true, force: true }));
    const run = startCli(['serve', '--data-dir', data, '--port', String(port), '--workers', '2']);
    expect(await run.exited()).toBe(1);
    expect(run.stderr().match(/is already in use/g)).toHaveLength(1);
    expect(run.stderr()).toContain('a worker could not start');
  } finally {
    taken.close();
  }
});
