/**
 * Where accounts and hrgraph's own API tokens are kept. The embedded default is SQLite
 * (sqlite-account-store.ts); the interface is asynchronous so a PostgreSQL store can follow
 * without changing its callers. A store never sees a secret in clear: credentials arrive sealed.
 */
import { randomBytes } from 'node:crypto';
import type { AccountId } from '../core/ids.js';
import type { Budget } from './budget.js';
import type { AccountPatch, StoredAccount } from './types.js';

export class AccountExistsError extends Error {
  constructor(readonly accountId: string) {
    super(`account ${accountId} already exists`);
    this.name = 'AccountExistsError';
  }
}

/** A new account record's id: what tokens name, so an id used again is another record. */
export function newRecordId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * An account as a token names it: its id and the record it had when the token was made, or
 * `record: null` for an account of the config file (which has no record in the store).
 */
export interface AccountRef {
  readonly id: AccountId;
  readonly record: string | null;
}

/** One of hrgraph's API tokens; only a hash of the token itself is kept. */
export interface StoredApiToken {
  /** Public id, shown by `tokens list` and part of the token (the lookup key). */
  readonly id: string;
  /** SHA-256 of the token's secret part, hex. */
  readonly hash: string;
  readonly name: string;
  /** The account records the token may read. */
  readonly accounts: readonly AccountRef[];
  /** May connect accounts (an administrative act), whichever accounts it reads. */
  readonly admin: boolean;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  /** Provider calls the token's requests may make. @default no limit */
  readonly budget?: Budget;
}

/**
 * Something that lets one OAuth connection start or finish, once: a connect link made by the CLI
 * (`link`: its secret's SHA-256 is kept) or a flow begun at /connect (`flow`: checked by the
 * state's MAC, so no hash). Either is bound to an account record.
 */
export interface StoredConnectLink {
  readonly id: string;
  readonly kind: 'link' | 'flow';
  readonly hash: string;
  readonly accountId: AccountId;
  readonly recordId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export interface AccountStore {
  list(): Promise<StoredAccount[]>;
  get(id: AccountId): Promise<StoredAccount | undefined>;
  /** Throws AccountExistsError when the id is taken. */
  insert(account: StoredAccount): Promise<void>;
  /**
   * Applies `patch`; with `ifSecretsVersion`, only when the stored secrets are still that
   * version (compare-and-set, so two writers never overwrite each other's tokens); with
   * `ifRefreshClaim`, only while that claim holds the account's refresh (fencing, below).
   * @returns the updated account, or undefined when it is missing or a condition failed.
   */
  update(
    id: AccountId,
    patch: AccountPatch,
    ifSecretsVersion?: number,
    ifRefreshClaim?: string,
  ): Promise<StoredAccount | undefined>;
  /**
   * The row lock that lets one process at a time refresh an account's OAuth tokens: takes the
   * refresh of the secrets at `version` for `claim` until `until` (epoch ms) when no other claim
   * holds it at `at` (none, released, or its lease over). False when another holds it or the
   * secrets moved past `version` (someone refreshed: read them).
   */
  claimRefresh(
    id: AccountId,
    version: number,
    claim: string,
    at: number,
    until: number,
  ): Promise<boolean>;
  /** Extends `claim`'s lease to `until`; false when it no longer holds. */
  renewRefresh(id: AccountId, claim: string, until: number): Promise<boolean>;
  /** Lets `claim` go, if it still holds. */
  releaseRefresh(id: AccountId, claim: string): Promise<void>;
  remove(id: AccountId): Promise<boolean>;
  /**
   * Replaces every account's sealed secrets in one transaction (key rotation): all or none.
   * `reseal` returns the new sealed value for an account's old one.
   */
  resealAll(reseal: (account: StoredAccount) => string | null): Promise<number>;

  insertToken(token: StoredApiToken): Promise<void>;
  token(id: string): Promise<StoredApiToken | undefined>;
  tokens(): Promise<StoredApiToken[]>;
  revokeToken(id: string, at: number): Promise<boolean>;
  /** Sets a token's budget; false when there is no such token. */
  setTokenBudget(id: string, budget: Budget): Promise<boolean>;
  /** Provider calls each stored account may be made, by id (accounts without one are left out). */
  accountBudgets(): Promise<Map<AccountId, Budget>>;
  /** Sets an account's budget; false when there is no such account. */
  setAccountBudget(id: AccountId, budget: Budget): Promise<boolean>;

  /** Stores a link, and forgets links that expired long ago. */
  insertConnectLink(link: StoredConnectLink): Promise<void>;
  connectLink(id: string): Promise<StoredConnectLink | undefined>;
  /** Marks a link used if it is unused and unexpired at `at`: true only for the one caller that did. */
  useConnectLink(id: string, at: number): Promise<boolean>;

  close(): Promise<void>;
}
