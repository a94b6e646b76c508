import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { accountsCommand, type CliIo } from '../../src/cli/accounts.js';
import { accountId } from '../../src/core/ids.js';

const apiKey = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const googleKey = JSON.stringify({
  type: 'service_account',
  private_key_id: 'k-1',
  private_key: privateKey,
  client_email: 'hrgraph@acme-hr.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
});
const newKey = '0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a';

let dir: string;
let out: string;
let stdin: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-cli-'));
  out = '';
  stdin = '';
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const io: CliIo = {
  write: (text) => {
    out += text;
  },
  readStdin: async () => stdin,
  env: { ACME_KEY: apiKey, NEW_KEY: newKey, GOOGLE_KEY: googleKey },
};

async function hrgraph(...args: string[]): Promise<string> {
  out = '';
  const command = accountsCommand(io);
  for (const c of [command, ...command.commands]) {
    c.exitOverride().configureOutput({ writeErr: () => {} });
  }
  await command.parseAsync(['--data-dir', dir, ...args], { from: 'user' });
  return out;
}

describe('hrgraph accounts', () => {
  test('add (key from env or stdin, or OAuth to connect later), list, show, update, remove', async () => {
    expect(await hrgraph('add', 'acme', '--company', 'acme', '--api-key-env', 'ACME_KEY')).toMatch(
      /Added acme \(bamboohr, API key sealed\)/,
    );
    stdin = `${newKey}\n`;
    await hrgraph('add', 'piped', '--company', 'initech', '--api-key-stdin');
    expect(
      await hrgraph(
        'add',
        'globex',
        '--company',
        'globex',
        '--oauth',
        '--base-url',
        'http://globex.localhost:4010/',
      ),
    ).toContain('hrgraph accounts connect-link globex');

    const list = await hrgraph('list');
    expect(list.split('\n')[0]).toMatch(/^ID\s+PROVIDER\s+COMPANY\s+AUTH\s+STATUS\s+UPDATED$/);
    expect(list).toMatch(/acme\s+bamboohr\s+acme\s+apiKey\s+ACTIVE/);
    expect(list).toMatch(/globex\s+bamboohr\s+globex\s+oauth\s+NEEDS_REAUTH/);

    const shown = JSON.parse(await hrgraph('show', 'globex', '--json'));
    expect(shown).toMatchObject({
      id: 'globex',
      baseUrl: 'http://globex.localhost:4010',
      credentials: { set: false },
    });
    expect(await hrgraph('show', 'acme')).toContain(
      'credentials: an API key (sealed; never shown)',
    );

    await hrgraph('update', 'acme', '--company', 'acme-renamed', '--api-key-env', 'NEW_KEY');
    const accounts = await openAccounts({ dataDir: dir, env: {} });
    const acme = (await accounts.get(accountId('acme')))!;
    expect(acme.company).toBe('acme-renamed');
    expect(accounts.secrets(acme)).toEqual({ kind: 'apiKey', apiKey: newKey });
    const piped = (await accounts.get(accountId('piped')))!;
    expect(accounts.secrets(piped)).toEqual({ kind: 'apiKey', apiKey: newKey });
    await accounts.close();

    expect(await hrgraph('update', 'acme', '--disable')).toContain('status DISABLED');
    expect(await hrgraph('update', 'acme', '--enable')).toContain('status ACTIVE');
    expect(await hrgraph('remove', 'piped')).toContain('Removed piped');
    expect(JSON.parse(await hrgraph('list', '--json')).map((a: { id: string }) => a.id)).toEqual([
      'acme',
      'globex',
    ]);
  });

  test('list and show never print a secret', async () => {
    await hrgraph('add', 'acme', '--company', 'acme', '--api-key-env', 'ACME_KEY');
    const printed = [
      await hrgraph('list'),
      await hrgraph('list', '--json'),
      await hrgraph('show', 'acme'),
      await hrgraph('show', 'acme', '--json'),
      await hrgraph('rotate-key'),
    ].join('\n');
    expect(printed).not.toContain(apiKey);
    expect(printed).not.toContain(apiKey.slice(0, 12));
    expect(printed).not.toMatch(/v1\.[\w-]+\.[\w-]+\.[\w-]{20,}/); // nor the sealed value
  });

  test('connect-link prints a single-use link to open in a browser; the store keeps only its hash', async () => {
    await hrgraph('add', 'acme', '--company', 'acme', '--api-key-env', 'ACME_KEY');
    await hrgraph('add', 'globex', '--company', 'globex', '--oauth');
    const printed = await hrgraph('connect-link', 'globex', '--public-url', 'https://hr.example/');
    const url = new URL(/^(https:\S+)$/m.exec(printed)?.[1] ?? 'x:');
    expect(url.origin + url.pathname).toBe('https://hr.example/connect/bamboohr');
    expect(url.searchParams.get('account')).toBe('globex');
    const link = url.searchParams.get('link')!;
    expect(link).toMatch(/^hrc_[0-9a-f]{16}_[\w-]{43}$/);
    expect(printed).toMatch(/works once, until \d{4}-/);
    expect(await hrgraph('connect-link', 'globex')).not.toContain(link);
    // On disk: the link's id, never its secret part.
    const accounts = await openAccounts({ dataDir: dir, env: {} });
    expect(await accounts.store.connectLink(link.split('_')[1]!)).toMatchObject({
      kind: 'link',
      accountId: 'globex',
    });
    await accounts.close();
    const disk = (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f)))))
      .map((b) => b.toString('latin1'))
      .join('');
    expect(disk).not.toContain(link.split('_').slice(2).join('_'));
    // Only OAuth accounts connect through a link.
    await expect(hrgraph('connect-link', 'acme')).rejects.toThrow(/no OAuth account acme/);
    await expect(hrgraph('connect-link', 'nobody')).rejects.toThrow(/no OAuth account nobody/);
  });

  test('rotate-key re-seals every account and reports the key fingerprints only', async () => {
    await hrgraph('add', 'acme', '--company', 'acme', '--api-key-env', 'ACME_KEY');
    await hrgraph('add', 'globex', '--company', 'globex', '--oauth');
    expect(await hrgraph('rotate-key')).toMatch(
      /^Re-sealed 2 account\(s\): key [\w-]{8} → [\w-]{8}\.\n$/,
    );
    const accounts = await openAccounts({ dataDir: dir, env: {} });
    expect(accounts.secrets((await accounts.get(accountId('acme')))!)).toEqual({
      kind: 'apiKey',
      apiKey,
    });
    await accounts.close();
  });

  test('mistakes are refused with what to fix, never echoing the value', async () => {
    await expect(hrgraph('add', 'Bad Id', '--company', 'acme', '--oauth')).rejects.toThrow(
      /account id/,
    );
    await expect(hrgraph('add', 'acme', '--company', 'acme')).rejects.toThrow(
      /say how it authenticates/,
    );
    await expect(
      hrgraph('add', 'acme', '--company', 'acme', '--api-key-env', 'UNSET'),
    ).rejects.toThrow(/UNSET is not set/);
    stdin = 'not a key with spaces';
    await expect(hrgraph('add', 'acme', '--company', 'acme', '--api-key-stdin')).rejects.toThrow(
      /^API key: a single word/,
    );
    await expect(hrgraph('show', 'nobody')).rejects.toThrow(/no account nobody/);
    // There is no way to put a secret on the command line.
    await expect(hrgraph('add', 'acme', '--company', 'acme', '--api-key', apiKey)).rejects.toThrow(
      /unknown option/,
    );
  });

  test('a service-account key from the environment: sealed, described by client and subject, never shown', async () => {
    expect(
      await hrgraph(
        'add',
        'acme-google',
        '--provider',
        'google-workspace',
        '--company',
        'my_customer',
        '--key-env',
        'GOOGLE_KEY',
        '--subject',
        'admin@acme.example',
      ),
    ).toMatch(/Added acme-google \(google-workspace, private key sealed\)/);
    const shown = await hrgraph('show', 'acme-google');
    expect(shown).toContain('service account (signed JWT assertions)');
    expect(shown).toContain('of client hrgraph@acme-hr.iam.gserviceaccount.com');
    expect(shown).toContain('acting as: admin@acme.example');
    const json = JSON.parse(await hrgraph('show', 'acme-google', '--json'));
    expect(json).toMatchObject({
      auth: 'serviceAccount',
      credentials: { set: true, subject: 'admin@acme.example' },
    });
    for (const text of [shown, JSON.stringify(json), await hrgraph('list')]) {
      expect(text).not.toContain('PRIVATE KEY');
    }
  });

  test("a provider's own auth kinds are enforced: Gusto takes OAuth, not a key", async () => {
    await expect(
      hrgraph(
        'add',
        'gusto',
        '--provider',
        'gusto',
        '--company',
        'c0ffee',
        '--api-key-env',
        'ACME_KEY',
      ),
    ).rejects.toThrow(/Gusto accounts authenticate with oauth, not apiKey/);
    await expect(
      hrgraph('add', 'okta', '--provider', 'okta', '--company', 'acme.okta.com', '--subject', 'x'),
    ).rejects.toThrow(/--subject goes with a service-account key/);
  });
});
