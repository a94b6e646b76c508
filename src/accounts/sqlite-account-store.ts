/**
 * The embedded account store: one SQLite file (created on first start), or `:memory:`.
 */

import type { AuthKind } from '../core/contract/index.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import {
  AccountExistsError,
  type AccountRef,
  type AccountStore,
  type StoredApiToken,
  type StoredConnectLink,
} from './account-store.js';
import { type Budget, budgetOf } from './budget.js';
import { openSqlite, type SqliteDatabase, type SqlValue } from './sqlite-driver.js';
import { migrate } from './sqlite-migrations.js';
import type { AccountPatch, AccountStatus, StoredAccount } from './types.js';

interface AccountRow {
  id: string;
  record_id: string;
  provider: string;
  company: string;
  base_url: string | null;
  auth_kind: string;
  sealed_secrets: string | null;
  secrets_version: number;
  status: string;
  status_reason: string | null;
  locked_until: number | null;
  refresh_started_at: number | null;
  created_at: number;
  updated_at: number;
}

interface TokenRow {
  id: string;
  hash: string;
  name: string;
  accounts: string;
  admin: number;
  created_at: number;
  revoked_at: number | null;
  budget_per_request: number | null;
  budget_per_minute: number | null;
}

interface LinkRow {
  id: string;
  kind: string;
  hash: string;
  account_id: string;
  record_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

function toLink(row: LinkRow): StoredConnectLink {
  return {
    id: row.id,
    kind: row.kind === 'flow' ? 'flow' : 'link',
    hash: row.hash,
    accountId: row.account_id as AccountId,
    recordId: row.record_id,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
  };
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
  refreshStartedAt: 'refresh_started_at',
  updatedAt: 'updated_at',
};

function toAccount(row: AccountRow): StoredAccount {
  return {
    id: row.id as AccountId,
    recordId: row.record_id,
    provider: row.provider as ProviderName,
    company: row.company,
    baseUrl: row.base_url,
    authKind: row.auth_kind as AuthKind,
    sealedSecrets: row.sealed_secrets,
    secretsVersion: Number(row.secrets_version),
    status: row.status as AccountStatus,
    statusReason: row.status_reason,
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    refreshStartedAt: row.refresh_started_at === null ? null : Number(row.refresh_started_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toToken(row: TokenRow): StoredApiToken {
  return {
    id: row.id,
    hash: row.hash,
    name: row.name,
    accounts: JSON.parse(row.accounts) as AccountRef[],
    admin: Number(row.admin) === 1,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    budget: budgetOf(row.budget_per_request, row.budget_per_minute),
  };
}

export function createSqliteAccountStore(db: SqliteDatabase): AccountStore {
  migrate(db);
  const setBudget = (table: 'accounts' | 'api_tokens', id: string, budget: Budget) =>
    db.run(`UPDATE ${table} SET budget_per_request = ?, budget_per_minute = ? WHERE id = ?`, [
      budget.perRequest,
      budget.perMinute,
      id,
    ]).changes > 0;
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
        `INSERT INTO accounts (id, record_id, provider, company, base_url, auth_kind, sealed_secrets,
           secrets_version, status, status_reason, locked_until, refresh_started_at, created_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.id,
          a.recordId,
          a.provider,
          a.company,
          a.baseUrl,
          a.authKind,
          a.sealedSecrets,
          a.secretsVersion,
          a.status,
          a.statusReason,
          a.lockedUntil,
          a.refreshStartedAt,
          a.createdAt,
          a.updatedAt,
        ],
      );
    },
    async update(id, patch, ifSecretsVersion, ifRefreshClaim) {
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
      if (ifRefreshClaim !== undefined) {
        where += ' AND refresh_claim = ?';
        params.push(ifRefreshClaim);
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
    async claimRefresh(id, version, claim, at, until) {
      // One statement: SQLite takes the write lock for it, so two claimants cannot both see the
      // row free. A lease over means its holder died (or stalled) without releasing it.
      const { changes } = db.run(
        `UPDATE accounts SET refresh_claim = ?, refresh_claim_until = ?
         WHERE id = ? AND secrets_version = ?
           AND (refresh_claim IS NULL OR refresh_claim = ? OR refresh_claim_until <= ?)`,
        [claim, until, id, version, claim, at],
      );
      return changes > 0;
    },
    async renewRefresh(id, claim, until) {
      const { changes } = db.run(
        'UPDATE accounts SET refresh_claim_until = ? WHERE id = ? AND refresh_claim = ?',
        [until, id, claim],
      );
      return changes > 0;
    },
    async releaseRefresh(id, claim) {
      db.run(
        'UPDATE accounts SET refresh_claim = NULL, refresh_claim_until = NULL WHERE id = ? AND refresh_claim = ?',
        [id, claim],
      );
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
        'INSERT INTO api_tokens (id, hash, name, accounts, admin, created_at, revoked_at, budget_per_request, budget_per_minute) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          t.id,
          t.hash,
          t.name,
          JSON.stringify(t.accounts),
          t.admin ? 1 : 0,
          t.createdAt,
          t.revokedAt,
          t.budget?.perRequest ?? null,
          t.budget?.perMinute ?? null,
        ],
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
    setTokenBudget: async (id, budget) => setBudget('api_tokens', id, budget),
    async accountBudgets() {
      const rows = db.all<{ id: AccountId; per_request: number | null; per_minute: number | null }>(
        'SELECT id, budget_per_request AS per_request, budget_per_minute AS per_minute FROM accounts WHERE budget_per_request IS NOT NULL OR budget_per_minute IS NOT NULL',
      );
      return new Map(rows.map((row) => [row.id, budgetOf(row.per_request, row.per_minute)]));
    },
    setAccountBudget: async (id, budget) => setBudget('accounts', id, budget),

    async insertConnectLink(l) {
      db.transaction(() => {
        // A day past expiry nothing can use a link; keep the table small without a timer.
        db.run('DELETE FROM connect_links WHERE expires_at < ?', [l.createdAt - 86_400_000]);
        db.run(
          `INSERT INTO connect_links (id, kind, hash, account_id, record_id, created_at, expires_at, used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [l.id, l.kind, l.hash, l.accountId, l.recordId, l.createdAt, l.expiresAt, l.usedAt],
        );
      });
    },
    async connectLink(id) {
      const row = db.get<LinkRow>('SELECT * FROM connect_links WHERE id = ?', [id]);
      return row ? toLink(row) : undefined;
    },
    async useConnectLink(id, at) {
      return (
        db.run(
          'UPDATE connect_links SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?',
          [at, id, at],
        ).changes > 0
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
