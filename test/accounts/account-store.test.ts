import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AccountService } from '../../src/accounts/account-service.js';
import { generateKey, keyId, SealError } from '../../src/accounts/credential-cipher.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { openSqlite } from '../../src/accounts/sqlite-driver.js';
import { accountId, providerName } from '../../src/core/ids.js';

const apiKey = '5f1c0a6be0c94d2fb3f8a1e27c9d4b6a0e1f2a3b';
const accessToken = 'oauth-access-token-1c9d4b6a0e1f2a3b5f1c0a6be';
const refreshToken = 'oauth-refresh-token-0e1f2a3b5f1c0a6be0c94d2f';

let dir: string;
let service: AccountService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-store-'));
});
afterEach(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

async function seed(s: AccountService) {
  await s.add({
    id: accountId('acme'),
    provider: providerName('bamboohr'),
    company: 'acme',
    authKind: 'apiKey',
    secrets: { kind: 'apiKey', apiKey },
  });
  await s.add({
    id: accountId('globex'),
    provider: providerName('bamboohr'),
    company: 'globex',
    baseUrl: 'http://globex.localhost:4010',
    authKind: 'oauth',
    secrets: {
      kind: 'oauth',
      tokens: { accessToken, refreshToken, expiresAt: 1_800_000_000_000, scopes: ['employee'] },
    },
  });
}

/** Every byte the store left on disk: the database, its WAL and shared-memory files, the key. */
async function everythingOnDisk(): Promise<string> {
  const files = await readdir(dir);
  const contents = await Promise.all(files.map((f) => readFile(join(dir, f))));
  return Buffer.concat(contents).toString('latin1');
}

describe('account store: SQLite, created on first start', () => {
  test('the runtime driver: node:sqlite where it exists, better-sqlite3 on Node 20', async () => {
    const db = await openSqlite(':memory:');
    const major = Number(process.versions.node.split('.')[0]);
    expect(db.driver).toBe(
      major >= 24 ? 'node:sqlite' : major === 20 ? 'better-sqlite3' : db.driver,
    );
    db.close();
  });

  test('creates the directory (0700), the database and a key file readable by its owner only (0600)', async () => {
    const dataDir = join(dir, 'data');
    service = await openAccounts({ dataDir, env: {} });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'accounts.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'accounts.db'))).mode & 0o777).toBe(0o600);
    await service.close();
    // The same key on the next start: secrets sealed before still open.
    const key = await readFile(join(dataDir, 'accounts.key'), 'utf8');
    service = await openAccounts({ dataDir, env: {} });
    expect(await readFile(join(dataDir, 'accounts.key'), 'utf8')).toBe(key);
  });

  test('accounts round-trip: add, list, get, update (company renames), remove', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    expect((await service.list()).map((a) => [a.id, a.status, a.authKind])).toEqual([
      ['acme', 'ACTIVE', 'apiKey'],
      ['globex', 'ACTIVE', 'oauth'],
    ]);
    const renamed = await service.update(accountId('acme'), { company: 'acme-corp' });
    expect(renamed?.company).toBe('acme-corp');
    expect(service.secrets(renamed!)).toEqual({ kind: 'apiKey', apiKey });
    const globex = await service.get(accountId('globex'));
    expect(globex?.baseUrl).toBe('http://globex.localhost:4010');
    expect(service.secrets(globex!)).toMatchObject({ kind: 'oauth', tokens: { refreshToken } });
    expect(await service.remove(accountId('globex'))).toBe(true);
    expect(await service.get(accountId('globex'))).toBeUndefined();
    await expect(
      service.add({
        id: accountId('acme'),
        provider: providerName('bamboohr'),
        company: 'x',
        authKind: 'oauth',
        secrets: null,
      }),
    ).rejects.toThrow(/already exists/);
  });

  test('the store file on disk contains no secret in clear text (grepped, WAL included)', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    await service.rotateKey();
    await service.update(accountId('acme'), { company: 'acme2' });
    const disk = await everythingOnDisk();
    expect(disk).toContain('globex'); // the grep does see the plain columns
    for (const secret of [apiKey, accessToken, refreshToken]) {
      expect(disk).not.toContain(secret);
      expect(disk).not.toContain(Buffer.from(secret).toString('base64'));
    }
    await service.close();
    for (const file of await readdir(dir)) {
      const found = (() => {
        try {
          return execFileSync('grep', ['-c', '-a', apiKey, join(dir, file)], { encoding: 'utf8' });
        } catch {
          return '0\n';
        }
      })();
      expect(found.trim(), file).toBe('0');
    }
  });

  test('a tampered ciphertext in the database is refused', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    const acme = (await service.get(accountId('acme')))!;
    const parts = acme.sealedSecrets!.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[4]! ^= 0x80;
    parts[3] = body.toString('base64url');
    await service.store.update(accountId('acme'), { sealedSecrets: parts.join('.') });
    const tampered = (await service.get(accountId('acme')))!;
    expect(() => service.secrets(tampered)).toThrow(SealError);
    // Swapping two accounts' sealed values is refused too (the id is the associated data).
    const globex = (await service.get(accountId('globex')))!;
    await service.store.update(accountId('acme'), { sealedSecrets: globex.sealedSecrets });
    const swapped = (await service.get(accountId('acme')))!;
    expect(() => service.secrets(swapped)).toThrow(SealError);
  });

  test('key rotation re-encrypts every record; the old key opens none of them', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    const oldKey = await readFile(join(dir, 'accounts.key'), 'utf8');
    const before = new Map((await service.list()).map((a) => [a.id, a.sealedSecrets]));
    const { accounts, keyId: newId } = await service.rotateKey();
    expect(accounts).toBe(2);
    const after = await service.list();
    for (const account of after) {
      expect(account.sealedSecrets).not.toBe(before.get(account.id));
      expect(account.sealedSecrets?.split('.')[1]).toBe(newId);
    }
    expect(service.secrets(after[0]!)).toEqual({ kind: 'apiKey', apiKey });
    const newKey = await readFile(join(dir, 'accounts.key'), 'utf8');
    expect(newKey).not.toBe(oldKey);
    expect((await stat(join(dir, 'accounts.key'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).not.toContain('accounts.key.next');
    // A restart reads the new key and opens everything.
    await service.close();
    service = await openAccounts({ dataDir: dir, env: {} });
    expect(service.secrets((await service.get(accountId('globex')))!)).toMatchObject({
      kind: 'oauth',
    });
  });

  test('a rotation cut short before the re-sealing committed is undone on the next start', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    const id = service.keyId();
    await service.close();
    await writeFile(join(dir, 'accounts.key.next'), `${generateKey().toString('base64')}\n`, {
      mode: 0o600,
    });
    service = await openAccounts({ dataDir: dir, env: {} });
    expect(service.keyId()).toBe(id);
    expect(await readdir(dir)).not.toContain('accounts.key.next');
    expect(service.secrets((await service.get(accountId('acme')))!)).toEqual({
      kind: 'apiKey',
      apiKey,
    });
  });

  test('the key can come from HRGRAPH_ACCOUNTS_KEY (no key file), and rotates to HRGRAPH_ACCOUNTS_NEW_KEY', async () => {
    const key = generateKey();
    const next = generateKey();
    const env = {
      HRGRAPH_ACCOUNTS_KEY: key.toString('base64'),
      HRGRAPH_ACCOUNTS_NEW_KEY: next.toString('base64'),
    };
    service = await openAccounts({
      dataDir: dir,
      env: { HRGRAPH_ACCOUNTS_KEY: env.HRGRAPH_ACCOUNTS_KEY },
    });
    expect(await readdir(dir)).not.toContain('accounts.key');
    expect(service.keyId()).toBe(keyId(key));
    await seed(service);
    await expect(service.rotateKey()).rejects.toThrow(/HRGRAPH_ACCOUNTS_NEW_KEY/);
    await service.close();
    service = await openAccounts({ dataDir: dir, env });
    await service.rotateKey();
    await service.close();
    service = await openAccounts({
      dataDir: dir,
      env: { HRGRAPH_ACCOUNTS_KEY: env.HRGRAPH_ACCOUNTS_NEW_KEY },
    });
    expect(service.secrets((await service.get(accountId('acme')))!)).toEqual({
      kind: 'apiKey',
      apiKey,
    });
  });

  test('a key file others can read is refused; a malformed env key is refused without echoing it', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await service.close();
    execFileSync('chmod', ['644', join(dir, 'accounts.key')]);
    await expect(openAccounts({ dataDir: dir, env: {} })).rejects.toThrow(/readable by others/);
    await expect(
      openAccounts({ dataDir: dir, env: { HRGRAPH_ACCOUNTS_KEY: 'not-a-key-secret' } }),
    ).rejects.toThrow(/^HRGRAPH_ACCOUNTS_KEY must be 32 bytes/);
    execFileSync('chmod', ['600', join(dir, 'accounts.key')]);
    service = await openAccounts({ dataDir: dir, env: {} });
  });

  test('statuses: disabling and enabling, new credentials lift a lockout', async () => {
    service = await openAccounts({ dataDir: dir, env: {} });
    await seed(service);
    const id = accountId('acme');
    await service.setStatus(
      id,
      'LOCKED_OUT',
      'the provider refused the API key',
      1_900_000_000_000,
    );
    expect(await service.get(id)).toMatchObject({
      status: 'LOCKED_OUT',
      lockedUntil: 1_900_000_000_000,
    });
    const renewed = await service.update(id, {
      secrets: { kind: 'apiKey', apiKey: 'b'.repeat(40) },
    });
    expect(renewed).toMatchObject({
      status: 'ACTIVE',
      lockedUntil: null,
      statusReason: null,
      secretsVersion: 2,
    });
    expect((await service.update(id, { status: 'DISABLED' }))?.status).toBe('DISABLED');
    // New credentials do not re-enable a disabled account; enabling does.
    expect(
      (await service.update(id, { secrets: { kind: 'apiKey', apiKey: 'c'.repeat(40) } }))?.status,
    ).toBe('DISABLED');
    expect((await service.update(id, { status: 'ACTIVE' }))?.status).toBe('ACTIVE');
    const pending = await service.add({
      id: accountId('initech'),
      provider: providerName('bamboohr'),
      company: 'initech',
      authKind: 'oauth',
      secrets: null,
    });
    expect(pending.status).toBe('NEEDS_REAUTH');
    expect((await service.update(pending.id, { status: 'ACTIVE' }))?.status).toBe('NEEDS_REAUTH');
  });
});
