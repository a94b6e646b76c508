/**
 * Accounts with their secrets: the store (which only ever holds sealed values) plus the cipher.
 * Every change goes through here, so secrets are sealed before they reach the store and opened
 * only by `secrets()`, in memory, when a call needs them.
 */

import type { AuthKind } from '../core/contract/index.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import { type AccountStore, newRecordId } from './account-store.js';
import { type CredentialCipher, createCredentialCipher } from './credential-cipher.js';
import type { KeySource } from './key-source.js';
import type {
  AccountPatch,
  AccountSecrets,
  AccountStatus,
  OAuthTokens,
  StoredAccount,
} from './types.js';

export interface NewAccount {
  readonly id: AccountId;
  readonly provider: ProviderName;
  readonly company: string;
  readonly baseUrl?: string | null;
  readonly authKind: AuthKind;
  /** Null for an OAuth account that will be connected through a connect link. */
  readonly secrets: AccountSecrets | null;
}

export interface AccountChange {
  readonly company?: string;
  readonly baseUrl?: string | null;
  /** New credentials: the auth kind follows them, and a lockout lifts. */
  readonly secrets?: AccountSecrets;
  /** DISABLED stops every call; ACTIVE re-enables (and lifts a lockout). */
  readonly status?: 'ACTIVE' | 'DISABLED';
}

export interface AccountService {
  readonly store: AccountStore;
  /** The id of the key secrets are sealed with now (a fingerprint, not the key). */
  keyId(): string;
  list(): Promise<StoredAccount[]>;
  get(id: AccountId): Promise<StoredAccount | undefined>;
  add(account: NewAccount): Promise<StoredAccount>;
  update(id: AccountId, change: AccountChange): Promise<StoredAccount | undefined>;
  remove(id: AccountId): Promise<boolean>;
  /** Opens an account's secrets; throws SealError when they were tampered with. */
  secrets(account: StoredAccount): AccountSecrets | null;
  /**
   * Stores refreshed OAuth tokens if the secrets are still at `ifVersion` (another writer may
   * have refreshed first): resolves with the account as stored, or undefined when it lost.
   */
  saveTokens(
    id: AccountId,
    tokens: OAuthTokens,
    ifVersion: number,
  ): Promise<StoredAccount | undefined>;
  /**
   * Write-ahead of a refresh: records that one with the refresh token of secrets `ifVersion`
   * starts at `at`, before it is sent; with `ifClaim`, only while that claim still holds the
   * refresh (refresh-lock.ts). Cleared by `saveTokens`. Undefined when nothing was written.
   */
  beginRefresh(
    id: AccountId,
    ifVersion: number,
    at: number,
    ifClaim?: string,
  ): Promise<StoredAccount | undefined>;
  setStatus(
    id: AccountId,
    status: AccountStatus,
    reason: string | null,
    lockedUntil?: number | null,
  ): Promise<StoredAccount | undefined>;
  /** Re-seals every account's secrets under a new key, all or nothing. */
  rotateKey(): Promise<{ accounts: number; keyId: string }>;
  close(): Promise<void>;
}

export interface AccountServiceOptions {
  readonly store: AccountStore;
  readonly keys: KeySource;
  /** @default Date.now */
  readonly now?: () => number;
}

function statusFor(
  secrets: AccountSecrets | true | null,
  account: Pick<StoredAccount, 'id' | 'provider'>,
): Pick<StoredAccount, 'status' | 'statusReason'> {
  return secrets
    ? { status: 'ACTIVE', statusReason: null }
    : {
        status: 'NEEDS_REAUTH',
        statusReason: `not connected yet: open a connect link (hrgraph accounts connect-link ${account.id})`,
      };
}

