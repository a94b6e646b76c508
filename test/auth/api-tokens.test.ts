import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApiTokens } from '../../src/accounts/api-tokens.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import type { CliIo } from '../../src/cli/accounts.js';
import { tokensCommand } from '../../src/cli/tokens.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { type AuthFixture, startAuthFixture } from './support.js';

describe('hrgraph’s API requires a bearer token', () => {
  let hr: AuthFixture;
  let logs: string[];
  beforeEach(async () => {
    logs = [];
    const capture = (...parts: unknown[]) =>
      logs.push(parts.map((p) => JSON.stringify(p) ?? String(p)).join(' '));
    hr = await startAuthFixture({
      apiTokens: true,
      logging: { debug: capture, info: capture, warn: capture, error: capture },
    });
    await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'));
  });
  afterEach(() => hr.close());

  const ask = (headers: Record<string, string>) =>
    hr.yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ employees(first: 1) { nodes { displayName } } }' }),
    });

  test('missing, malformed, unknown and revoked tokens get 401 UNAUTHENTICATED and no provider call', async () => {
    const { token, secret } = await hr.tokens.create('app', [accountId('acme')]);
    const good = await ask({ authorization: `Bearer ${secret}` });
    expect(good.status).toBe(200);
    const calls = hr.apiCalls();
    await hr.tokens.revoke(token.id);
    const forged = `${secret.slice(0, -4)}AAAA`;
    const unknown = secret.replace(/^hrg_[0-9a-f]{16}/, 'hrg_0000000000000000');
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Basic eDp4' },
      { authorization: 'Bearer not-a-token' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${unknown}` },
      { authorization: `Bearer ${secret}` },
    ]) {
      const response = await ask(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="hrgraph"');
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(hr.apiCalls()).toBe(calls);
    // Nothing in the logs, at debug level, carries a token.
    expect(logs.length).toBeGreaterThan(0);
    for (const text of [secret, secret.split('_').slice(2).join('_'), forged])
      expect(logs.join('\n')).not.toContain(text);
  });

  test('the GraphiQL page itself loads without a token; the health check too', async () => {
    const page = await hr.yoga.fetch('http://hrgraph.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect((await hr.yoga.fetch('http://hrgraph.test/healthz')).status).toBe(200);
    // A query by GET is a query, whatever it accepts besides.
    const query = await hr.yoga.fetch('http://hrgraph.test/graphql?query=%7Baccounts%7Bid%7D%7D', {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(query.status).toBe(401);
  });
});

describe('hrgraph tokens create|list|revoke', () => {
  let dir: string;
  let out = '';
  const io: CliIo = {
    write: (text) => {
      out += text;
    },
    readStdin: async () => '',
    env: {},
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hrgraph-tokens-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function hrgraph(...args: string[]) {
    out = '';
    const command = tokensCommand(io);
    for (const c of [command, ...command.commands])
      c.exitOverride().configureOutput({ writeErr: () => {} });
    await command.parseAsync(['--data-dir', dir, ...args], { from: 'user' });
    return out;
  }

  /** Accounts in the store, as `hrgraph accounts add` would leave them. */
  async function addAccounts(...ids: string[]) {
    const accounts = await openAccounts({ dataDir: dir, env: {} });
    for (const id of ids) {
      await accounts.add({
        id: accountId(id),
        provider: providerName('bamboohr'),
        company: id,
        authKind: 'oauth',
        secrets: null,
      });
    }
    await accounts.close();
  }

  test('the token is printed once; the store keeps only its hash; list never shows it; revoke ends it', async () => {
    await addAccounts('acme', 'globex');
    const created = await hrgraph(
      'create',
      '--name',
      'gateway',
      '--accounts',
      'acme, globex',
      '--config-accounts',
      'filed',
    );
    const secret = /^(hrg_[0-9a-f]{16}_[\w-]{43})$/m.exec(created)?.[1];
    expect(secret).toBeTruthy();
    expect(created).toContain('for: acme, globex, filed (config file)');
    const id = secret!.split('_')[1]!;

    const listed = `${await hrgraph('list')}${await hrgraph('list', '--json')}`;
    expect(listed).toContain(id);
    expect(listed).toMatch(/gateway\s+acme,globex,filed\(config\)/);
    expect(listed).not.toContain(secret!.split('_').slice(2).join('_'));
    expect(listed).not.toContain('hash');

    // The store on disk: no token in clear text (grepped, WAL included).
    const files = await readdir(dir);
    const disk = Buffer.concat(
      await Promise.all(files.map((f) => readFile(join(dir, f)))),
    ).toString('latin1');
    expect(disk).toContain(id);
    expect(disk).not.toContain(secret!.split('_').slice(2).join('_'));

    const accounts = await openAccounts({ dataDir: dir, env: {} });
    const tokens = createApiTokens(accounts.store, { configAccounts: [accountId('filed')] });
    expect(await tokens.verify(secret!)).toEqual(['acme', 'globex', 'filed']);
    // A removed account is named, marked, and no longer read.
    await accounts.remove(accountId('globex'));
    expect(await tokens.verify(secret!)).toEqual(['acme', 'filed']);
    await accounts.close();
    expect(await hrgraph('list')).toMatch(/gateway\s+acme,globex\(removed\),filed\(config\)/);

    expect(await hrgraph('revoke', id)).toContain(`Revoked token ${id}`);
    await expect(hrgraph('revoke', id)).rejects.toThrow(/no active token/);
    const reopened = await openAccounts({ dataDir: dir, env: {} });
    expect(await createApiTokens(reopened.store).verify(secret!)).toBeNull();
    expect(JSON.parse(await hrgraph('list', '--json'))[0].revokedAt).toMatch(/^\d{4}-/);
    await reopened.close();
  });

  test('account ids are checked, and accounts the store does not have are refused', async () => {
    await expect(hrgraph('create', '--name', 'x', '--accounts', 'Not An Id')).rejects.toThrow(
      /account id/,
    );
    await expect(hrgraph('create', '--name', 'x', '--accounts', ' , ')).rejects.toThrow(
      /at least one/,
    );
    await addAccounts('acme');
    await expect(hrgraph('create', '--name', 'x', '--accounts', 'acme,acmee')).rejects.toThrow(
      /not in the store: acmee/,
    );
    expect(await hrgraph('list')).toContain('No tokens');
  });
});
