/**
 * Where the credentials key comes from: an environment variable (base64 of 32 bytes), or a key
 * file in the data directory, created on first start readable by its owner only (0600).
 *
 * A file-key rotation writes the new key beside the old one (`accounts.key.next`) before any
 * record is re-sealed, and renames it over the old one after the re-sealing commits; a crash in
 * between leaves both files, and the next start finishes or undoes the rotation (see
 * account-service.ts).
 */
import { chmod, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKey, KEY_BYTES } from './credential-cipher.js';

export const KEY_ENV = 'HRGRAPH_ACCOUNTS_KEY';
/** The key `rotate-key` re-seals to when the current one comes from the environment. */
export const NEW_KEY_ENV = 'HRGRAPH_ACCOUNTS_NEW_KEY';

export interface KeySource {
  readonly kind: 'env' | 'file';
  /** The key file, for kind 'file'. */
  readonly path: string | null;
  readonly key: Buffer;
  /** A rotation's new key found on disk (file keys only); null when none is pending. */
  readonly pending: Buffer | null;
  /** Makes the pending key the key from now on (file: the rename; env: nothing to do). */
  commit(): Promise<void>;
  /** Forgets a pending key whose rotation never committed. */
  discardPending(): Promise<void>;
  /**
   * A key for a rotation: from NEW_KEY_ENV when the key is an env key, else freshly generated
   * and written (0600) as the pending file before anything is re-sealed.
   */
  prepareRotation(): Promise<Buffer>;
}

export interface KeySourceOptions {
  readonly dataDir: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${where} must be ${KEY_BYTES} bytes, base64-encoded (openssl rand -base64 32)`,
    );
  }
  return key;
}

async function readKeyFile(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const { mode } = await stat(path);
  // Like ssh with private keys: a key others can read is a key others may have copied.
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${path} is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
    );
  }
  return parseKey(text, path);
}

async function writeKeyFile(path: string, key: Buffer): Promise<void> {
  // 'wx' never overwrites a key; the mode applies at creation, chmod covers a permissive umask.
  await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
}

export async function loadKeySource(options: KeySourceOptions): Promise<KeySource> {
  const { dataDir, env = process.env } = options;
  const fromEnv = env[KEY_ENV];
  if (fromEnv) {
    const key = parseKey(fromEnv, KEY_ENV);
    return {
      kind: 'env',
      path: null,
      key,
      pending: null,
      commit: async () => {},
      discardPending: async () => {},
      async prepareRotation() {
        const next = env[NEW_KEY_ENV];
        if (!next) {
          throw new Error(
            `the key comes from ${KEY_ENV}; set ${NEW_KEY_ENV} to the new key to rotate to, then move it to ${KEY_ENV}`,
          );
        }
        return parseKey(next, NEW_KEY_ENV);
      },
    };
  }
  const path = join(dataDir, 'accounts.key');
  const pendingPath = `${path}.next`;
  let key = await readKeyFile(path);
  if (!key) {
    key = generateKey();
    await writeKeyFile(path, key);
  }
  const pending = await readKeyFile(pendingPath);
  return {
    kind: 'file',
    path,
    key,
    pending,
    commit: () => rename(pendingPath, path),
    discardPending: () => unlink(pendingPath).catch(() => {}),
    async prepareRotation() {
      await unlink(pendingPath).catch(() => {});
      const next = generateKey();
      await writeKeyFile(pendingPath, next);
      return next;
    },
  };
}
