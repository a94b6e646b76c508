/**
 * The embedded account store: one SQLite file (created on first start), or `:memory:`.
 */

import type { AuthKind } from '../core/contract/index.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import { AccountExistsError, type AccountStore, type StoredApiToken } from './account-store.js';
import { openSqlite, type SqliteDatabase, type SqlValue } from './sqlite-driver.js';
import type { AccountPatch, AccountStatus, StoredAccount } from './types.js';

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  company TEXT NOT NULL,
  base_url TEXT,
  auth_kind TEXT NOT NULL,
  sealed_secrets TEXT,
  secrets_version INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  status_reason TEXT,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  name TEXT NOT NULL,
  accounts TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
`;

interface AccountRow {
  id: string;
  provider: string;
  company: string;
  base_url: string | null;
  auth_kind: string;
  sealed_secrets: string | null;
  secrets_version: number;
  status: string;
  status_reason: string | null;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

interface TokenRow {
  id: string;
  hash: string;
  name: string;
  accounts: string;
  created_at: number;
  revoked_at: number | null;
}

const columns: Record<keyof AccountPatch, keyof AccountRow> = {
  company: 'company',
  baseUrl: 'base_url',
  authKind: 'auth_kind',
  sealedSecrets: 'sealed_secrets',
  secretsVersion: 'secrets_version',
  status: 'status',
  statusReason: 'status_reason',
  lockedUntil: 'locked_until',
  updatedAt: 'updated_at',
};

function toAccount(row: AccountRow): StoredAccount {
  return {
    id: row.id as AccountId,
    provider: row.provider as ProviderName,
    company: row.company,
    baseUrl: row.base_url,
    authKind: row.auth_kind as AuthKind,
    sealedSecrets: row.sealed_secrets,
    secretsVersion: Number(row.secrets_version),
    status: row.status as AccountStatus,
    statusReason: row.status_reason,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toToken(row: TokenRow): StoredApiToken {
  return {
    id: row.id,
    hash: row.hash,
    name: row.name,
    accounts: JSON.parse(row.accounts) as AccountId[],
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export function createSqliteAccountStore(db: SqliteDatabase): AccountStore {
  db.exec(schema);
  const selectAccount = 'SELECT * FROM accounts WHERE id = ?';

  return {
    list: async () => db.all<AccountRow>('SELECT * FROM accounts ORDER BY id').map(toAccount),
    async get(id) {
      const row = db.get<AccountRow>(selectAccount, [id]);
      return row ? toAccount(row) : undefined;
    },
    async insert(a) {
      if (db.get(selectAccount, [a.id])) throw new AccountExistsError(a.id);
      db.run(
        `INSERT INTO accounts (id, provider, company, base_url, auth_kind, sealed_secrets,
           secrets_version, status, status_reason, locked_until, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.id,
          a.provider,
          a.company,
          a.baseUrl,
          a.authKind,
          a.sealedSecrets,
          a.secretsVersion,
          a.status,
          a.statusReason,
          a.lockedUntil,
          a.createdAt,
          a.updatedAt,
        ],
      );
    },
    async update(id, patch, ifSecretsVersion) {
      const keys = (Object.keys(patch) as (keyof AccountPatch)[]).filter(
        (key) => patch[key] !== undefined,
      );
      const sets = keys.map((key) => `${columns[key]} = ?`);
      const values = keys.map((key) => patch[key] as SqlValue);
      let where = 'id = ?';
      const params: SqlValue[] = [...values, id];
      if (ifSecretsVersion !== undefined) {
        where += ' AND secrets_version = ?';
        params.push(ifSecretsVersion);
      }
      return db.transaction(() => {
        if (sets.length > 0) {
          const { changes } = db.run(
            `UPDATE accounts SET ${sets.join(', ')} WHERE ${where}`,
            params,
          );
          if (changes === 0) return undefined;
        }
        const row = db.get<AccountRow>(selectAccount, [id]);
        return row ? toAccount(row) : undefined;
      });
    },
    async remove(id) {
      return db.run('DELETE FROM accounts WHERE id = ?', [id]).changes > 0;
    },
    async resealAll(reseal) {
      return db.transaction(() => {
        const rows = db.all<AccountRow>('SELECT * FROM accounts');
        for (const row of rows) {
          const account = toAccount(row);
          db.run('UPDATE accounts SET sealed_secrets = ? WHERE id = ?', [reseal(account), row.id]);
        }
        return rows.length;
      });
    },

    async insertToken(t) {
      db.run(
        'INSERT INTO api_tokens (id, hash, name, accounts, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
        [t.id, t.hash, t.name, JSON.stringify(t.accounts), t.createdAt, t.revokedAt],
      );
    },
    async token(id) {
      const row = db.get<TokenRow>('SELECT * FROM api_tokens WHERE id = ?', [id]);
      return row ? toToken(row) : undefined;
    },
    tokens: async () =>
      db.all<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id').map(toToken),
    async revokeToken(id, at) {
      return (
        db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])
          .changes > 0
      );
    },

    close: async () => db.close(),
  };
}

/** Opens the store at `path`, creating the file and its tables on first use. */
export async function openSqliteAccountStore(path: string): Promise<AccountStore> {
  const db = await openSqlite(path);
  if (path !== ':memory:') {
    // WAL lets the CLI write while a server reads; the timeout rides out the other's lock.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA busy_timeout = 5000');
  }
  return createSqliteAccountStore(db);
}
