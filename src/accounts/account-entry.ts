/**
 * One connected account at work: its adapter, built over an http client guarded by the account's
 * health, with credentials that open the sealed secrets per call (API keys) or ask the token
 * manager (OAuth). Accounts of the config file and of the store are built alike.
 */

import type { AccountCredentials, AuthKind, ProviderAdapter } from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId, ProviderName } from '../core/ids.js';
import type { HttpClient } from '../http/index.js';
import type { OAuthApp } from '../providers/auth/oauth.js';
import { type AccountConfig, createAdapter, providerDefinition } from '../providers/registry.js';
import {
  type AccountHealth,
  blockedError,
  createAccountHealth,
  type HealthState,
} from './account-health.js';
import type { AccountService } from './account-service.js';
import { type BearerRenewal, guardHttp } from './guarded-http.js';
import { OAuthGrantError } from './oauth-errors.js';
import { createStoreRefreshLock } from './refresh-lock.js';
import { createTokenManager, type SealedTokens, type TokenManager } from './token-manager.js';
import type { AccountSecrets, StoredAccount } from './types.js';

/** Where the runtime says what happened to an account; never handed a secret. */
export interface AccountLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface EntryDeps {
  readonly http: HttpClient;
  /** hrgraph's OAuth application with each provider it has one with. */
  readonly oauthApps: OAuthApps;
  readonly now: () => number;
  readonly coolDownMs: number | undefined;
  readonly refreshMarginMs: number | undefined;
  /** A refresh claim's lease across processes (refresh-lock.ts). */
  readonly refreshLeaseMs: number | undefined;
  readonly log: AccountLog;
}

/** hrgraph's OAuth application per provider, keyed by provider name (`bamboohr`). */
export type OAuthApps = Readonly<Partial<Record<string, OAuthApp>>>;

export interface AccountEntry {
  /** What the adapter was built for; a change rebuilds it. */
  readonly shape: string;
  readonly adapter: ProviderAdapter;
  readonly health: AccountHealth;
  readonly tokens: TokenManager | null;
  stored: StoredAccount | null;
}

export function shapeOf(a: StoredAccount): string {
  return JSON.stringify([a.provider, a.company, a.baseUrl, a.authKind]);
}

export function stateOf(a: StoredAccount): HealthState {
  return { status: a.status, reason: a.statusReason, lockedUntil: a.lockedUntil };
}

function describe(log: AccountLog, id: AccountId, state: HealthState): void {
  const until = state.lockedUntil ? ` until ${new Date(state.lockedUntil).toISOString()}` : '';
  const why = state.reason ? `: ${state.reason}` : '';
  (state.status === 'ACTIVE' ? log.info : log.warn)(
    `account ${id} is ${state.status}${until}${why}`,
  );
}

function healthFor(
  deps: EntryDeps,
  id: AccountId,
  provider: ProviderName,
  authKind: AuthKind,
  initial: HealthState,
  tokens: () => TokenManager | null,
  persist: (s: HealthState) => Promise<void>,
) {
  return createAccountHealth({
    accountId: id,
    authKind,
    failures: providerDefinition(provider).failures,
    initial,
    persist,
    onChange: (state) => describe(deps.log, id, state),
    onAccepted: () => tokens()?.accepted(),
    now: deps.now,
    ...(deps.coolDownMs !== undefined ? { coolDownMs: deps.coolDownMs } : {}),
  });
}

/** OAuth calls ask for a token only while the account may be called at all. */
function guardedToken(health: AccountHealth, token: () => Promise<string>) {
  return async function accessToken(): Promise<string> {
    const state = health.state();
    if (state.status === 'NEEDS_REAUTH' || state.status === 'DISABLED') {
      throw blockedError(health.accountId, state);
    }
    return token();
  };
}

/** An account of the config file: its status lives in memory only. */
export function configEntry(deps: EntryDeps, config: AccountConfig): AccountEntry {
  const health = healthFor(
    deps,
    config.id,
    config.provider,
    config.credentials.kind,
    { status: 'ACTIVE', reason: null, lockedUntil: null },
    () => null,
    async () => {},
  );
  const credentials: AccountCredentials =
    config.credentials.kind === 'oauth'
      ? { kind: 'oauth', accessToken: guardedToken(health, config.credentials.accessToken) }
      : config.credentials;
  const { failures } = providerDefinition(config.provider);
  const adapter = createAdapter(
    { ...config, credentials },
    { http: guardHttp(deps.http, health, null, failures) },
  );
  return { shape: 'config', adapter, health, tokens: null, stored: null };
}

