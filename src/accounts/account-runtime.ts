/**
 * The connected accounts of a running hrgraph: one adapter per account, whether it comes from the
 * config file or the store, each with its health (lockout, re-authorisation) and, for OAuth, a
 * token manager. Secrets stay sealed in memory and are opened per call.
 */
import { ErrorCode, hrError } from '../errors.js';
import type { HttpClient } from '../providers/http/index.js';
import type { AccountId } from '../providers/ids.js';
import type { AccountCredentials, ProviderAdapter } from '../providers/provider.js';
import { type AccountConfig, createAdapter } from '../providers/registry.js';
import {
  type AccountHealth,
  blockedError,
  createAccountHealth,
  type HealthState,
} from './account-health.js';
import type { AccountService } from './account-service.js';
import { bambooHrTokenEndpoint, type OAuthApp } from './bamboohr-oauth.js';
import { guardHttp } from './guarded-http.js';
import { OAuthGrantError } from './oauth-errors.js';
import { createTokenManager, type TokenManager } from './token-manager.js';
import type { OAuthTokens, StoredAccount } from './types.js';

/** Where the runtime says what happened to an account; never handed a secret. */
export interface AccountLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface AccountRuntimeOptions {
  readonly http: HttpClient;
  /** Accounts of the config file: used as given, their status kept in memory. @default [] */
  readonly configAccounts?: readonly AccountConfig[];
  /** The account store. @default none: config-file accounts only */
  readonly service?: AccountService;
  /** hrgraph's OAuth application, to refresh stored OAuth accounts. @default none */
  readonly oauthApp?: OAuthApp;
  /** @default Date.now */
  readonly now?: () => number;
  /** Lockout cool-down. @default 900_000 */
  readonly coolDownMs?: number;
  /** Refresh this long before expiry. @default 300_000 */
  readonly refreshMarginMs?: number;
  /** @default silent */
  readonly log?: AccountLog;
}

export interface AccountRuntime {
  adapters(): readonly ProviderAdapter[];
  adapter(id: AccountId): ProviderAdapter | undefined;
  health(id: AccountId): AccountHealth | undefined;
  /** Stores the tokens of a completed OAuth connection and puts the account to work. */
  connect(id: AccountId, tokens: OAuthTokens): Promise<StoredAccount>;
  /** Re-reads the store (accounts added, changed or removed by the CLI or another replica). */
  reload(): Promise<void>;
  /** Reloads every `intervalMs` until the returned function is called. */
  watch(intervalMs: number): () => void;
}

interface Entry {
  readonly shape: string;
  readonly adapter: ProviderAdapter;
  readonly health: AccountHealth;
  readonly tokens: TokenManager | null;
  stored: StoredAccount | null;
}

const silent: AccountLog = { info: () => {}, warn: () => {} };

function shapeOf(a: StoredAccount): string {
  return JSON.stringify([a.provider, a.company, a.baseUrl, a.authKind]);
}

function stateOf(a: StoredAccount): HealthState {
  return { status: a.status, reason: a.statusReason, lockedUntil: a.lockedUntil };
}

