/**
 * The shape of every secret hrgraph hands out and keeps only a hash of (API tokens `hrg_…`,
 * connect links `hrc_…`): `<prefix>_<public id>_<secret>`. The id finds the record; the SHA-256
 * of the secret checks it, in constant time.
 *
 * SHA-256 without salt or stretching is enough here: the secret is 256 random bits, not a
 * password a person chose, so there is no dictionary to guess from.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface MintedSecret {
  /** Public: shown in lists, the lookup key. */
  readonly id: string;
  /** What the store keeps. */
  readonly hash: string;
  /** The whole secret, to hand out once. */
  readonly text: string;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function mintSecret(prefix: string): MintedSecret {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, hash: digest(secret), text: `${prefix}_${id}_${secret}` };
}

/**
 * The id of `text` when it is a well-formed secret of this prefix, with a check of its secret
 * part against a stored hash; null for anything malformed.
 */
export function readSecret(
  prefix: string,
  text: string,
): { readonly id: string; matches(hash: string): boolean } | null {
  const match = new RegExp(`^${prefix}_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$`).exec(text);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  return {
    id,
    matches(hash) {
      const expected = Buffer.from(hash, 'hex');
      const actual = Buffer.from(digest(secret), 'hex');
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
