import { describe, expect, test } from 'vitest';
import {
  createCredentialCipher,
  generateKey,
  keyId,
  SealError,
} from '../../src/accounts/credential-cipher.js';

const secret = JSON.stringify({ kind: 'apiKey', apiKey: 'a'.repeat(40) });

function flip(text: string, at: number): string {
  const bytes = Buffer.from(text, 'base64url');
  bytes[at % bytes.length]! ^= 0x01;
  return bytes.toString('base64url');
}

describe('credentials at rest: AES-256-GCM', () => {
  const key = generateKey();
  const cipher = createCredentialCipher(key);

  test('opens what it sealed, for the same account', () => {
    expect(cipher.open('acme', cipher.seal('acme', secret))).toBe(secret);
  });

  test('a fresh random IV per encryption: the same secret seals differently each time', () => {
    const sealed = new Set(Array.from({ length: 50 }, () => cipher.seal('acme', secret)));
    expect(sealed.size).toBe(50);
    const ivs = new Set([...sealed].map((s) => s.split('.')[2]));
    expect(ivs.size).toBe(50);
  });

  test('the sealed form names the key by fingerprint, never carries it or the secret', () => {
    const sealed = cipher.seal('acme', secret);
    expect(sealed.split('.')[1]).toBe(keyId(key));
    expect(sealed).not.toContain(key.toString('base64url'));
    expect(sealed).not.toContain('a'.repeat(16));
  });

  test('the account id is bound as associated data: a value moved to another account is refused', () => {
    const sealed = cipher.seal('acme', secret);
    expect(() => cipher.open('globex', sealed)).toThrow(SealError);
  });

  test('a tampered ciphertext, tag or IV is refused', () => {
    const [v, id, iv, body] = cipher.seal('acme', secret).split('.') as [
      string,
      string,
      string,
      string,
    ];
    const bodyBytes = Buffer.from(body, 'base64url').length;
    for (const at of [0, 5, bodyBytes - 17, bodyBytes - 1]) {
      expect(() => cipher.open('acme', [v, id, iv, flip(body, at)].join('.'))).toThrow(
        /integrity check/,
      );
    }
    expect(() => cipher.open('acme', [v, id, flip(iv, 3), body].join('.'))).toThrow(SealError);
    expect(() => cipher.open('acme', [v, id, iv, body.slice(0, 10)].join('.'))).toThrow(SealError);
    expect(() => cipher.open('acme', 'plain text')).toThrow(SealError);
  });

  test('another key cannot open it, and the error names neither key nor secret', () => {
    const other = createCredentialCipher(generateKey());
    const sealed = cipher.seal('acme', secret);
    let message = '';
    try {
      other.open('acme', sealed);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/another key/);
    expect(message).not.toContain(secret);
    expect(message).not.toContain(key.toString('base64'));
  });

  test('a keyring opens values sealed under its previous key while sealing under the new one', () => {
    const next = generateKey();
    const ring = createCredentialCipher(next, [key]);
    const old = cipher.seal('acme', secret);
    expect(ring.open('acme', old)).toBe(secret);
    expect(ring.sealedWith(ring.seal('acme', secret))).toBe(keyId(next));
  });

  test('keys must be 32 bytes', () => {
    expect(() => createCredentialCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
