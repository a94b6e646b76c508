/**
 * Issue 12, item 3: every command took 11–19 s because the CLI loaded the server and every sandbox
 * before parsing its arguments. The built CLI (bin/hrgraph.js → dist/) is run as a user runs it,
 * with a preload that records every module the process resolves; dist/meta.json (the build's
 * metafile) says which sources each bundled file it loaded holds:
 * - `--version` and `--help` load commander and the command table, nothing else;
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
import { accountId } from '../../src/core/ids.js';
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

interface Metafile {
  readonly outputs: Record<string, { readonly inputs: Record<string, unknown> }>;
}

/**
 * The sources a finished child ran: for each bundled file of dist/ it loaded, the sources in it
 * (`src/cli/main.ts`, `node_modules/commander/lib/command.js`); any other module as it resolved.
 */
async function loaded(log: string): Promise<string[]> {
  const meta = JSON.parse(await readFile(join(root, 'dist', 'meta.json'), 'utf8')) as Metafile;
  const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  const sources = lines.map(projectPath).flatMap((path) => {
    if (!path.startsWith('/dist/')) return [path];
    const output = meta.outputs[path.slice(1)];
    if (!output) throw new Error(`${path} is not in dist/meta.json: a stale build?`);
    return Object.keys(output.inputs);
  });
  return [...new Set(sources)];
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

/** What --version and --help may load: bin/, the build check, main.ts, the command table, commander. */
const startUp = [
  /^\/bin\/hrgraph\.js$/,
  /^\/scripts\/build\.js$/,
  /^src\/cli\/main\.ts$/,
  /^src\/cli\/commands\/(index|report-error)\.ts$/,
  /(^|\/)node_modules\/commander\//,
  /^node:/,
  // What commander's CommonJS files require of each other.
  /^\.\.?\/[\w./]+$/,
];

describe('what each command loads', () => {
  test('--version and --help load commander and the command table only', async () => {
    for (const args of [['--version'], ['--help']]) {
      const { out, modules } = await run(args);
      expect(out).toMatch(args[0] === '--version' ? /^\d+\.\d+\.\d+\n$/ : /Commands:/);
      expect(modules).toContain('src/cli/commands/index.ts');
      expect(modules.filter((m) => !startUp.some((allowed) => allowed.test(m)))).toEqual([]);
    }
  });

  test('a production serve (no --demo) never loads a sandbox or @faker-js/faker', async () => {
    const accounts = await openAccounts({ dataDir: join(dir, 'store'), env: {} });
    // A store with no accounts yet: the token names a config-file account, the one kind it may
    // name before any is added.
    const token = await createApiTokens(accounts.store).create('loads', [], {
      configAccounts: [accountId('acme')],
    });
    await accounts.close();
    const served = await serveOnce([], 'serve', { authorization: `Bearer ${token.secret}` });
    expect(served.accounts).toEqual([]);
    const modules = await loaded(served.log);
    expect(modules).toContain('src/server/create-server.ts');
    expect(modules.filter((m) => /(^|\/)src\/sandbox\/|@faker-js/.test(m))).toEqual([]);
  });

  test('serve --demo loads the sandboxes, dynamically, only then', async () => {
    const served = await serveOnce(['--demo', '--demo-size', '10'], 'demo', {});
    expect(served.accounts).toContain('acme-google');
    const modules = await loaded(served.log);
    expect(modules).toContain('src/cli/demo/index.ts');
    expect(modules.some((m) => m.startsWith('src/sandbox/'))).toBe(true);
    expect(modules.some((m) => m.includes('/node_modules/@faker-js/faker/'))).toBe(true);
  });
});