export async function createAccountService(
  options: AccountServiceOptions,
): Promise<AccountService> {
  const { store, keys, now = Date.now } = options;
  let cipher: CredentialCipher = createCredentialCipher(
    keys.key,
    keys.pending ? [keys.pending] : [],
  );
  if (keys.pending) {
    // A rotation stopped between re-sealing and renaming the key file: finish it when the
    // records are already under the new key, else forget the new key.
    const pendingId = createCredentialCipher(keys.pending).keyId;
    const sealedWithPending = (await store.list()).some(
      (a) => a.sealedSecrets && cipher.sealedWith(a.sealedSecrets) === pendingId,
    );
    if (sealedWithPending) {
      await keys.commit();
      cipher = createCredentialCipher(keys.pending);
    } else {
      await keys.discardPending();
      cipher = createCredentialCipher(keys.key);
    }
  }

  const seal = (id: AccountId, secrets: AccountSecrets) => cipher.seal(id, JSON.stringify(secrets));

  return {
    store,
    keyId: () => cipher.keyId,
    list: () => store.list(),
    get: (id) => store.get(id),
    async add(account) {
      const at = now();
      const stored: StoredAccount = {
        id: account.id,
        recordId: newRecordId(),
        provider: account.provider,
        company: account.company,
        baseUrl: account.baseUrl ?? null,
        authKind: account.authKind,
        sealedSecrets: account.secrets ? seal(account.id, account.secrets) : null,
        secretsVersion: account.secrets ? 1 : 0,
        ...statusFor(account.secrets, account),
        lockedUntil: null,
        refreshStartedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      await store.insert(stored);
      return stored;
    },
    async update(id, change) {
      const current = await store.get(id);
      if (!current) return undefined;
      const patch: { -readonly [K in keyof AccountPatch]: AccountPatch[K] } = { updatedAt: now() };
      if (change.company !== undefined) patch.company = change.company;
      if (change.baseUrl !== undefined) patch.baseUrl = change.baseUrl;
      const hasSecrets = change.secrets !== undefined || current.sealedSecrets !== null;
      if (change.secrets) {
        patch.sealedSecrets = seal(id, change.secrets);
        patch.secretsVersion = current.secretsVersion + 1;
        patch.authKind = change.secrets.kind;
        patch.refreshStartedAt = null;
      }
      // New credentials lift a lockout or a re-authorisation; a disabled account stays disabled
      // until it is enabled on purpose.
      const enable =
        change.status === 'ACTIVE' || (change.secrets && current.status !== 'DISABLED');
      if (change.status === 'DISABLED') {
        Object.assign(patch, { status: 'DISABLED', statusReason: 'disabled by an operator' });
      } else if (enable) {
        Object.assign(patch, statusFor(hasSecrets ? (change.secrets ?? true) : null, current), {
          lockedUntil: null,
        });
      }
      return store.update(id, patch);
    },
    remove: (id) => store.remove(id),
    secrets(account) {
      if (!account.sealedSecrets) return null;
      return JSON.parse(cipher.open(account.id, account.sealedSecrets)) as AccountSecrets;
    },
    saveTokens(id, tokens, ifVersion) {
      return store.update(
        id,
        {
          sealedSecrets: seal(id, { kind: 'oauth', tokens }),
          secretsVersion: ifVersion + 1,
          authKind: 'oauth',
          refreshStartedAt: null,
          updatedAt: now(),
        },
        ifVersion,
      );
    },
    beginRefresh: (id, ifVersion, at, ifClaim) =>
      store.update(id, { refreshStartedAt: at }, ifVersion, ifClaim),
    setStatus: (id, status, reason, lockedUntil = null) =>
      store.update(id, { status, statusReason: reason, lockedUntil, updatedAt: now() }),
    async rotateKey() {
      const next = await keys.prepareRotation();
      const current = cipher;
      const rotated = createCredentialCipher(next);
      const count = await store.resealAll((account) =>
        account.sealedSecrets
          ? rotated.seal(account.id, current.open(account.id, account.sealedSecrets))
          : null,
      );
      await keys.commit();
      cipher = rotated;
      return { accounts: count, keyId: rotated.keyId };
    },
    close: () => store.close(),
  };
}
