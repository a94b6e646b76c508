import { describe, expect, test } from 'vitest';
import {
  type CursorPosition,
  queryFingerprint,
  signCursor,
  verifyCursor,
} from '../../src/schema/connection/cursor.js';

const key = Buffer.from('k'.repeat(32));
const scope = {
  accountId: 'acme',
  fingerprint: queryFingerprint({ kind: 'employees', filter: {} }),
};
const position: CursorPosition = { direction: 'forward', native: 'eyJpZCI6NDJ9', skip: 3 };

function errorOf(run: () => unknown): { code?: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: unknown } };
    return { code: e.extensions?.code, message: e.message };
  }
  return { message: 'no error' };
}

describe('connection cursors', () => {
  test('verify what they sign: direction, provider token and skip', () => {
    const cursor = signCursor(key, scope, position);
    expect(verifyCursor(key, scope, cursor, 'after')).toEqual(position);
    const start = signCursor(key, scope, { direction: 'backward', native: null, skip: 0 });
    expect(verifyCursor(key, scope, start, 'before')).toEqual({
      direction: 'backward',
      native: null,
      skip: 0,
    });
  });

  test('an altered cursor is BAD_USER_INPUT (changing skip, or the signature)', () => {
    const cursor = signCursor(key, scope, position);
    const [body, mac] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...payload, s: 0 })).toString('base64url');
    expect(errorOf(() => verifyCursor(key, scope, `${edited}.${mac}`, 'after')).code).toBe(
      'BAD_USER_INPUT',
    );
    const flipped = `${body}.${mac[0] === 'a' ? 'b' : 'a'}${mac.slice(1)}`;
    expect(errorOf(() => verifyCursor(key, scope, flipped, 'after')).message).toMatch(/altered/);
  });

  test('a cursor signed by another server key is BAD_USER_INPUT', () => {
    const cursor = signCursor(Buffer.from('x'.repeat(32)), scope, position);
    expect(errorOf(() => verifyCursor(key, scope, cursor, 'after')).code).toBe('BAD_USER_INPUT');
  });

  test("another account's cursor is BAD_USER_INPUT", () => {
    const cursor = signCursor(key, { ...scope, accountId: 'globex' }, position);
    const error = errorOf(() => verifyCursor(key, scope, cursor, 'after'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error.message).toMatch(/another account/);
  });

  test('a cursor of another filter or order is BAD_USER_INPUT', () => {
    const other = {
      ...scope,
      fingerprint: queryFingerprint({ kind: 'employees', filter: { status: 'ACTIVE' } }),
    };
    const error = errorOf(() =>
      verifyCursor(key, other, signCursor(key, scope, position), 'before'),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error.message).toMatch(/^`before` was issued for a different filter or order/);
  });

  test('garbage is BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['', 'garbage', '.', 'a.b', 'x'.repeat(10_000), 'eyJ9.eyJ9']) {
      const error = errorOf(() => verifyCursor(key, scope, bad, 'after'));
      expect(error.code, bad.slice(0, 10)).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/^`after`/);
    }
  });

  test('a cursor issued before issue 16 (lazy signing) still verifies, and is signed the same', () => {
    const minted =
      'eyJ2IjoxLCJhIjoiYWNtZSIsInEiOiJSemNxMUx1SU5MWW9EOWJ4IiwiZCI6ImYiLCJuIjoiZXlKcFpDSTZOREo5IiwicyI6M30.DuTer_VyDFmJXCDHHKYMmc';
    expect(verifyCursor(key, scope, minted, 'after')).toEqual(position);
    expect(signCursor(key, scope, position)).toBe(minted);
  });

  test('fingerprints ignore key order and undefined values, and differ by content', () => {
    expect(queryFingerprint({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      queryFingerprint({ b: [1, { d: 3, c: 2 }], a: 1, e: undefined }),
    );
    expect(queryFingerprint({ a: 1 })).not.toBe(queryFingerprint({ a: 2 }));
  });
});
