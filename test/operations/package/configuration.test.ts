/**
 * Issue 21 (C), configuration by environment validated at start-up: every HRGRAPH_ variable the
 * code reads is in serve-config.ts's table; a start with mistakes stops with one line per problem
 * that says what to fix, never a secret's value; `serve --check-config` says the same without
 * serving; flags win over the environment.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ServeCommandOptions } from '../../../src/cli/commands/serve.js';
import {
  ConfigurationError,
  checkEnvironment,
  resolveServeOptions,
  serveSettings,
} from '../../../src/cli/serve-config.js';
import { sourceFiles } from '../../architecture/source-files.js';
import { buildOnce, startCli } from '../../cli/support/built-cli.js';

const goodKey = Buffer.alloc(32, 7).toString('base64');
const secret = 'do-not-print-this-secret-value';

describe('every variable hrgraph reads is in the table', () => {
  test('each HRGRAPH_ name in src/ is a setting of serve-config.ts (a new variable is one entry there)', () => {
    const known = new Set(serveSettings.flatMap((setting) => setting.variables));
    const named = new Set(
      sourceFiles()
        .filter((file) => !file.path.startsWith('src/sandbox/'))
        .flatMap((file) =>
          [...file.code.matchAll(/\bHRGRAPH_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]),
        ),
    );
    expect(named.size).toBeGreaterThan(8);
    expect([...named].filter((name) => !known.has(name)).sort()).toEqual([]);
  });
});

describe('the environment is checked whole, and says what to fix', () => {
  test('every problem at once, one line each, none echoing a value', () => {
    const { problems } = checkEnvironment({
      HRGRAPH_PORT: 'eighty',
      HRGRAPH_WORKERS: '0',
      HRGRAPH_ACCOUNTS_KEY: secret,
      HRGRAPH_CURSOR_KEY: secret,
      HRGRAPH_CORS_ORIGINS: 'https://ok.example.com, *',
      HRGRAPH_PUBLIC_URL: `https://user:${secret}@hr.example.com`,
      HRGRAPH_GUSTO_CLIENT_SECRET: secret,
      HRGRAPH_PERSISTED_ONLY: 'sometimes',
      HRGRAPH_DEBUG: 'verbose',
    });
    expect(problems).toEqual([
      'HRGRAPH_PORT must be an integer from 0 to 65535',
      'HRGRAPH_WORKERS must be an integer from 1 to 64',
      expect.stringMatching(/^HRGRAPH_ACCOUNTS_KEY must be 32 bytes, base64/),
      'HRGRAPH_CURSOR_KEY must be at least 32 bytes, base64',
      expect.stringMatching(/^HRGRAPH_CORS_ORIGINS: "\*" is not an origin/),
      expect.stringMatching(/^HRGRAPH_PUBLIC_URL must be an http\(s\) URL/),
      'HRGRAPH_PERSISTED_ONLY must be true or false (or 1 or 0)',
      'HRGRAPH_DEBUG must be 1 (or 0, or unset)',
      expect.stringMatching(/^HRGRAPH_GUSTO_CLIENT_ID is not set/),
    ]);
    expect(problems.join('\n')).not.toContain(secret);
  });

  test('a sound environment has no problem, and says what it sets by name only', () => {
    const report = checkEnvironment({
      HRGRAPH_PORT: '8080',
      HRGRAPH_HOST: '0.0.0.0',
      HRGRAPH_ACCOUNTS_KEY: goodKey,
      HRGRAPH_GUSTO_CLIENT_ID: 'id',
      HRGRAPH_GUSTO_CLIENT_SECRET: secret,
      PATH: '/usr/bin',
    });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.set).toEqual([
      'HRGRAPH_PORT: the port (--port)',
      'HRGRAPH_HOST: the interface to bind (--host)',
      'HRGRAPH_ACCOUNTS_KEY: the credentials key',
      "HRGRAPH_GUSTO_CLIENT_ID, HRGRAPH_GUSTO_CLIENT_SECRET: hrgraph's Gusto OAuth application",
    ]);
  });

  test('an HRGRAPH_ variable hrgraph does not read is a warning naming the nearest one', () => {
    const { problems, warnings } = checkEnvironment({
      HRGRAPH_CURSOR_KY: goodKey,
      HRGRAPH_SOMETHING_ELSE: '1',
    });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      'HRGRAPH_CURSOR_KY is not a variable hrgraph reads (did you mean HRGRAPH_CURSOR_KEY?)',
      'HRGRAPH_SOMETHING_ELSE is not a variable hrgraph reads',
    ]);
  });
});

describe('flags and the environment together', () => {
  const defaults: ServeCommandOptions = {
    port: 4000,
    host: '127.0.0.1',
    demoSize: 200,
    graphiql: true,
    workers: 1,
  };
  const resolve = (env: Record<string, string>, fromCli: string[] = []) =>
    resolveServeOptions(
      defaults,
      (name) => fromCli.includes(name),
      env,
      () => {},
    );

  test('the environment gives the defaults; a flag on the command line wins', () => {
    const env = { HRGRAPH_PORT: '8080', HRGRAPH_HOST: '0.0.0.0', HRGRAPH_WORKERS: '2' };
    expect(resolve(env)).toMatchObject({ port: 8080, host: '0.0.0.0', workers: 2 });
    expect(resolve(env, ['port'])).toMatchObject({ port: 4000, host: '0.0.0.0' });
  });

  test('--persisted-only without a list is a problem, told with the environment’s', () => {
    let error: unknown;
    try {
      resolve({ HRGRAPH_PERSISTED_ONLY: 'true', HRGRAPH_PORT: '-1' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      'HRGRAPH_PORT must be an integer from 0 to 65535',
      expect.stringMatching(/^--persisted-only \(HRGRAPH_PERSISTED_ONLY\) needs the operations/),
    ]);
  });
});

describe('the built CLI', () => {
  test('serve with a bad environment exits 1 before listening, one line per problem, no secret', async () => {
    buildOnce();
    const cli = startCli(['serve', '--port', '0'], {
      env: {
        HRGRAPH_ACCOUNTS_KEY: secret,
        HRGRAPH_WORKERS: 'many',
        HRGRAPH_DATA_DIR: '/nonexistent',
      },
    });
    expect(await cli.exited()).toBe(1);
    expect(cli.stderr()).toBe(
      [
        'hrgraph: the configuration has 2 problem(s); fix them and start again:',
        '  - HRGRAPH_WORKERS must be an integer from 1 to 64',
        '  - HRGRAPH_ACCOUNTS_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)',
        '',
      ].join('\n'),
    );
    expect(cli.stdout()).toBe('');
  });

  test('serve --check-config reads the accounts file too, and exits without serving', async () => {
    buildOnce();
    const bad = startCli(['serve', '--check-config', '--config', '/nonexistent/accounts.yaml']);
    expect(await bad.exited()).toBe(1);
    expect(bad.stderr()).toMatch(
      /^hrgraph: the configuration has 1 problem\(s\)[^\n]*\n {2}- \/nonexistent\/accounts\.yaml: cannot read/,
    );
    const good = startCli(['serve', '--check-config', '--demo'], {
      env: { HRGRAPH_PORT: '0', HRGRAPH_ACCOUNTS_KEY: goodKey },
    });
    expect(await good.exited()).toBe(0);
    expect(good.stdout()).toContain('hrgraph: the configuration is sound');
    expect(good.stdout()).toContain('listen on 127.0.0.1:0');
    expect(good.stdout()).toContain('set: HRGRAPH_ACCOUNTS_KEY: the credentials key');
    expect(good.stdout()).not.toContain(goodKey);
  });

  test('serve --check-config validates persisted operations against the schema, as a start would', async () => {
    buildOnce();
    const dir = await mkdtemp(join(tmpdir(), 'hrgraph-check-'));
    try {
      const file = join(dir, 'operations.json');
      await writeFile(
        file,
        JSON.stringify({ a: '{ accounts { id } }', b: '{ accounts { nope } }' }),
      );
      const bad = startCli(['serve', '--check-config', '--demo', '--persisted-operations', file]);
      expect(await bad.exited()).toBe(1);
      expect(bad.stderr()).toContain(
        `  - ${file}: "b": Cannot query field "nope" on type "Account".`,
      );
      await writeFile(file, JSON.stringify({ a: '{ accounts { id } }' }));
      const good = startCli(['serve', '--check-config', '--demo', '--persisted-only'], {
        env: { HRGRAPH_PERSISTED_OPERATIONS: file },
      });
      expect(await good.exited()).toBe(0);
      expect(good.stdout()).toContain(`persisted operations ${file}: 1, and nothing else runs`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
