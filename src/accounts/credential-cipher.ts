/**
 * Credentials at rest: AES-256-GCM with a fresh random 96-bit IV per encryption and the account
 * id bound as associated data, so a sealed value copied onto another account fails to open.
 *
 * Sealed form: `v1.<key id>.<iv>.<ciphertext+tag>`, base64url parts. The key id (a hash of the
 * key, not the key) says which key sealed a value, which is what lets a key rotation be resumed
 * after a crash halfway: the keyring opens values sealed under either key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/** A short public fingerprint of a key: safe to store and print. */
export function keyId(key: Uint8Array): string {
  return createHash('sha256')
    .update('hrgraph-account-key\0')
    .update(key)
    .digest()
    .subarray(0, 6)
    .toString('base64url');
}

function aad(accountId: string): Buffer {
  return Buffer.from(`hrgraph-account:${accountId}`, 'utf8');
}

export interface CredentialCipher {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  seal(accountId: string, plaintext: string): string;
  /** Throws SealError for a tampered value, another account's value, or an unknown key. */
  open(accountId: string, sealed: string): string;
  /** The id of the key a sealed value was sealed with (without opening it). */
  sealedWith(sealed: string): string | null;
}

/**
 * @param primary seals and opens.
 * @param others open only (the previous key while a rotation completes).
 */
export function createCredentialCipher(
  primary: Uint8Array,
  others: readonly Uint8Array[] = [],
): CredentialCipher {
  for (const key of [primary, ...others]) {
    if (key.length !== KEY_BYTES) throw new SealError(`keys are ${KEY_BYTES} bytes`);
  }
  const primaryId = keyId(primary);
  const keys = new Map([primary, ...others].map((key) => [keyId(key), key]));
  return {
    keyId: primaryId,
    seal(accountId, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', primary, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(accountId));
      const body = Buffer.concat([
        cipher.update(plaintext, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return ['v1', primaryId, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(accountId, sealed) {
      const [version, id, ivText, bodyText, ...rest] = sealed.split('.');
      if (version !== 'v1' || !id || !ivText || !bodyText || rest.length > 0) {
        throw new SealError(`the credentials of account ${accountId} are not in a sealed form`);
      }
      const key = keys.get(id);
      if (!key) {
        throw new SealError(
          `the credentials of account ${accountId} were sealed with another key (${id})`,
        );
      }
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
        throw new SealError(`the credentials of account ${accountId} are damaged`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(accountId));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        const clear = Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return clear.toString('utf8');
      } catch {
        // GCM's tag check failed: tampered, truncated, or sealed for another account.
        throw new SealError(`the credentials of account ${accountId} failed their integrity check`);
      }
    },
    sealedWith(sealed) {
      const [version, id] = sealed.split('.');
      return version === 'v1' && id ? id : null;
    },
  };
}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
