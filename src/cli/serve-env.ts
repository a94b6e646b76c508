/**
 * What `hrgraph serve` reads from its environment: one small reader per setting, each throwing an
 * Error that says what to fix (never the value: some are secrets). serve-config.ts lists them all
 * and checks them together at start-up.
 */
import type { OAuthApps } from '../accounts/account-runtime.js';
import { parseKey } from '../accounts/key-source.js';
import type { ProviderName } from '../core/ids.js';
import { providerDefinition, providerNames } from '../providers/registry.js';
import { parseOrigins } from '../server/plugins/use-cors-allow-list.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** HRGRAPH_CURSOR_KEY (base64, at least 32 bytes) lets replicas honour each other's cursors. */
export function cursorKeyFrom(env: Env): Uint8Array | undefined {
  const value = env.HRGRAPH_CURSOR_KEY;
  if (!value) return undefined;
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error('HRGRAPH_CURSOR_KEY must be at least 32 bytes, base64');
  return key;
}

/** `HRGRAPH_GUSTO` for gusto: the prefix of a provider's OAuth application variables. */
export function oauthPrefix(provider: ProviderName): string {
  return `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * hrgraph's application with each OAuth provider, for connecting and refreshing accounts:
 * HRGRAPH_BAMBOOHR_CLIENT_ID/_SECRET, HRGRAPH_GUSTO_CLIENT_ID/_SECRET, …
 */
export function oauthAppsFrom(env: Env): OAuthApps {
  const apps: Partial<Record<ProviderName, { clientId: string; clientSecret: string }>> = {};
  for (const provider of providerNames) {
    if (!providerDefinition(provider).oauth) continue;
    const prefix = oauthPrefix(provider);
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (clientId && clientSecret) apps[provider] = { clientId, clientSecret };
  }
  return apps;
}

/** One OAuth application: both halves or neither (half of one would fail only at connect time). */
export function oauthAppFrom(env: Env, provider: ProviderName): void {
  const prefix = oauthPrefix(provider);
  const id = Boolean(env[`${prefix}_CLIENT_ID`]);
  const secret = Boolean(env[`${prefix}_CLIENT_SECRET`]);
  if (id !== secret) {
    const missing = id ? `${prefix}_CLIENT_SECRET` : `${prefix}_CLIENT_ID`;
    throw new Error(`${missing} is not set: set both ${prefix}_CLIENT_ID and _SECRET, or neither`);
  }
}

/** HRGRAPH_ACCOUNTS_KEY: the store's credentials key (base64 of 32 bytes), else a key file. */
export function accountsKeyFrom(env: Env): Buffer | undefined {
  return env.HRGRAPH_ACCOUNTS_KEY
    ? parseKey(env.HRGRAPH_ACCOUNTS_KEY, 'HRGRAPH_ACCOUNTS_KEY')
    : undefined;
}

/**
 * HRGRAPH_ACCOUNTS_NEW_KEY: the key `hrgraph accounts rotate-key` re-seals to (read only when the
 * key comes from HRGRAPH_ACCOUNTS_KEY; checked here so a bad one is found before a rotation).
 */
export function newAccountsKeyFrom(env: Env): Buffer | undefined {
  const value = env.HRGRAPH_ACCOUNTS_NEW_KEY;
  return value ? parseKey(value, 'HRGRAPH_ACCOUNTS_NEW_KEY') : undefined;
}

/** HRGRAPH_DATA_DIR: where the account store and its key live. @default .hrgraph */
export function dataDirFrom(env: Env): string | undefined {
  const value = env.HRGRAPH_DATA_DIR;
  if (value === undefined) return undefined;
  if (value.trim() === '')
    throw new Error('HRGRAPH_DATA_DIR is empty: give a directory, or unset it');
  return value;
}

/** HRGRAPH_CORS_ORIGINS: comma-separated browser origins allowed to call hrgraph. */
export function corsOriginsFrom(env: Env): string[] | undefined {
  const value = env.HRGRAPH_CORS_ORIGINS;
  if (value === undefined) return undefined;
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  try {
    return parseOrigins(origins);
  } catch (error) {
    throw new Error(`HRGRAPH_CORS_ORIGINS: ${(error as Error).message}`);
  }
}

/** HRGRAPH_PUBLIC_URL: where callers (and OAuth redirects) reach hrgraph behind a proxy. */
export function publicUrlFrom(env: Env): string | undefined {
  const value = env.HRGRAPH_PUBLIC_URL;
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(
      'HRGRAPH_PUBLIC_URL must be an http(s) URL with no query, fragment or credentials, as https://hr.example.com',
    );
  }
  return value;
}

function integerFrom(env: Env, name: string, min: number, max: number): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/** HRGRAPH_PORT: `--port`'s default. */
export function portFrom(env: Env): number | undefined {
  return integerFrom(env, 'HRGRAPH_PORT', 0, 65535);
}

/** HRGRAPH_WORKERS: `--workers`' default. */
export function workersFrom(env: Env): number | undefined {
  return integerFrom(env, 'HRGRAPH_WORKERS', 1, 64);
}

/** HRGRAPH_HOST: `--host`'s default (a container binds 0.0.0.0). */
export function hostFrom(env: Env): string | undefined {
  const value = env.HRGRAPH_HOST;
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9.:_-]+$/.test(value)) {
    throw new Error('HRGRAPH_HOST must be an interface address or name, as 0.0.0.0 or 127.0.0.1');
  }
  return value;
}

function flagFrom(env: Env, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false (or 1 or 0)`);
}

/** HRGRAPH_DEBUG=1: stack traces with every error the CLI reports (main.ts reads it as is). */
export function debugFrom(env: Env): boolean | undefined {
  const value = env.HRGRAPH_DEBUG;
  if (value === undefined || value === '') return undefined;
  if (value !== '1' && value !== '0') throw new Error('HRGRAPH_DEBUG must be 1 (or 0, or unset)');
  return value === '1';
}

/** HRGRAPH_PERSISTED_OPERATIONS: `--persisted-operations`' default, a file of operations. */
export function persistedOperationsFrom(env: Env): string | undefined {
  const value = env.HRGRAPH_PERSISTED_OPERATIONS;
  if (value === undefined || value === '') return undefined;
  return value;
}

/** HRGRAPH_PERSISTED_ONLY: `--persisted-only`'s default. */
export function persistedOnlyFrom(env: Env): boolean | undefined {
  return flagFrom(env, 'HRGRAPH_PERSISTED_ONLY');
}
