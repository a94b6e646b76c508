/**
 * Connected accounts as hrgraph keeps them. An account is one connected provider instance; its
 * secrets travel sealed (see credential-cipher.ts) and are opened only in memory, for a call.
 */

import type { AccountStatus } from '../core/account-status.js';
import type { AuthKind, ServiceAccountKey } from '../core/contract/index.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import type { OAuthTokens } from '../providers/auth/oauth.js';

export type { AccountStatus };

export const accountStatuses: readonly AccountStatus[] = [
  'ACTIVE',
  'NEEDS_REAUTH',
  'LOCKED_OUT',
  'DISABLED',
];

export type { OAuthTokens };

/** The secrets of an account, in clear: only ever in memory. */
export type AccountSecrets =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'oauth'; readonly tokens: OAuthTokens }
  | { readonly kind: 'serviceAccount'; readonly key: ServiceAccountKey }
  | { readonly kind: 'clientSecret'; readonly clientId: string; readonly clientSecret: string };

/** An account as the store holds it: everything but the secrets is plain. */
export interface StoredAccount {
  readonly id: AccountId;
  /**
   * Given when the account is added and never changed: what hrgraph's API tokens name, so an id
   * removed and used again is another record that no earlier token can read.
   */
  readonly recordId: string;
  readonly provider: ProviderName;
  /** The provider's name for the customer (BambooHR: the subdomain). Companies rename. */
  readonly company: string;
  readonly baseUrl: string | null;
  readonly authKind: AuthKind;
  /** AES-256-GCM sealed `AccountSecrets`; null for an OAuth account not connected yet. */
  readonly sealedSecrets: string | null;
  /** Bumped on every change of the secrets: a lockout lifts when it moves, a refresh checks it. */
  readonly secretsVersion: number;
  readonly status: AccountStatus;
  /** Why the status is not ACTIVE, in words safe to show (never a secret). */
  readonly statusReason: string | null;
  /** Epoch ms when a LOCKED_OUT account may be tried again. */
  readonly lockedUntil: number | null;
  /**
   * Write-ahead of an OAuth refresh: when one with the stored refresh token was sent (epoch ms),
   * cleared when its answer is stored. Set at the next refresh, it means an answer was lost.
   */
  readonly refreshStartedAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The fields an update may change; the rest stay. */
export type AccountPatch = Partial<
  Pick<
    StoredAccount,
    | 'company'
    | 'baseUrl'
    | 'authKind'
    | 'sealedSecrets'
    | 'secretsVersion'
    | 'status'
    | 'statusReason'
    | 'lockedUntil'
    | 'refreshStartedAt'
    | 'updatedAt'
  >
>;
