/**
 * Who may refresh an OAuth account's tokens when several processes share its store (the workers of
 * `hrgraph serve --workers N`): one at a time, so a single-use refresh token is never sent twice
 * and N processes at one expiry make one refresh. The others wait for the tokens it stores.
 *
 * The embedded lock is the account's row in the store (AccountStore.claimRefresh): a claim names
 * its holder and carries a lease, which the holder renews while it works, so a holder that dies
 * mid-refresh frees the account within one lease. The write-ahead of the refresh is made only
 * while the claim still holds (fencing): a holder that stalled past its lease, and lost the claim
 * to another, sends nothing. A lock for many machines (PostgreSQL, Redis) fits the same interface.
 */
import { randomBytes } from 'node:crypto';
import type { AccountId } from '../core/ids.js';
import type { AccountStore } from './account-store.js';

export interface RefreshClaim {
  /**
   * What the write-ahead must still find in the store for the refresh to be sent; null where the
   * lock lives in this process alone and nothing else can take it.
   */
  readonly fence: string | null;
  /** Gives the claim up; the lease stops being renewed. */
  release(): Promise<void>;
}

export interface RefreshLock {
  /**
   * Claims the refresh of the tokens at secrets `version`: null while another process holds a
   * live claim, or when the stored secrets moved past `version` (read them: someone refreshed).
   */
  claim(version: number): Promise<RefreshClaim | null>;
}

/** One process: the token manager's own single flight is the whole lock. */
export const inProcessRefreshLock: RefreshLock = {
  claim: async () => ({ fence: null, release: async () => {} }),
};

export interface StoreRefreshLockOptions {
  /**
   * How long a claim holds without being renewed: a holder that dies frees the account after at
   * most this long. Its holder renews it every third of it.
   * @default 15_000
   */
  readonly leaseMs?: number;
  /** Epoch ms, as the store's other times (comparable across processes). @default Date.now */
  readonly now?: () => number;
}

type ClaimStore = Pick<AccountStore, 'claimRefresh' | 'renewRefresh' | 'releaseRefresh'>;

export function createStoreRefreshLock(
  store: ClaimStore,
  accountId: AccountId,
  options: StoreRefreshLockOptions = {},
): RefreshLock {
  const { leaseMs = 15_000, now = Date.now } = options;
  return {
    async claim(version) {
      // The process id says who holds it to whoever reads the store; the random part keeps a
      // restarted process (the same id again) from mistaking an old claim for its own.
      const fence = `${process.pid}.${randomBytes(6).toString('hex')}`;
      const at = now();
      if (!(await store.claimRefresh(accountId, version, fence, at, at + leaseMs))) return null;
      const renewal = setInterval(function renewRefreshLease() {
        // A lost claim or a closed store: the fenced write-ahead stops this holder anyway.
        store.renewRefresh(accountId, fence, now() + leaseMs).catch(() => {});
      }, leaseMs / 3);
      renewal.unref();
      return {
        fence,
        async release() {
          clearInterval(renewal);
          await store.releaseRefresh(accountId, fence);
        },
      };
    },
  };
}
