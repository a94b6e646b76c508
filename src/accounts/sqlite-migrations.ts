/**
 * The account store's schema and how a store made by an older hrgraph is brought up to date.
 * `PRAGMA user_version` says which migrations a file has had; each runs once, in order, inside
 * one immediate transaction, so two processes opening the same old file cannot both apply it.
 */
import { newRecordId } from './account-store.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** The tables as the first stores had them (user_version 0); migrations build on this. */
const baseline = `
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

type Migration = (db: SqliteDatabase) => void;

const migrations: readonly Migration[] = [
  /**
   * 1. Account records: every account gets an immutable record id, and a token's accounts become
   * `{id, record}` pairs. A token naming an id the store has now is given that account's record
   * (what it could read until today); an id the store lacks came from a config file (the only
   * way such a token could read anything), and says so with `record: null`.
   */
  function accountRecords(db) {
    db.exec('ALTER TABLE accounts ADD COLUMN record_id TEXT');
    for (const { id } of db.all<{ id: string }>('SELECT id FROM accounts')) {
      db.run('UPDATE accounts SET record_id = ? WHERE id = ?', [newRecordId(), id]);
    }
    const records = new Map(
      db
        .all<{ id: string; record_id: string }>('SELECT id, record_id FROM accounts')
        .map((row) => [row.id, row.record_id]),
    );
    for (const token of db.all<{ id: string; accounts: string }>(
      'SELECT id, accounts FROM api_tokens',
    )) {
      const ids = JSON.parse(token.accounts) as string[];
      const refs = ids.map((id) => ({ id, record: records.get(id) ?? null }));
      db.run('UPDATE api_tokens SET accounts = ? WHERE id = ?', [JSON.stringify(refs), token.id]);
    }
  },
  /**
   * 2. Connecting an account is an administrative act: tokens may carry the admin scope, and
   * connect links (made by the CLI, single-use) and OAuth flows in progress are kept, hashed.
   */
  function connectGrants(db) {
    db.exec(`
      ALTER TABLE api_tokens ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE connect_links (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        hash TEXT NOT NULL,
        account_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
    `);
  },
  /**
   * 3. Refreshes are written ahead: when a refresh with the stored refresh token started, cleared
   * when its answer is stored. Still set at the next refresh, it says an answer was lost.
   */
  function refreshWriteAhead(db) {
    db.exec('ALTER TABLE accounts ADD COLUMN refresh_started_at INTEGER');
  },
  /**
   * 4. Processes sharing the store (the workers of `serve --workers N`) refresh an account one at
   * a time: a claim names its holder and a lease (epoch ms) the holder renews while it works.
   */
  function refreshClaims(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN refresh_claim TEXT;
      ALTER TABLE accounts ADD COLUMN refresh_claim_until INTEGER;
    `);
  },
  /**
   * 5. Budgets of provider calls (issue 21): a token and an account may each carry a most per
   * request and a most per minute; null is no limit, what every existing one keeps.
   */
  function callBudgets(db) {
    db.exec(`
      ALTER TABLE api_tokens ADD COLUMN budget_per_request INTEGER;
      ALTER TABLE api_tokens ADD COLUMN budget_per_minute INTEGER;
      ALTER TABLE accounts ADD COLUMN budget_per_request INTEGER;
      ALTER TABLE accounts ADD COLUMN budget_per_minute INTEGER;
    `);
  },
];

/** Creates the tables on first use and applies every migration the file has not had yet. */
export function migrate(db: SqliteDatabase): void {
  db.exec(baseline);
  const version = () =>
    Number(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version);
  if (version() >= migrations.length) return;
  db.transaction(() => {
    // Another process may have migrated between the check and the lock.
    for (let at = version(); at < migrations.length; at++) {
      migrations[at]?.(db);
      db.exec(`PRAGMA user_version = ${at + 1}`);
    }
  });
}
