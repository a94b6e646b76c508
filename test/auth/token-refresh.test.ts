import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { accountId, providerName } from '../../src/core/ids.js';
import type { HttpClient } from '../../src/http/index.js';
import { type AuthFixture, startAuthFixture } from './support.js';

const employees = (account: string) => /* GraphQL */ `{
  employees(account: "${account}", first: 3) { nodes { remoteId displayName } }
}`;

let hr: AuthFixture;
let events: string[];

beforeEach(async () => {
  events = [];
  hr = await startAuthFixture({
    // Watches the order of token calls and API calls.
    http: (http): HttpClient => ({
      async request(request, ctx) {
        const response = await http.request(request, ctx);
        events.push(request.operation.startsWith('bamboohr.token') ? 'refresh' : 'api');
        return response;
      },
      close: () => http.close(),
    }),
  });
});
afterEach(() => hr.close());

describe('OAuth tokens refresh before they expire, once per account', () => {
  test('no refresh while the token has more than the safety margin left; one refresh inside it', async () => {
    await hr.addOAuthAccount('globex');
    expect((await hr.query(employees('globex'))).errors).toBeUndefined();
    hr.clock.advance(3600_000 - 301_000); // 5 min 1 s left: still fresh
    await hr.query(employees('globex'));
    expect(hr.tokenCalls()).toBe(0);
    hr.clock.advance(2_000); // 4 min 59 s left: inside the margin
    const result = await hr.query(employees('globex'));
    expect(result.errors).toBeUndefined();
    expect(hr.tokenCalls()).toBe(1);
    // The refreshed token is good for another hour; past the old expiry nothing more happens.
    hr.clock.advance(600_000);
    await hr.query(employees('globex'));
    expect(hr.tokenCalls()).toBe(1);
    // An access token past its lifetime is never sent: the call waits for the refresh.
    hr.clock.advance(3600_000);
    expect((await hr.query(employees('globex'))).errors).toBeUndefined();
    expect(hr.tokenCalls()).toBe(2);
    expect(hr.sandbox.log.count({ status: 401 })).toBe(0);
  });

  test('50 concurrent queries across a refresh make one refresh call', async () => {
    await hr.addOAuthAccount('globex');
    await hr.query(employees('globex'));
    hr.clock.advance(3600_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => hr.query(employees('globex'))),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(hr.tokenCalls()).toBe(1);
    expect(hr.sandbox.log.count({ status: 401 })).toBe(0);
  });

  test('a rotated refresh token is stored before the new access token is used', async () => {
    const issued = await hr.addOAuthAccount('globex');
    hr.clock.advance(3600_000);
    events.length = 0;
    const saves: number[] = [];
    const save = hr.service.saveTokens.bind(hr.service);
    hr.service.saveTokens = async (...args) => {
      events.push('save');
      saves.push(args[2]);
      return save(...args);
    };
    await hr.query(employees('globex'));
    expect(events.slice(0, 3)).toEqual(['refresh', 'save', 'api']);
    const stored = (await hr.service.get(accountId('globex')))!;
    const secrets = hr.service.secrets(stored);
    expect(secrets?.kind).toBe('oauth');
    if (secrets?.kind !== 'oauth') return;
    expect(secrets.tokens.refreshToken).not.toBeNull();
    expect(secrets.tokens.refreshToken).not.toBe(issued.refreshToken);
    expect(secrets.tokens.accessToken).not.toBe(issued.accessToken);
    expect(stored.secretsVersion).toBe(saves[0]! + 1);
    // The old refresh token is spent (rotation): only the stored one keeps the account alive.
    hr.clock.advance(3600_000);
    expect((await hr.query(employees('globex'))).errors).toBeUndefined();
    expect(hr.tokenCalls()).toBe(2);
  });

  test('invalid_grant marks the account NEEDS_REAUTH; the rest of the response is intact', async () => {
    await hr.addOAuthAccount('globex');
    await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'));
    const stored = (await hr.service.get(accountId('globex')))!;
    await hr.service.saveTokens(
      accountId('globex'),
      { accessToken: 'expired', refreshToken: 'revoked-by-the-user', expiresAt: 0, scopes: [] },
      stored.secretsVersion,
    );
    await hr.runtime.reload();
    const result = await hr.query(/* GraphQL */ `{
      globex: employees(account: "globex", first: 2) { nodes { displayName } }
      acme: employees(account: "acme", first: 2) { nodes { displayName } }
    }`);
    expect((result.data?.acme as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(2);
    expect(result.data?.globex).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['globex'],
      extensions: { code: 'UPSTREAM_AUTH_FAILED', accountId: 'globex' },
    });
    expect(result.errors?.[0]?.message).toMatch(/needs to be re-authorised.*invalid_grant/);
    expect(await hr.status('globex')).toBe('NEEDS_REAUTH');
    // From now on no call at all, to the token endpoint or the API, until it is re-connected.
    const [tokens, api] = [hr.tokenCalls(), hr.apiCalls()];
    const again = await hr.query(employees('globex'));
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'globex',
    });
    expect([hr.tokenCalls(), hr.apiCalls()]).toEqual([tokens, api]);
  });

  test('a grant without offline_access works until expiry, then needs re-authorisation', async () => {
    const issued = hr.sandbox.issueAccessToken('acme', {
      scopes: ['employee', 'employee_directory', 'field', 'report'],
    });
    expect(issued.refreshToken).toBeNull();
    await hr.service.add({
      id: accountId('brief'),
      provider: providerName('bamboohr'),
      company: 'acme',
      baseUrl: hr.baseUrl,
      authKind: 'oauth',
      secrets: {
        kind: 'oauth',
        tokens: {
          accessToken: issued.accessToken,
          refreshToken: null,
          expiresAt: hr.clock.now() + 3600_000,
          scopes: [],
        },
      },
    });
    await hr.runtime.reload();
    hr.clock.advance(3500_000); // inside the margin, but alive: used as it is
    expect((await hr.query(employees('brief'))).errors).toBeUndefined();
    hr.clock.advance(200_000);
    const expired = await hr.query(employees('brief'));
    expect(expired.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'brief',
    });
    expect(await hr.status('brief')).toBe('NEEDS_REAUTH');
    expect(hr.tokenCalls()).toBe(0);
  });
});
