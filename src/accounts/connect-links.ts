/**
 * What lets one OAuth connection of one account start, and finish, exactly once. Connecting an
 * account replaces its grant for every caller, so it is an administrative act:
 *
 * - a connect link (`hrgraph accounts connect-link ID`) is a short-lived, single-use secret,
 *   `hrc_<id>_<secret>`, of which the store keeps only a SHA-256; it is bound to the account's
 *   record, so a link made for an account that was removed and added again opens nothing;
 * - each flow /connect starts is recorded too, so its state can finish one callback only (a
 *   replayed callback is refused before any code is exchanged).
 *
 * Every refusal looks alike (malformed, unknown, another account's, expired, already used): a
 * person probing links learns nothing, not even whether the account exists.
 */
import { randomBytes } from 'node:crypto';
import type { AccountId } from '../core/ids.js';
import type { AccountStore } from './account-store.js';
import { mintSecret, readSecret } from './bearer-secret.js';
import type { StoredAccount } from './types.js';

export interface ConnectLinksOptions {
  /** @default Date.now */
  readonly now?: () => number;
  /** How long a connect link may wait to be opened. @default 900_000 (15 minutes) */
  readonly linkTtlMs?: number;
  /** How long a started flow may take to come back. @default 600_000 (BambooHR's code lifetime) */
  readonly flowTtlMs?: number;
}

/** The account record a flow was started for. */
export interface FlowTarget {
  readonly accountId: AccountId;
  readonly recordId: string;
}

export interface ConnectLinks {
  /** A new link for the account's current record: hand `link` out once. */
  create(account: StoredAccount): Promise<{ readonly link: string; readonly expiresAt: number }>;
  /**
   * Spends `link` for `account`; false for anything else, all alike. With no account the link is
   * still looked up, so an unknown account takes as long to refuse as a known one.
   */
  redeem(link: string, account: StoredAccount | undefined): Promise<boolean>;
  /** Records a flow for the account; its id goes in the (signed) OAuth state. */
  beginFlow(account: StoredAccount): Promise<string>;
  /** Ends a flow, once: the record it was for, or null (unknown, expired or already finished). */
  finishFlow(flowId: string): Promise<FlowTarget | null>;
}

/** Where a person opens a link: `/connect/<provider>?account=<id>&link=<link>` on hrgraph. */
export function connectUrl(publicUrl: string, account: StoredAccount, link: string): string {
  const url = new URL(`/connect/${account.provider}`, publicUrl);
  url.searchParams.set('account', account.id);
  url.searchParams.set('link', link);
  return url.toString();
}

export function createConnectLinks(
  store: AccountStore,
  options: ConnectLinksOptions = {},
): ConnectLinks {
  const { now = Date.now, linkTtlMs = 900_000, flowTtlMs = 600_000 } = options;

  return {
    async create(account) {
      const minted = mintSecret('hrc');
      const createdAt = now();
      const expiresAt = createdAt + linkTtlMs;
      await store.insertConnectLink({
        id: minted.id,
        kind: 'link',
        hash: minted.hash,
        accountId: account.id,
        recordId: account.recordId,
        createdAt,
        expiresAt,
        usedAt: null,
      });
      return { link: minted.text, expiresAt };
    },
    async redeem(link, account) {
      const read = readSecret('hrc', link);
      const stored = read ? await store.connectLink(read.id) : undefined;
      if (!read || stored?.kind !== 'link' || !read.matches(stored.hash)) return false;
      if (stored.accountId !== account?.id || stored.recordId !== account.recordId) return false;
      return store.useConnectLink(stored.id, now());
    },
    async beginFlow(account) {
      const id = randomBytes(16).toString('base64url');
      const createdAt = now();
      await store.insertConnectLink({
        id,
        kind: 'flow',
        // The state's MAC (oauth-state.ts) is what proves a flow; the id only finds it.
        hash: '',
        accountId: account.id,
        recordId: account.recordId,
        createdAt,
        expiresAt: createdAt + flowTtlMs,
        usedAt: null,
      });
      return id;
    },
    async finishFlow(flowId) {
      const stored = await store.connectLink(flowId);
      if (stored?.kind !== 'flow' || !(await store.useConnectLink(flowId, now()))) return null;
      return { accountId: stored.accountId, recordId: stored.recordId };
    },
  };
}
