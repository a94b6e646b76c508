/**
 * Opens the account store in a data directory, creating it on first start: the directory
 * (0700), the SQLite file with its tables, and the credentials key file (0600) unless the key
 * comes from the environment.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AccountService, createAccountService } from './account-service.js';
import { generateKey } from './credential-cipher.js';
import { loadKeySource } from './key-source.js';
import { openSqliteAccountStore } from './sqlite-account-store.js';

export const DATA_DIR_ENV = 'HRGRAPH_DATA_DIR';

export interface OpenAccountsOptions {
  /** @default process.env.HRGRAPH_DATA_DIR ?? '.hrgraph' (relative to the working directory) */
  readonly dataDir?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default Date.now */
  readonly now?: () => number;
}

export function dataDirFrom(
  dataDir: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return resolve(dataDir ?? env[DATA_DIR_ENV] ?? '.hrgraph');
}

export async function openAccounts(options: OpenAccountsOptions = {}): Promise<AccountService> {
  const { env = process.env, now } = options;
  const dataDir = dataDirFrom(options.dataDir, env);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  const keys = await loadKeySource({ dataDir, env });
  const file = join(dataDir, 'accounts.db');
  const store = await openSqliteAccountStore(file);
  // Sealed secrets and token hashes are not for other users either.
  await chmod(file, 0o600);
  return createAccountService({ store, keys, ...(now ? { now } : {}) });
}

/**
 * A private in-memory store with a throw-away key: demo mode, and tests that need no files.
 */
export async function openMemoryAccounts(
  options: Pick<OpenAccountsOptions, 'now'> = {},
): Promise<AccountService> {
  const key = generateKey();
  const store = await openSqliteAccountStore(':memory:');
  return createAccountService({
    store,
    keys: {
      kind: 'env',
      path: null,
      key,
      pending: null,
      commit: async () => {},
      discardPending: async () => {},
      prepareRotation: async () => generateKey(),
    },
    ...(options.now ? { now: options.now } : {}),
  });
}
