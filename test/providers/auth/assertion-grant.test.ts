import { exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createAssertionTokenSource,
  signAssertion,
} from '../../../src/providers/auth/assertion-grant.js';

describe('assertion token source', () => {
  it('shares one mint between concurrent callers and keeps the token until near expiry', async () => {
    let now = 0;
    let mints = 0;
    const source = createAssertionTokenSource({
      now: () => now,
      marginMs: 60_000,
      async mint() {
        mints++;
        return { accessToken: `t${mints}`, expiresAt: now + 3_600_000 };
      },
    });
    const tokens = await Promise.all([source.accessToken(), source.accessToken()]);
    expect(tokens).toEqual(['t1', 't1']);
    now = 3_600_000 - 60_001;
    expect(await source.accessToken()).toBe('t1');
    now = 3_600_000 - 60_000;
    expect(await source.accessToken()).toBe('t2');
    expect(mints).toBe(2);
  });

  it('mints afresh after the current token is invalidated, but not for a stale one', async () => {
    let mints = 0;
    const source = createAssertionTokenSource({
      async mint() {
        mints++;
        return { accessToken: `t${mints}`, expiresAt: Date.now() + 3_600_000 };
      },
    });
    expect(await source.accessToken()).toBe('t1');
    source.invalidate('t0');
    expect(await source.accessToken()).toBe('t1');
    source.invalidate('t1');
    expect(await source.accessToken()).toBe('t2');
  });

  it('a failed mint reaches every waiter and the next call tries again', async () => {
    let attempt = 0;
    const source = createAssertionTokenSource({
      async mint() {
        attempt++;
        if (attempt === 1) throw new Error('refused');
        return { accessToken: 'ok', expiresAt: Date.now() + 3_600_000 };
      },
    });
    const results = await Promise.allSettled([source.accessToken(), source.accessToken()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await source.accessToken()).toBe('ok');
  });
});

describe('signAssertion', () => {
  it('signs RS256 with kid, iat, exp one hour later and a unique jti', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const key = {
      clientId: 'client',
      privateKey: await exportPKCS8(privateKey),
      keyId: 'k1',
      subject: null,
      tokenUrl: null,
    };
    const now = () => Date.parse('2026-06-15T09:00:00Z');
    const claims = { iss: 'client', sub: 'client', aud: 'https://org/oauth2/v1/token' };
    const [a, b] = [
      await signAssertion(key, claims, { now }),
      await signAssertion(key, claims, { now }),
    ];
    const verifyKey = await importSPKI(await exportSPKI(publicKey), 'RS256');
    const { payload, protectedHeader } = await jwtVerify(a, verifyKey, {
      currentDate: new Date(now()),
      audience: 'https://org/oauth2/v1/token',
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.iss).toBe('client');
    const other = await jwtVerify(b, verifyKey, { currentDate: new Date(now()) });
    expect(other.payload.jti).not.toBe(payload.jti);
  });

  it('keyIdHeader names the key by a certificate thumbprint (x5t#S256) instead of kid', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = {
      clientId: 'client',
      privateKey: await exportPKCS8(privateKey),
      keyId: 'thumbprint-S256',
      subject: null,
      tokenUrl: null,
    };
    const jwt = await signAssertion(key, { iss: 'client' }, { keyIdHeader: 'x5t#S256' });
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', 'x5t#S256': 'thumbprint-S256' });
  });

  it('an unreadable key is an auth error that does not quote the key', async () => {
    const key = {
      clientId: 'c',
      privateKey: 'not a pem SECRET',
      keyId: null,
      subject: null,
      tokenUrl: null,
    };
    const error = await signAssertion(key, {}).catch((e: Error) => e);
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe(
      'UPSTREAM_AUTH_FAILED',
    );
    expect(String((error as Error).message)).not.toContain('SECRET');
  });
});
