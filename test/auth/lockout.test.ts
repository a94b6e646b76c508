import { afterEach, describe, expect, test } from 'vitest';
import { accountId, providerName } from '../../src/core/ids.js';
import { type AuthFixture, startAuthFixture } from './support.js';

// Department names need the metadata lists beside the page: two calls a query would send at once.
const wide = (account: string) => /* GraphQL */ `{
  employees(account: "${account}", first: 3) { nodes { displayName department { name } } }
}`;
const badKey = 'ffffffffffffffffffffffffffffffffffffffff';

let hr: AuthFixture;
afterEach(() => hr?.close());

describe('a refused API key stops calls for its account at once', () => {
  test('a bad key triggers exactly one upstream call, then none', async () => {
    hr = await startAuthFixture();
    await hr.addApiKeyAccount('acme', badKey);
    const first = await hr.query(wide('acme'));
    expect(first.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'acme',
    });
    expect(hr.apiCalls()).toBe(1);
    expect(hr.sandbox.log.count({ status: 401 })).toBe(1);
    expect(await hr.status('acme')).toBe('LOCKED_OUT');

    for (let i = 0; i < 5; i++) {
      const again = await hr.query(wide('acme'));
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        accountId: 'acme',
        accountStatus: 'LOCKED_OUT',
      });
      expect(again.errors?.[0]?.message).toMatch(/No call was made/);
    }
    expect(hr.apiCalls()).toBe(1);

    // The account says where it stands, and asking costs no provider call.
    const account = await hr.query('{ account(id: "acme") { status statusReason lockedUntil } }');
    expect(account.data?.account).toEqual({
      status: 'LOCKED_OUT',
      statusReason: 'the provider refused the API key (401)',
      lockedUntil: new Date(hr.clock.now() + 900_000).toISOString(),
    });
    expect(hr.apiCalls()).toBe(1);
  });

  test('concurrent queries with a bad key still make one call between them', async () => {
    hr = await startAuthFixture();
    await hr.addApiKeyAccount('acme', badKey);
    const results = await Promise.all(Array.from({ length: 10 }, () => hr.query(wide('acme'))));
    for (const result of results) {
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        accountId: 'acme',
      });
    }
    expect(hr.apiCalls()).toBe(1);
  });

  test('the lockout lifts when the credentials change, or after the cool-down with one more try', async () => {
    hr = await startAuthFixture();
    await hr.addApiKeyAccount('acme', badKey);
    await hr.query(wide('acme'));
    // Cool-down over: one more try, refused again, locked again.
    hr.clock.advance(900_000);
    await hr.query(wide('acme'));
    expect(hr.apiCalls()).toBe(2);
    await hr.query(wide('acme'));
    expect(hr.apiCalls()).toBe(2);
    // The operator fixes the key (hrgraph accounts update in another process; the server reloads).
    await hr.service.update(accountId('acme'), {
      secrets: { kind: 'apiKey', apiKey: hr.sandbox.apiKeyFor('acme') },
    });
    await hr.runtime.reload();
    const fixed = await hr.query(wide('acme'));
    expect(fixed.errors).toBeUndefined();
    expect(await hr.status('acme')).toBe('ACTIVE');
  });

  test('a lockout 403 locks the account too; other accounts keep working', async () => {
    // The sandbox locks a source out of a company after one bad key here.
    hr = await startAuthFixture({ sandbox: { lockout: { maxFailures: 1 } } });
    await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'));
    await hr.addOAuthAccount('oauth');
    // Someone else's bad key from the same address (the lockout is per company and source).
    const refused = await fetch(`${hr.sandboxUrl}/api/gateway.php/acme/v1/employees/0`, {
      headers: { authorization: `Basic ${Buffer.from(`${badKey}:x`).toString('base64')}` },
    });
    expect(refused.status).toBe(401);
    const calls = hr.apiCalls();
    const result = await hr.query(/* GraphQL */ `{
      a: employees(account: "acme", first: 2) { nodes { displayName } }
      o: employees(account: "oauth", first: 2) { nodes { displayName } }
    }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['a'],
      extensions: { code: 'UPSTREAM_AUTH_FAILED', accountId: 'acme' },
    });
    expect((result.data?.o as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(2);
    expect(await hr.status('acme')).toBe('LOCKED_OUT');
    const stored = await hr.service.get(accountId('acme'));
    expect(stored?.statusReason).toMatch(/locked the credentials out/);
    const after = hr.apiCalls();
    await hr.query(wide('acme'));
    expect(hr.apiCalls()).toBe(after);
    expect(after - calls).toBeGreaterThan(0);
  });

  test('accounts from the config file are guarded the same way (status kept in memory)', async () => {
    hr = await startAuthFixture({
      configAccounts: (baseUrl) => [
        {
          id: accountId('from-file'),
          provider: providerName('bamboohr'),
          company: 'acme',
          baseUrl,
          credentials: { kind: 'apiKey', apiKey: badKey },
        },
      ],
    });
    await hr.runtime.reload();
    await Promise.all([hr.query(wide('from-file')), hr.query(wide('from-file'))]);
    const again = await hr.query(wide('from-file'));
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountStatus: 'LOCKED_OUT',
    });
    expect(hr.apiCalls()).toBe(1);
    expect(hr.runtime.health(accountId('from-file'))?.state().status).toBe('LOCKED_OUT');
    expect(await hr.status('from-file')).toBeUndefined();
  });

  test('API keys go as preemptive Basic auth on every request: no 401 challenge round trip', async () => {
    hr = await startAuthFixture();
    await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'));
    expect((await hr.query(wide('acme'))).errors).toBeUndefined();
    const entries = hr.sandbox.log.entries({ path: /^\/v\d/ });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.auth === 'apiKey' && e.status === 200)).toBe(true);
  });

  test('a disabled account is not called', async () => {
    hr = await startAuthFixture();
    await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'));
    await hr.service.update(accountId('acme'), { status: 'DISABLED' });
    await hr.runtime.reload();
    const result = await hr.query(wide('acme'));
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountStatus: 'DISABLED',
    });
    expect(hr.apiCalls()).toBe(0);
  });
});
