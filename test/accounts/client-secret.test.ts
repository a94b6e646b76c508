import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAccountHealth } from '../../src/accounts/account-health.js';
import { ConfigFileError, parseAccountsConfig } from '../../src/accounts/config-file.js';
import { describeAccount, detailedView } from '../../src/accounts/describe.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { accountsCommand, type CliIo } from '../../src/cli/accounts.js';
import { accountId, providerName } from '../../src/core/ids.js';

const clientSecret = 'cs-7d1f0a9b3c2e4f5a6b7c8d9e0f1a2b3c';

const yaml = `
accounts:
  - id: acme-client
    provider: okta
    company: acme.okta.com
    auth:
      clientSecret:
        clientId: papi-0a1b2c
        secret: { env: CLIENT_SECRET }
`;

function problemsOf(text: string, env: Record<string, string>): readonly string[] {
  try {
    parseAccountsConfig(text, 'accounts.yaml', { env });
  } catch (error) {
    if (error instanceof ConfigFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('a client id and secret in the accounts file', () => {
  test('the id is read from the file and the secret from the environment', () => {
    const [account] = parseAccountsConfig(yaml, 'accounts.yaml', {
      env: { CLIENT_SECRET: clientSecret },
    });
    expect(account?.credentials).toEqual({
      kind: 'clientSecret',
      clientId: 'papi-0a1b2c',
      clientSecret,
    });
  });

  test('every problem is named by its path, and the secret is never echoed', () => {
    const broken = yaml
      .replace('clientId: papi-0a1b2c', 'clientId: "two words"')
      .replace('secret: { env: CLIENT_SECRET }', 'secret: { env: SHORT }\n        extra: 1');
    const problems = problemsOf(broken, { SHORT: 'tiny' });
    expect(problems).toEqual([
      'accounts[0].auth.clientSecret: unknown key `extra`',
      'accounts[0].auth.clientSecret.clientId: client id: one word of printable characters, at most 200',
      'accounts[0].auth.clientSecret.secret: client secret: a single word of at least 8 characters',
    ]);
    expect(problems.join('\n')).not.toContain('tiny');
    expect(problemsOf(yaml, {})).toEqual([
      'accounts[0].auth.clientSecret.secret: environment variable CLIENT_SECRET is not set',
    ]);
  });

  test('a provider that takes no client secret refuses one when the account is built', async () => {
    const { createAdapter } = await import('../../src/providers/registry.js');
    const [account] = parseAccountsConfig(yaml, 'accounts.yaml', {
      env: { CLIENT_SECRET: clientSecret },
    });
    expect(() => createAdapter(account!, { http: {} as never })).toThrow(
      /Okta accounts authenticate with apiKey or serviceAccount, not clientSecret/,
    );
  });
});

describe('a client secret in the store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hrgraph-client-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test('is sealed on disk, opened in memory, and described by its client id alone', async () => {
    const service = await openAccounts({ dataDir: dir, env: {} });
    try {
      const added = await service.add({
        id: accountId('acme-client'),
        provider: providerName('okta'),
        company: 'acme.okta.com',
        authKind: 'clientSecret',
        secrets: { kind: 'clientSecret', clientId: 'papi-0a1b2c', clientSecret },
      });
      expect(service.secrets(added)).toEqual({
        kind: 'clientSecret',
        clientId: 'papi-0a1b2c',
        clientSecret,
      });
      const view = detailedView(service, added);
      expect(view.credentials).toEqual({ set: true, clientId: 'papi-0a1b2c' });
      const shown = describeAccount(view);
      expect(shown).toContain('auth:        client id and secret');
      expect(shown).toContain('a client secret (sealed; never shown) of client papi-0a1b2c');
      expect(`${shown}${JSON.stringify(view)}`).not.toContain(clientSecret);
    } finally {
      await service.close();
    }
    for (const file of await readdir(dir)) {
      const disk = await readFile(join(dir, file));
      expect(disk.includes(clientSecret)).toBe(false);
    }
  });

  test('the CLI takes the secret from the environment only, and only with its client id', async () => {
    let out = '';
    const io: CliIo = {
      write: (text) => {
        out += text;
      },
      readStdin: async () => clientSecret,
      env: { CLIENT_SECRET: clientSecret },
    };
    const hrgraph = async (...args: string[]) => {
      out = '';
      const command = accountsCommand(io);
      for (const c of [command, ...command.commands]) {
        c.exitOverride().configureOutput({ writeErr: () => {} });
      }
      await command.parseAsync(['--data-dir', dir, ...args], { from: 'user' });
      return out;
    };
    const add = ['add', 'acme-client', '--provider', 'okta', '--company', 'acme.okta.com'];
    await expect(hrgraph(...add, '--client-secret-env', 'CLIENT_SECRET')).rejects.toThrow(
      /a client secret goes with --client-id/,
    );
    await expect(hrgraph(...add, '--client-id', 'papi-0a1b2c')).rejects.toThrow(
      /--client-id goes with --client-secret-env or --client-secret-stdin/,
    );
    await expect(
      hrgraph(...add, '--client-id', 'papi-0a1b2c', '--client-secret-stdin', '--api-key-stdin'),
    ).rejects.toThrow(/give one secret, one way/);
    await expect(
      hrgraph(...add, '--client-id', 'papi-0a1b2c', '--client-secret-env', 'CLIENT_SECRET'),
    ).rejects.toThrow(/Okta accounts authenticate with apiKey or serviceAccount, not clientSecret/);
    await expect(hrgraph(...add, '--client-secret', clientSecret)).rejects.toThrow(
      /unknown option/,
    );
  });
});

describe('account health with a client secret', () => {
  test('a token endpoint refusing the client locks the account out, once', async () => {
    const health = createAccountHealth({
      accountId: accountId('acme-client'),
      authKind: 'clientSecret',
      initial: { status: 'ACTIVE', reason: null, lockedUntil: null },
      persist: async () => {},
      now: () => 1_000,
      coolDownMs: 60_000,
    });
    health.report(
      { status: 401, errorText: '{"error":"invalid_client","error_description":"bad secret"}' },
      await health.admit(),
    );
    expect(health.state()).toEqual({
      status: 'LOCKED_OUT',
      reason: 'the provider refused the client secret (invalid_client)',
      lockedUntil: 61_000,
    });
    await expect(health.admit()).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_AUTH_FAILED', accountStatus: 'LOCKED_OUT' },
    });
  });

  test('a 401 on a data call is an expired token, not a refused secret', async () => {
    const health = createAccountHealth({
      accountId: accountId('acme-client'),
      authKind: 'clientSecret',
      initial: { status: 'ACTIVE', reason: null, lockedUntil: null },
      persist: async () => {},
    });
    health.report({ status: 401, errorText: 'token expired' }, await health.admit());
    expect(health.state().status).toBe('ACTIVE');
  });
});
