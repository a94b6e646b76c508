/**
 * Okta auth end to end (reference §6 "Base URL and auth"): an SSWS API token; an API Services
 * app's client credentials with private_key_jwt at the org server's /oauth2/v1/token, whose
 * access tokens live one hour (on the sandbox's manual clock here), are minted once for
 * concurrent requests, again near expiry, and again once when Okta refuses one early (401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId } from '../../../../src/core/ids.js';
import { createOktaAdapter } from '../../../../src/providers/okta/index.js';
import { createManualClock } from '../../../../src/sandbox/okta/index.js';
import { graphqlOver, operations } from '../../../support/hrgraph.js';
import {
  type OktaFixture,
  ORG_HOST,
  serviceAppCredentials,
  startOkta,
} from '../../../support/okta.js';

const clock = createManualClock();
let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({ company: { size: 40, seed: 9, customFieldCount: 0 }, clock });
});
afterAll(() => okta.close());

const names = (account: string) =>
  /* GraphQL */ `{ employees(account: "${account}", first: 3) { nodes { remoteId firstName } } }`;

const tokenCalls = () => okta.served('/oauth2/v1/token');

describe('credentials', () => {
  it('SSWS: every call carries the API token, no token endpoint involved', async () => {
    okta.resetCounts();
    const result = await okta.query(names('okta'));
    expect(result.errors).toBeUndefined();
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
    expect(okta.sandbox.log.entries().at(-1)!.auth).toBe('apiKey');
    expect(tokenCalls()).toBe(0);
  });

  it('a refused API token is UPSTREAM_AUTH_FAILED after one call, without the token in the message', async () => {
    const adapter = createOktaAdapter({
      accountId: accountId('okta-bad'),
      company: ORG_HOST,
      baseUrl: okta.url,
      http: okta.http,
      credentials: { kind: 'apiKey', apiKey: '00notTheRightToken' },
    });
    const result = await graphqlOver([adapter])(names('okta-bad'));
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(JSON.stringify(result.errors)).not.toContain('00notTheRightToken');
    expect(result.upstream.calls).toBe(1);
  });

  it('private_key_jwt: one token for five concurrent requests, then Bearer calls', async () => {
    okta.resetCounts();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => okta.query(names('okta-app'))),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(tokenCalls()).toBe(1);
    const minted = results
      .flatMap((r) => operations(r.upstream))
      .filter((op) => op === 'okta.token');
    expect(minted).toHaveLength(1);
    const users = okta.sandbox.log.entries({ path: '/api/v1/users' }).slice(-5);
    expect(users.every((entry) => entry.auth === 'oauth')).toBe(true);
  });

  it('the token is reused within its hour and minted again near its end', async () => {
    okta.resetCounts();
    clock.advance(30 * 60_000);
    expect((await okta.query(names('okta-app'))).errors).toBeUndefined();
    expect(tokenCalls()).toBe(0);
    // One hour after minting, less the adapter's one-minute margin.
    clock.advance(29 * 60_000 + 1);
    const result = await okta.query(names('okta-app'));
    expect(result.errors).toBeUndefined();
    expect(operations(result.upstream)).toEqual(['okta.token', 'okta.listUsers']);
  });
});

describe('a token Okta refuses early', () => {
  it('a 401 mid-way drops the token, mints once, and retries the call once', async () => {
    // The adapter's clock lags the org's by 200 s: it believes its token alive when Okta has
    // expired it, while its new assertion is still within Okta's window.
    let lag = 0;
    const app = okta.sandbox.serviceApp();
    const adapter = createOktaAdapter({
      accountId: accountId('okta-lagging'),
      company: ORG_HOST,
      baseUrl: okta.url,
      http: okta.http,
      now: () => clock.now() - lag,
      credentials: serviceAppCredentials(app),
    });
    const query = graphqlOver([adapter]);
    expect((await query(names('okta-lagging'))).errors).toBeUndefined();
    clock.advance(3600_000);
    lag = 200_000;
    const result = await query(names('okta-lagging'));
    expect(result.errors).toBeUndefined();
    expect(result.upstream.entries.map((e) => [e.operation, e.status])).toEqual([
      ['okta.listUsers', 401],
      ['okta.token', 200],
      ['okta.listUsers', 200],
    ]);
  });

  it('an assertion Okta refuses (a clock two hours behind) is UPSTREAM_AUTH_FAILED after the one token call', async () => {
    const app = okta.sandbox.serviceApp();
    const adapter = createOktaAdapter({
      accountId: accountId('okta-far-behind'),
      company: ORG_HOST,
      baseUrl: okta.url,
      http: okta.http,
      // So far behind that every token it mints looks fresh to it and is dead at Okta: its
      // assertions are refused too.
      now: () => clock.now() - 2 * 3600_000,
      credentials: serviceAppCredentials(app),
    });
    const result = await graphqlOver([adapter])(names('okta-far-behind'));
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(operations(result.upstream)).toEqual(['okta.token']);
  });
});
