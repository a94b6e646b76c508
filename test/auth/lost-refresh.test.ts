/**
 * Issue 13, item 7: a lost refresh response must not disconnect a BambooHR account for good where
 * the protocol allows otherwise. Refreshes are written ahead; an answer lost on the way
 * (truncated, malformed) is retried at once; a restart finds the record of a refresh whose answer
 * never arrived. What still needs a reconnect (BambooHR rotated the refresh token in the answer
 * that was lost) is said precisely, with the one step that fixes it.
 *
 * The BambooHR reference says nothing on rotation (§1.3: "NOT FOUND"); the sandbox rotates by
 * default, retiring the old token at once, and `rotateRefreshTokens: false` is the other reading.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createAccountRuntime } from '../../src/accounts/account-runtime.js';
import { describeAccount, detailedView } from '../../src/accounts/describe.js';
import { accountId } from '../../src/core/ids.js';
import { createLoaders } from '../../src/loaders/index.js';
import type { Fault } from '../../src/sandbox/common/faults.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { type AuthFixture, app, startAuthFixture } from './support.js';

const page = /* GraphQL */ `{ employees(account: "globex", first: 2) { nodes { displayName } } }`;
const id = accountId('globex');

let hr: AuthFixture | undefined;
afterEach(async () => {
  await hr?.close();
  hr = undefined;
});

async function start(rotate: boolean) {
  hr = await startAuthFixture({ sandbox: { oauth: { rotateRefreshTokens: rotate } } });
  const issued = await hr.addOAuthAccount('globex');
  expect((await hr.query(page)).errors).toBeUndefined();
  // The access token has expired: nothing answers until a refresh does.
  hr.clock.advance(3600_000);
  return { hr, issued };
}

const stored = async (fixture: AuthFixture) => (await fixture.service.get(id))!;

function refreshToken(fixture: AuthFixture, account: Awaited<ReturnType<typeof stored>>) {
  const secrets = fixture.service.secrets(account);
  return secrets?.kind === 'oauth' ? secrets.tokens.refreshToken : null;
}

describe('a lost refresh answer is retried before anything is concluded', () => {
  for (const fault of [{ kind: 'truncate' }, { kind: 'malformed' }] as Fault[]) {
    test(`a ${fault.kind} token response, BambooHR not rotating: the retry answers, the query too`, async () => {
      const { hr } = await start(false);
      hr.sandbox.faults.enqueue(fault, { path: '/token.php' });
      const result = await hr.query(page);
      expect(result.errors).toBeUndefined();
      expect(hr.tokenCalls()).toBe(2);
      expect(hr.sandbox.faults.pending()).toBe(0);
      const after = await stored(hr);
      expect(after.status).toBe('ACTIVE');
      expect(after.refreshStartedAt).toBeNull();
    });

    test(`a ${fault.kind} token response, BambooHR rotating: NEEDS_REAUTH saying the answer was lost, and how to reconnect`, async () => {
      const { hr } = await start(true);
      const before = await stored(hr);
      const startedAt = hr.clock.now();
      hr.sandbox.faults.enqueue(fault, { path: '/token.php' });
      const result = await hr.query(page);
      expect(hr.tokenCalls()).toBe(2);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        accountStatus: 'NEEDS_REAUTH',
      });
      const after = await stored(hr);
      expect(after.status).toBe('NEEDS_REAUTH');
      const reason = `the answer to the refresh started at ${new Date(startedAt).toISOString()} was lost before hrgraph stored the new refresh token`;
      expect(after.statusReason).toContain(reason);
      expect(after.statusReason).toContain('reconnect with: hrgraph accounts connect-link globex');
      expect(result.errors?.[0]?.message).toContain(reason);
      // The grant it had is still what is stored (nothing half-written).
      expect(after.sealedSecrets).toBe(before.sealedSecrets);
    });
  }

  test('a refusal with no answer lost before says so, and still how to reconnect', async () => {
    const { hr, issued } = await start(true);
    await spend(hr, issued.refreshToken!);
    await hr.query(page);
    const after = await stored(hr);
    expect(after.statusReason).toBe(
      'the provider refused the refresh token (invalid_grant); reconnect with: hrgraph accounts connect-link globex',
    );
    expect(hr.tokenCalls()).toBe(2); // the spending and hrgraph's single attempt
  });
});

/** The refresh request reaching BambooHR, its answer never read: what a kill -9 leaves behind. */
async function spend(fixture: AuthFixture, token: string) {
  const response = await fixture.sandbox.app.fetch(
    new Request(`${fixture.baseUrl}/token.php?request=token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: token,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }),
    }),
  );
  expect(response.status).toBe(200);
}

/** hrgraph started again over the same store: a new runtime, new token managers. */
async function restart(fixture: AuthFixture) {
  const runtime = createAccountRuntime({
    http: fixture.http,
    service: fixture.service,
    oauthApps: { bamboohr: app },
    now: fixture.clock.now,
  });
  await runtime.reload();
  const yoga = createHrGraphServer({
    adapters: runtime.adapters,
    createLoaders,
    development: false,
    logging: false,
    now: () => new Date(fixture.clock.now()),
  });
  return async (document: string) => {
    const response = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document }),
    });
    return (await response.json()) as { errors?: { message: string }[] };
  };
}

describe('killed during a refresh: the restart finds the write-ahead record', () => {
  test('the request never reached BambooHR: the restarted hrgraph refreshes and carries on', async () => {
    const { hr } = await start(true);
    const before = await stored(hr);
    const killedAt = hr.clock.now();
    await hr.service.beginRefresh(id, before.secretsVersion, killedAt);
    hr.clock.advance(5_000);
    const query = await restart(hr);
    expect((await query(page)).errors).toBeUndefined();
    const after = await stored(hr);
    expect(after.status).toBe('ACTIVE');
    expect(after.refreshStartedAt).toBeNull();
    expect(refreshToken(hr, after)).not.toBe(refreshToken(hr, before));
  });

  test('BambooHR answered (and rotated) but the answer died with hrgraph: NEEDS_REAUTH, precisely', async () => {
    const { hr, issued } = await start(true);
    const before = await stored(hr);
    const killedAt = hr.clock.now();
    await hr.service.beginRefresh(id, before.secretsVersion, killedAt);
    await spend(hr, issued.refreshToken!);
    hr.clock.advance(5_000);
    const query = await restart(hr);
    const result = await query(page);
    expect(result.errors?.[0]?.message).toContain(
      `the answer to the refresh started at ${new Date(killedAt).toISOString()} was lost`,
    );
    const after = await stored(hr);
    expect(after.status).toBe('NEEDS_REAUTH');
    expect(after.statusReason).toContain('reconnect with: hrgraph accounts connect-link globex');
    // One attempt after the restart, not a loop: the record made the refusal expected.
    expect(hr.tokenCalls()).toBe(2);
    // `hrgraph accounts show` says so too.
    expect(describeAccount(detailedView(hr.service, after))).toContain(
      `a refresh sent ${new Date(killedAt).toISOString()} was never confirmed`,
    );
  });
});