export function createAccountRuntime(options: AccountRuntimeOptions): AccountRuntime {
  const { http, service, oauthApp, now = Date.now, log = silent } = options;
  const entries = new Map<AccountId, Entry>();

  function describe(id: AccountId, state: HealthState): void {
    const until = state.lockedUntil ? ` until ${new Date(state.lockedUntil).toISOString()}` : '';
    const why = state.reason ? `: ${state.reason}` : '';
    (state.status === 'ACTIVE' ? log.info : log.warn)(
      `account ${id} is ${state.status}${until}${why}`,
    );
  }

  function healthFor(
    id: AccountId,
    authKind: 'apiKey' | 'oauth',
    initial: HealthState,
    tokens: () => TokenManager | null,
    persist: (s: HealthState) => Promise<void>,
  ) {
    return createAccountHealth({
      accountId: id,
      authKind,
      initial,
      persist,
      onChange: (state) => describe(id, state),
      onTokenRejected: () => tokens()?.rejected(),
      onAccepted: () => tokens()?.accepted(),
      now,
      ...(options.coolDownMs !== undefined ? { coolDownMs: options.coolDownMs } : {}),
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

  function fromConfig(config: AccountConfig): Entry {
    const health = healthFor(
      config.id,
      config.credentials.kind,
      { status: 'ACTIVE', reason: null, lockedUntil: null },
      () => null,
      async () => {},
    );
    const credentials: AccountCredentials =
      config.credentials.kind === 'oauth'
        ? { kind: 'oauth', accessToken: guardedToken(health, config.credentials.accessToken) }
        : config.credentials;
    const adapter = createAdapter({ ...config, credentials }, { http: guardHttp(http, health) });
    return { shape: 'config', adapter, health, tokens: null, stored: null };
  }

  function fromStore(store: AccountService, account: StoredAccount): Entry {
    const id = account.id;
    let tokens: TokenManager | null = null;
    const health = healthFor(
      id,
      account.authKind,
      stateOf(account),
      () => tokens,
      async (state) => {
        const updated = await store.setStatus(id, state.status, state.reason, state.lockedUntil);
        if (updated) entry.stored = updated;
      },
    );

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

    let credentials: AccountCredentials;
    if (account.authKind === 'apiKey') {
      credentials = {
        kind: 'apiKey',
        // Opened on every call, from the sealed value in memory: the clear key is never kept.
        get apiKey(): string {
          const secrets = entry.stored ? openSecrets(entry.stored) : null;
          if (secrets?.kind !== 'apiKey') throw blockedError(id, health.state());
          return secrets.apiKey;
        },
      };
    } else {
      const endpoint = oauthApp
        ? bambooHrTokenEndpoint(account, { http, app: oauthApp, accountId: id, now })
        : null;
      tokens = createTokenManager({
        accountId: id,
        now,
        ...(options.refreshMarginMs !== undefined ? { marginMs: options.refreshMarginMs } : {}),
        async read() {
          const stored = await store.get(id);
          if (!stored) return null;
          entry.stored = stored;
          const secrets = openSecrets(stored);
          return secrets?.kind === 'oauth'
            ? { tokens: secrets.tokens, version: stored.secretsVersion }
            : null;
        },
        async save(next, version) {
          const saved = await store.saveTokens(id, next, version);
          if (saved) entry.stored = saved;
          return saved !== undefined;
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
      credentials = {
        kind: 'oauth',
        accessToken: guardedToken(health, () => manager.accessToken()),
      };
    }
    const adapter = createAdapter(
      {
        id,
        provider: account.provider,
        company: account.company,
        ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}),
        credentials,
      },
      { http: guardHttp(http, health) },
    );
    const entry: Entry = { shape: shapeOf(account), adapter, health, tokens, stored: account };
    return entry;
  }

  for (const config of options.configAccounts ?? []) entries.set(config.id, fromConfig(config));
  const configIds = new Set(entries.keys());

  async function reload(): Promise<void> {
    if (!service) return;
    const stored = await service.list();
    const seen = new Set<AccountId>();
    for (const account of stored) {
      if (configIds.has(account.id)) {
        log.warn(
          `account ${account.id} is in both the config file and the store; the config file wins`,
        );
        continue;
      }
      seen.add(account.id);
      const entry = entries.get(account.id);
      if (!entry || entry.shape !== shapeOf(account)) {
        entries.set(account.id, fromStore(service, account));
        continue;
      }
      const changed = entry.stored?.secretsVersion !== account.secretsVersion;
      if (changed) entry.tokens?.forget();
      entry.stored = account;
      entry.health.sync(stateOf(account), changed);
    }
    for (const id of entries.keys()) if (!configIds.has(id) && !seen.has(id)) entries.delete(id);
  }

  return {
    adapters: () => [...entries.values()].map((e) => e.adapter),
    adapter: (id) => entries.get(id)?.adapter,
    health: (id) => entries.get(id)?.health,
    async connect(id, tokens) {
      if (!service) throw new Error('no account store');
      const account = await service.get(id);
      if (!account) throw new Error(`no account ${id}`);
      const saved = await service.saveTokens(id, tokens, account.secretsVersion);
      if (!saved) throw new Error(`account ${id} changed while connecting; try again`);
      const status =
        saved.status === 'DISABLED' ? saved : await service.setStatus(id, 'ACTIVE', null, null);
      await reload();
      log.info(`account ${id} is connected`);
      return status ?? saved;
    },
    reload,
    watch(intervalMs) {
      const timer = setInterval(function reloadAccounts() {
        reload().catch((error: unknown) =>
          log.warn(`reloading accounts failed: ${(error as Error).name}`),
        );
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