/** A stored account: secrets opened per call, status changes written back to the store. */
export function storedEntry(
  deps: EntryDeps,
  store: AccountService,
  account: StoredAccount,
): AccountEntry {
  const { http, now } = deps;
  const oauthApp = deps.oauthApps[account.provider];
  const oauthFlow = providerDefinition(account.provider).oauth;
  const id = account.id;
  let tokens: TokenManager | null = null;
  const health = healthFor(
    deps,
    id,
    account.provider,
    account.authKind,
    stateOf(account),
    () => tokens,
    async (state) => {
      const updated = await store.setStatus(id, state.status, state.reason, state.lockedUntil);
      if (updated) entry.stored = updated;
    },
  );
  // The entry exists before its adapter: a provider may read the credentials while it builds the
  // adapter (Google's key, Okta's API token), and they are opened from `entry.stored`, which the
  // runtime replaces as the store changes. Made at the end, the first read threw a TDZ error.
  const entry: Pick<AccountEntry, 'shape' | 'health' | 'stored'> = {
    shape: shapeOf(account),
    health,
    stored: account,
  };

  function openSecrets(stored: StoredAccount) {
    try {
      return store.secrets(stored);
    } catch {
      throw hrError(
        ErrorCode.UPSTREAM_AUTH_FAILED,
        `The stored credentials of account ${id} cannot be opened (damaged, or sealed with another key).`,
        { accountId: id },
      );
    }
  }

  /** The stored tokens as the token manager keeps them: sealed, opened per use. */
  function sealedTokens(stored: StoredAccount): SealedTokens | null {
    const secrets = openSecrets(stored);
    if (secrets?.kind !== 'oauth') return null;
    return {
      version: stored.secretsVersion,
      expiresAt: secrets.tokens.expiresAt,
      refreshStartedAt: stored.refreshStartedAt,
      open() {
        const opened = openSecrets(stored);
        if (opened?.kind !== 'oauth') throw blockedError(id, health.state());
        return opened.tokens;
      },
    };
  }

  /** Opened on every use, from the sealed value in memory: the clear secret is never kept. */
  function openedSecrets<K extends AccountSecrets['kind']>(kind: K) {
    const secrets = entry.stored ? openSecrets(entry.stored) : null;
    if (secrets?.kind !== kind) throw blockedError(id, health.state());
    return secrets as Extract<AccountSecrets, { kind: K }>;
  }

  let credentials: AccountCredentials;
  let bearer: BearerRenewal | null = null;
  if (account.authKind === 'apiKey') {
    credentials = {
      kind: 'apiKey',
      get apiKey(): string {
        return openedSecrets('apiKey').apiKey;
      },
    };
  } else if (account.authKind === 'serviceAccount') {
    credentials = {
      kind: 'serviceAccount',
      get key() {
        return openedSecrets('serviceAccount').key;
      },
    };
  } else if (account.authKind === 'clientSecret') {
    credentials = {
      kind: 'clientSecret',
      get clientId(): string {
        return openedSecrets('clientSecret').clientId;
      },
      get clientSecret(): string {
        return openedSecrets('clientSecret').clientSecret;
      },
    };
  } else {
    const endpoint =
      oauthApp && oauthFlow
        ? oauthFlow.tokenEndpoint(account, { http, app: oauthApp, accountId: id, now })
        : null;
    tokens = createTokenManager({
      accountId: id,
      now,
      ...(deps.refreshMarginMs !== undefined ? { marginMs: deps.refreshMarginMs } : {}),
      // Every process over this store (the workers of one server) refreshes through its rows.
      lock: createStoreRefreshLock(store.store, id, {
        now,
        ...(deps.refreshLeaseMs !== undefined ? { leaseMs: deps.refreshLeaseMs } : {}),
      }),
      async read() {
        const stored = await store.get(id);
        if (!stored) return null;
        entry.stored = stored;
        return sealedTokens(stored);
      },
      async save(next, version) {
        const saved = await store.saveTokens(id, next, version);
        if (!saved) return null;
        entry.stored = saved;
        return sealedTokens(saved);
      },
      async beginRefresh(version, at, fence) {
        const updated = await store.beginRefresh(id, version, at, fence ?? undefined);
        if (updated) entry.stored = updated;
        return updated !== undefined;
      },
      refresh(previous) {
        if (!endpoint) throw new OAuthGrantError('no_oauth_app_configured', 0);
        return endpoint.refresh(previous);
      },
      async onReauthNeeded(reason) {
        health.mark({ status: 'NEEDS_REAUTH', reason, lockedUntil: null });
      },
    });
    const manager = tokens;
    const accessToken = guardedToken(health, () => manager.accessToken());
    credentials = { kind: 'oauth', accessToken };
    bearer = { accessToken, rejected: (sentWith) => manager.rejected(sentWith) };
  }
  const adapter = createAdapter(
    {
      id,
      provider: account.provider,
      company: account.company,
      ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}),
      credentials,
    },
    { http: guardHttp(deps.http, health, bearer, providerDefinition(account.provider).failures) },
  );
  return Object.assign(entry, { adapter, tokens });
}
