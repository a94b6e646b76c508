/**
 * hrgraph's own API tokens: who may ask, for which accounts, and whether they may connect
 * accounts (the admin scope: connecting an account replaces its grant for every caller). A token reads
 * `hrg_<id>_<secret>`; the store keeps the id (to find it), a SHA-256 of the secret (to check
 * it), its name and its accounts. The secret is shown once, when created, and never again.
 *
 * A token names account records, not ids: the record an account was given when it was added. An
 * id removed and added again (perhaps for another company) is a new record, which no earlier
 * token reads. Accounts of the config file have no record; a token names them as such, and reads
 * them only while the config file defines them.
 */
import type { AccountId } from '../core/ids.js';
import type { AccountRef, AccountStore, StoredApiToken } from './account-store.js';
import { mintSecret, readSecret } from './bearer-secret.js';
import { type Budget, noBudget } from './budget.js';

/** Some accounts a token was asked for are not in the store (nothing was created). */
export class UnknownAccountsError extends Error {
  constructor(readonly accountIds: readonly string[]) {
    super(
      `not in the store: ${accountIds.join(', ')} (an account of the config file is named with --config-accounts)`,
    );
    this.name = 'UnknownAccountsError';
  }
}

export interface CreatedToken {
  readonly token: StoredApiToken;
  /** The bearer token itself: print it once. */
  readonly secret: string;
}

export interface TokenScopeOptions {
  /** Accounts of the config file, by id (they have no record in the store). @default [] */
  readonly configAccounts?: readonly AccountId[];
  /** The admin scope: may connect (and re-connect) any account of the store. @default false */
  readonly admin?: boolean;
  /** Provider calls the token's requests may make. @default no limit */
  readonly budget?: Budget;
}

export interface ApiTokens {
  /** Throws UnknownAccountsError when an account is not in the store. */
  create(
    name: string,
    accounts: readonly AccountId[],
    options?: TokenScopeOptions,
  ): Promise<CreatedToken>;
  list(): Promise<StoredApiToken[]>;
  revoke(id: string): Promise<boolean>;
  /** The accounts a bearer token may read, or null for a missing, malformed, unknown or revoked one. */
  verify(bearer: string): Promise<readonly AccountId[] | null>;
  /** Whether a bearer token is a valid one with the admin scope. */
  isAdmin(bearer: string): Promise<boolean>;
  /** A valid token's id and budget, or null (as `verify`): what the budgets plugin counts by. */
  budget(bearer: string): Promise<{ readonly tokenId: string; readonly budget: Budget } | null>;
  /** Whether each of a token's accounts is still the record it names. */
  live(ref: AccountRef): Promise<boolean>;
}

export interface ApiTokensOptions {
  /** @default Date.now */
  readonly now?: () => number;
  /**
   * The ids of the config file's accounts in this process: what `record: null` names, and ids a
   * store record can no longer be read under (the config file wins). @default none
   */
  readonly configAccounts?: Iterable<AccountId>;
}

export function createApiTokens(store: AccountStore, options: ApiTokensOptions = {}): ApiTokens {
  const { now = Date.now } = options;
  const configIds = new Set(options.configAccounts ?? []);

  async function live(ref: AccountRef): Promise<boolean> {
    if (ref.record === null) return configIds.has(ref.id);
    if (configIds.has(ref.id)) return false;
    return (await store.get(ref.id))?.recordId === ref.record;
  }

  async function find(bearer: string): Promise<StoredApiToken | null> {
    const read = readSecret('hrg', bearer);
    const token = read ? await store.token(read.id) : undefined;
    if (!read || !token || token.revokedAt !== null) return null;
    return read.matches(token.hash) ? token : null;
  }

  return {
    async create(name, accounts, scope = {}) {
      const refs: AccountRef[] = [];
      const unknown: string[] = [];
      for (const accountId of new Set(accounts)) {
        const stored = await store.get(accountId);
        if (stored) refs.push({ id: accountId, record: stored.recordId });
        else unknown.push(accountId);
      }
      if (unknown.length > 0) throw new UnknownAccountsError(unknown);
      for (const accountId of new Set(scope.configAccounts ?? [])) {
        refs.push({ id: accountId, record: null });
      }
      const minted = mintSecret('hrg');
      const token: StoredApiToken = {
        id: minted.id,
        hash: minted.hash,
        name,
        accounts: refs,
        admin: scope.admin === true,
        createdAt: now(),
        revokedAt: null,
        budget: scope.budget ?? noBudget,
      };
      await store.insertToken(token);
      return { token, secret: minted.text };
    },
    list: () => store.tokens(),
    revoke: (id) => store.revokeToken(id, now()),
    async verify(bearer) {
      const token = await find(bearer);
      if (!token) return null;
      const readable: AccountId[] = [];
      for (const ref of token.accounts) if (await live(ref)) readable.push(ref.id);
      return readable;
    },
    isAdmin: async (bearer) => (await find(bearer))?.admin === true,
    async budget(bearer) {
      const token = await find(bearer);
      return token ? { tokenId: token.id, budget: token.budget ?? noBudget } : null;
    },
    live,
  };
}
