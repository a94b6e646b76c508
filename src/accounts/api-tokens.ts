/**
 * hrgraph's own API tokens: who may ask, and for which accounts. A token reads
 * `hrg_<id>_<secret>`; the store keeps the id (to find it), a SHA-256 of the secret (to check
 * it), its name and its accounts. The secret is shown once, when created, and never again.
 *
 * SHA-256 without salt or stretching is enough here: the secret is 256 random bits, not a
 * password a person chose, so there is no dictionary to guess from.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountId } from '../core/ids.js';
import type { AccountStore, StoredApiToken } from './account-store.js';

const tokenPattern = /^hrg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

function hash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface CreatedToken {
  readonly token: StoredApiToken;
  /** The bearer token itself: print it once. */
  readonly secret: string;
}

export interface ApiTokens {
  create(name: string, accounts: readonly AccountId[]): Promise<CreatedToken>;
  list(): Promise<StoredApiToken[]>;
  revoke(id: string): Promise<boolean>;
  /** The accounts a bearer token may read, or null for a missing, malformed, unknown or revoked one. */
  verify(bearer: string): Promise<readonly AccountId[] | null>;
}

export function createApiTokens(store: AccountStore, now: () => number = Date.now): ApiTokens {
  return {
    async create(name, accounts) {
      const id = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const token: StoredApiToken = {
        id,
        hash: hash(secret),
        name,
        accounts: [...new Set(accounts)],
        createdAt: now(),
        revokedAt: null,
      };
      await store.insertToken(token);
      return { token, secret: `hrg_${id}_${secret}` };
    },
    list: () => store.tokens(),
    revoke: (id) => store.revokeToken(id, now()),
    async verify(bearer) {
      const match = tokenPattern.exec(bearer);
      if (!match) return null;
      const [, id, secret] = match as unknown as [string, string, string];
      const token = await store.token(id);
      if (!token || token.revokedAt !== null) return null;
      const expected = Buffer.from(token.hash, 'hex');
      const actual = Buffer.from(hash(secret), 'hex');
      return expected.length === actual.length && timingSafeEqual(expected, actual)
        ? token.accounts
        : null;
    },
  };
}
