/**
 * A store made by an earlier hrgraph opens: its accounts get record ids, its tokens name those
 * records (or, for ids the store never had, the config file's accounts), and nothing is lost.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApiTokens } from '../../src/accounts/api-tokens.js';
import { openSqliteAccountStore } from '../../src/accounts/sqlite-account-store.js';
import { openSqlite } from '../../src/accounts/sqlite-driver.js';
import { accountId } from '../../src/core/ids.js';

/** The schema as the first stores wrote it (user_version 0), verbatim. */
const firstSchema = `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY, provider TEXT NOT NULL, company TEXT NOT NULL, base_url TEXT,
  auth_kind TEXT NOT NULL, sealed_secrets TEXT, secrets_version INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL, status_reason TEXT, locked_until INTEGER,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, accounts TEXT NOT NULL,
  created_at INTEGER NOT NULL, revoked_at INTEGER
);`;

const tokenId = '0123456789abcdef';
const tokenSecret = 'A'.repeat(43);
const bearer = `hrg_${tokenId}_${tokenSecret}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-migrate-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function writeFirstStore(file: string) {
  const db = await openSqlite(file);
  db.exec(firstSchema);
  for (const id of ['acme', 'globex']) {
    db.run(
      `INSERT INTO accounts (id, provider, company, base_url, auth_kind, sealed_secrets,
         secrets_version, status, status_reason, locked_until, created_at, updated_at)
       VALUES (?, 'bamboohr', ?, NULL, 'oauth', NULL, 0, 'NEEDS_REAUTH', 'not connected yet', NULL, 1, 2)`,
      [id, id],
    );
  }
  db.run(
    'INSERT INTO api_tokens (id, hash, name, accounts, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)',
    [
      tokenId,
      createHash('sha256').update(tokenSecret).digest('hex'),
      'gateway',
      JSON.stringify(['acme', 'filed']),
      3,
    ],
  );
  db.close();
}

describe('account store migrations', () => {
  test('a store of the first schema opens: records given, tokens name them, nothing lost', async () => {
    const file = join(dir, 'accounts.db');
    await writeFirstStore(file);
    let store = await openSqliteAccountStore(file);
    const accounts = await store.list();
    expect(accounts.map((a) => [a.id, a.company, a.status, a.statusReason])).toEqual([
      ['acme', 'acme', 'NEEDS_REAUTH', 'not connected yet'],
      ['globex', 'globex', 'NEEDS_REAUTH', 'not connected yet'],
    ]);
    const [acme, globex] = accounts;
    expect(acme?.recordId).toMatch(/^[0-9a-f]{16}$/);
    expect(acme?.recordId).not.toBe(globex?.recordId);
    expect(acme?.refreshStartedAt).toBeNull();
    expect((await store.token(tokenId))?.accounts).toEqual([
      { id: 'acme', record: acme?.recordId },
      // Not in the store when migrated: it could only have been an account of the config file.
      { id: 'filed', record: null },
    ]);
    const tokens = createApiTokens(store, { configAccounts: [accountId('filed')] });
    expect(await tokens.verify(bearer)).toEqual(['acme', 'filed']);
    await store.close();

    // Opening again migrates nothing twice: the records stay.
    store = await openSqliteAccountStore(file);
    expect((await store.get(accountId('acme')))?.recordId).toBe(acme?.recordId);
    // And the migrated token is bound to the record: a re-added acme is not its acme.
    await store.remove(accountId('acme'));
    await store.insert({ ...acme!, recordId: 'ffffffffffffffff', company: 'initech' });
    expect(
      await createApiTokens(store, { configAccounts: [accountId('filed')] }).verify(bearer),
    ).toEqual(['filed']);
    await store.close();
  });
});
