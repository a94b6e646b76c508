/**
 * Issue 12, item 3: every command took 11–19 s because the CLI loaded the server and every sandbox
 * before parsing its arguments. The built CLI (bin/hrgraph.js → dist/) is run as a user runs it,
 * with a preload that records every module the process resolves:
 * - `--version` and `--help` load commander and the command table, nothing else of hrgraph;
 * - a production `serve` never loads the sandboxes or their fake-data library;
 * - `serve --demo` does load them (which also shows the recorder sees them).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiTokens } from '../../src/accounts/api-tokens.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { accountId } from '../../src/providers/ids.js';
import { buildOnce, root, startCli } from './support/built-cli.js';

const recorder = fileURLToPath(new URL('./support/record-modules.js', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-loads-'));
  buildOnce();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function start(args: readonly string[], log: string, env: Record<string, string> = {}) {
  return startCli(args, {
    nodeArgs: ['--import', recorder],
    env: { ...env, HRGRAPH_MODULE_LOG: log },
  });
}

/** `/dist/cli/main.js` for a file of the project; what a require named (`./lib/x.js`) otherwise. */
function projectPath(line: string): string {
  const name = line.replace(/^require /, '');
  const path = name.startsWith('file:') ? fileURLToPath(name) : name;
  return path.startsWith(root) ? `/${relative(root, path)}` : path;
}

/** The modules a finished child resolved, as paths in the project (or `node:x`). */
async function loaded(log: string): Promise<string[]> {
  const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  return [...new Set(lines.map(projectPath))];
}

async function run(args: readonly string[]): Promise<{ out: string; modules: string[] }> {
  const log = join(dir, `${args.join('-')}.log`);
  const cli = start(args, log);
  expect(await cli.exited()).toBe(0);
  return { out: cli.stdout(), modules: await loaded(log) };
}

/** Starts `hrgraph serve …`, waits for its banner, asks one query, stops it. */
async function serveOnce(args: readonly string[], name: string, headers: Record<string, string>) {
  const log = join(dir, `${name}.log`);
  const cli = start(['serve', '--port', '0', ...args], log, {
    HRGRAPH_DATA_DIR: join(dir, 'store'),
  });
  try {
    const [, url = ''] = await cli.waitFor(/serving GraphQL at (http:\S+)/);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ accounts { id } }' }),
    });
    const body = (await response.json()) as { data?: { accounts: { id: string }[] } };
    return { accounts: body.data?.accounts.map((a) => a.id), log };
  } finally {
    cli.child.kill('SIGTERM');
    await cli.exited();
  }
}

const ofHrgraph = (modules: readonly string[]) => modules.filter((m) => m.startsWith('/'));

describe('what each command loads', () => {
  test('--version and --help load commander and the command table only', async () => {
    for (const args of [['--version'], ['--help']]) {
      const { out, modules } = await run(args);
      expect(out).toMatch(args[0] === '--version' ? /^\d+\.\d+\.\d+\n$/ : /Commands:/);
      const ours = ofHrgraph(modules).filter((m) => !m.includes('/node_modules/commander/'));
      expect(ours).toEqual([
        '/bin/hrgraph.js',
        '/scripts/build.js',
        '/dist/cli/main.js',
        '/dist/cli/commands/index.js',
        '/dist/cli/commands/report-error.js',
      ]);
    }
  });

  test('a production serve (no --demo) never loads a sandbox or @faker-js/faker', async () => {
    const accounts = await openAccounts({ dataDir: join(dir, 'store'), env: {} });
    const token = await createApiTokens(accounts.store).create('loads', [accountId('acme')]);
    await accounts.close();
    const served = await serveOnce([], 'serve', { authorization: `Bearer ${token.secret}` });
    expect(served.accounts).toEqual([]);
    const modules = await loaded(served.log);
    expect(modules).toContain('/dist/server/create-server.js');
    expect(modules.filter((m) => /\/sandbox\/|@faker-js/.test(m))).toEqual([]);
  });

  test('serve --demo loads the sandboxes, dynamically, only then', async () => {
    const served = await serveOnce(['--demo', '--demo-size', '10'], 'demo', {});
    expect(served.accounts).toContain('acme-google');
    const modules = await loaded(served.log);
    expect(modules).toContain('/dist/cli/demo/index.js');
    expect(modules.some((m) => m.startsWith('/dist/sandbox/'))).toBe(true);
    expect(modules.some((m) => m.includes('/node_modules/@faker-js/faker/'))).toBe(true);
  });
});
