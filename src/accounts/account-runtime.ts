/**
 * The connected accounts of a running hrgraph: one adapter per account, whether it comes from the
 * config file or the store, each with its health (lockout, re-authorisation) and, for OAuth, a
 * token manager (account-entry.ts). It follows the store as the CLI and the OAuth callback change
 * it.
 */

import type { ProviderAdapter } from '../core/contract/index.js';
import type { AccountId } from '../core/ids.js';
import type { HttpClient } from '../http/index.js';
import type { AccountConfig } from '../providers/registry.js';
import {
  type AccountEntry,
  type AccountLog,
  configEntry,
  type EntryDeps,
  type OAuthApps,
  shapeOf,
  stateOf,
  storedEntry,
} from './account-entry.js';
import type { AccountHealth } from './account-health.js';
import type { AccountService } from './account-service.js';
import type { OAuthTokens, StoredAccount } from './types.js';

export type { AccountLog, OAuthApps } from './account-entry.js';

export interface AccountRuntimeOptions {
  readonly http: HttpClient;
  /** Accounts of the config file: used as given, their status kept in memory. @default [] */
  readonly configAccounts?: readonly AccountConfig[];
  /** The account store. @default none: config-file accounts only */
  readonly service?: AccountService;
  /** hrgraph's OAuth application per provider, to refresh stored OAuth accounts. @default none */
  readonly oauthApps?: OAuthApps;
  /** @default Date.now */
  readonly now?: () => number;
  /** Lockout cool-down. @default 900_000 */
  readonly coolDownMs?: number;
  /** Refresh this long before expiry. @default 300_000 */
  readonly refreshMarginMs?: number;
  /**
   * How long a refresh claim holds in the store unless renewed: the longest a process that died
   * mid-refresh keeps the others from refreshing that account. @default 15_000
   */
  readonly refreshLeaseMs?: number;
  /** @default silent */
  readonly log?: AccountLog;
}

export interface AccountRuntime {
  adapters(): readonly ProviderAdapter[];
  adapter(id: AccountId): ProviderAdapter | undefined;
  health(id: AccountId): AccountHealth | undefined;
  /**
   * Stores the tokens of a completed, checked OAuth connection and puts the account to work;
   * refuses when the account is no longer the record the connection was started for.
   */
  connect(id: AccountId, tokens: OAuthTokens, recordId: string): Promise<StoredAccount>;
  /** Re-reads the store (accounts added, changed or removed by the CLI or another replica). */
  reload(): Promise<void>;
  /** Reloads every `intervalMs` until the returned function is called. */
  watch(intervalMs: number): () => void;
}

const silent: AccountLog = { info: () => {}, warn: () => {} };

export function createAccountRuntime(options: AccountRuntimeOptions): AccountRuntime {
  const { service } = options;
  const deps: EntryDeps = {
    http: options.http,
    oauthApps: options.oauthApps ?? {},
    now: options.now ?? Date.now,
    coolDownMs: options.coolDownMs,
    refreshMarginMs: options.refreshMarginMs,
    refreshLeaseMs: options.refreshLeaseMs,
    log: options.log ?? silent,
  };
  const { log } = deps;
  const entries = new Map<AccountId, AccountEntry>();

  for (const config of options.configAccounts ?? [])
    entries.set(config.id, configEntry(deps, config));
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
        entries.set(account.id, storedEntry(deps, service, account));
        continue;
      }
      const changed = entry.stored?.secretsVersion !== account.secretsVersion;
      if (changed) entry.tokens?.forget();
      entry.stored = account;
      const before = entry.health.state().status;
      entry.health.sync(stateOf(account), changed, account.updatedAt);
      if (account.status !== before) {
        log.info(`account ${account.id} is ${account.status} (changed in the store)`);
      }
    }
    for (const id of entries.keys()) if (!configIds.has(id) && !seen.has(id)) entries.delete(id);
  }

  return {
    adapters: () => [...entries.values()].map((e) => e.adapter),
    adapter: (id) => entries.get(id)?.adapter,
    health: (id) => entries.get(id)?.health,
    async connect(id, tokens, recordId) {
      if (!service) throw new Error('no account store');
      const account = await service.get(id);
      if (account?.recordId !== recordId) throw new Error(`no account ${id}`);
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
