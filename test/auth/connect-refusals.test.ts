/**
 * Issue 13, item 5: connecting an account is an administrative act. /connect takes a connect
 * link (single-use, short-lived, made by the CLI) or an admin token; without one every account,
 * existing or not, gets the same 401. The callback stores a grant only once it is proven: the
 * granted company is the account's and the scopes cover what hrgraph needs. Every refusal leaves
 * the stored grant exactly as it was, and working.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createConnectLinks } from '../../src/accounts/connect-links.js';
import { accountId, providerName } from '../../src/core/ids.js';
import type { HttpClient } from '../../src/http/index.js';
import { connectFlow, get, serveHrgraph } from './connect-flow.js';
import { type AuthFixture, app, startAuthFixture, twoCompanies } from './support.js';

let hr: AuthFixture;
let served: Awaited<ReturnType<typeof serveHrgraph>>;
let flow: ReturnType<typeof connectFlow>;
/** While set, the token endpoint answering for acme's host is globex's (a wrong sign-in). */
let otherCompany = false;

const toGlobex = (url: string) => url.replace('//acme.localhost', '//globex.localhost');
const page = /* GraphQL */ `{ employees(account: "hr", first: 2) { nodes { displayName } } }`;

beforeEach(async () => {
  otherCompany = false;
  hr = await startAuthFixture({
    apiTokens: true,
    sandbox: twoCompanies(),
    http: (http): HttpClient => ({
      request: (request, ctx) =>
        http.request(
          otherCompany && request.operation.startsWith('bamboohr.token')
            ? { ...request, url: toGlobex(request.url) }
            : request,
          ctx,
        ),
      close: () => http.close(),
    }),
  });
  served = await serveHrgraph(hr.yoga);
  hr.setPublicUrl(served.origin);
  hr.sandbox.registerOAuthClient({ ...app, redirectUris: [`${served.origin}/oauth/callback`] });
  await hr.service.add({
    id: accountId('hr'),
    provider: providerName('bamboohr'),
    company: 'acme',
    baseUrl: hr.baseUrl,
    authKind: 'oauth',
    secrets: null,
  });
  await hr.addApiKeyAccount('keyed', hr.sandbox.apiKeyFor('acme'));
  flow = connectFlow(hr.service, () => served.origin, hr.clock.now);
  // The account's grant as it stands before each refusal: made through a real flow.
  expect((await flow.complete('hr')).status).toBe(200);
  await hr.runtime.reload();
});
afterEach(async () => {
  await served.close();
  await hr.close();
});

async function reader() {
  return (await hr.tokens.create('reader', [accountId('hr')])).secret;
}

/** The stored grant, and a check that it is still exactly that and still answers queries. */
async function grantNow() {
  const stored = (await hr.service.get(accountId('hr')))!;
  const token = await reader();
  return async function expectUntouched() {
    const now = (await hr.service.get(accountId('hr')))!;
    expect(now.sealedSecrets).toBe(stored.sealedSecrets);
    expect(now.secretsVersion).toBe(stored.secretsVersion);
    expect(now.status).toBe('ACTIVE');
    const result = await hr.query(page, { authorization: `Bearer ${token}` });
    expect(result.errors).toBeUndefined();
  };
}

async function described(response: Response | Awaited<ReturnType<typeof get>>) {
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookie: response.headers.get('set-cookie'),
    body: await response.text(),
  };
}

describe('connecting an account takes an admin credential', () => {
  test('no credential: the same 401 for an existing, an API-key, an unknown and a malformed account; nothing spent', async () => {
    const expectUntouched = await grantNow();
    const someoneElsesLink = await flow.linkFor('hr');
    const readerToken = await reader();
    const o = served.origin;
    const answers = await Promise.all(
      [
        get(`${o}/connect/bamboohr?account=hr`),
        get(`${o}/connect/bamboohr?account=keyed`),
        get(`${o}/connect/bamboohr?account=nobody`),
        get(`${o}/connect/bamboohr?account=Not%20An%20Id`),
        get(`${o}/connect/bamboohr?account=hr&link=hrc_0123456789abcdef_${'A'.repeat(43)}`),
        get(`${o}/connect/bamboohr?account=nobody&link=garbage`),
        // A real link, but for another account: refused, and not spent.
        get(`${o}/connect/bamboohr?account=keyed&link=${someoneElsesLink}`),
        // A token that reads accounts is not an admin token.
        get(`${o}/connect/bamboohr?account=hr`, { authorization: `Bearer ${readerToken}` }),
      ].map(async (response) => described(await response)),
    );
    for (const answer of answers) {
      expect(answer).toEqual(answers[0]);
      expect(answer.status).toBe(401);
      expect(answer.location).toBeNull();
      expect(answer.cookie).toBeNull();
      expect(answer.body).not.toMatch(/acme|keyed|nobody|hr"/);
    }
    const post = await fetch(`${o}/connect/bamboohr?account=hr`, { method: 'POST' });
    expect(post.status).toBe(401);
    expect(hr.tokenCalls()).toBe(1); // the first connection's exchange only
    await expectUntouched();
    // The link refused for another account still opens its own.
    expect((await flow.complete('hr', { link: someoneElsesLink })).status).toBe(200);
  });

  test('an admin token: GET starts the flow, POST answers a single-use link; unknown accounts are 404 to it', async () => {
    const admin = (await hr.tokens.create('ops', [], { admin: true })).secret;
    const headers = { authorization: `Bearer ${admin}` };
    const started = await get(`${served.origin}/connect/bamboohr?account=hr`, headers);
    expect(started.status).toBe(302);
    expect(new URL(started.headers.get('location')!).origin).toBe(hr.baseUrl);

    const minted = await fetch(`${served.origin}/connect/bamboohr?account=hr`, {
      method: 'POST',
      headers,
    });
    expect(minted.status).toBe(200);
    const { url, expiresAt } = (await minted.json()) as { url: string; expiresAt: string };
    expect(new Date(expiresAt).getTime()).toBe(hr.clock.now() + 900_000);
    const link = new URL(url).searchParams.get('link')!;
    expect((await flow.complete('hr', { link })).status).toBe(200);
    // Used once; the second time it is the same 401 as no link at all.
    expect((await flow.start('hr', { link })).start.status).toBe(401);

    const unknown = await get(`${served.origin}/connect/bamboohr?account=nobody`, headers);
    expect(unknown.status).toBe(404);
  });

  test('a grant for another company is refused; the stored grant stays and works', async () => {
    const expectUntouched = await grantNow();
    otherCompany = true;
    const done = await flow.complete('hr', {
      authorize: (url) => new URL(toGlobex(url.toString())),
    });
    otherCompany = false;
    expect(done.status).toBe(403);
    const text = await done.text();
    expect(text).toContain('granted access to the company &quot;globex&quot;');
    expect(text).toContain('account hr is for &quot;acme&quot;');
    expect(text).toContain('Nothing was stored');
    await expectUntouched();
  });

  test('a grant with narrower scopes is refused; the stored grant stays and works', async () => {
    const expectUntouched = await grantNow();
    const done = await flow.complete('hr', {
      authorize(url) {
        const scopes = url.searchParams.get('scope')!.split(' ');
        url.searchParams.set('scope', scopes.filter((s) => s !== 'report').join(' '));
        return url;
      },
    });
    expect(done.status).toBe(403);
    expect(await done.text()).toContain('fewer scopes than hrgraph needs (missing: report)');
    await expectUntouched();
  });

  test('a replayed state is refused before any exchange; the stored grant stays and works', async () => {
    const expectUntouched = await grantNow();
    const started = await flow.start('hr', { authorizeExtra: '&sandbox_deny=1' });
    const first = await get(started.back, { cookie: started.cookie! });
    expect(first.status).toBe(400);
    // The same state again, now with a fresh code an attacker obtained: still refused.
    const replayed = new URL(started.back);
    const fresh = await flow.start('hr');
    replayed.searchParams.delete('error');
    replayed.searchParams.set('code', new URL(fresh.back).searchParams.get('code')!);
    const calls = hr.tokenCalls();
    const again = await get(replayed.toString(), { cookie: started.cookie! });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
    expect(hr.tokenCalls()).toBe(calls);
    await expectUntouched();
  });

  test('an expired link, and a link made before the account was removed and added again, open nothing', async () => {
    const expectUntouched = await grantNow();
    const link = await flow.linkFor('hr');
    hr.clock.advance(900_001);
    expect((await flow.start('hr', { link })).start.status).toBe(401);
    await expectUntouched();

    const stale = await flow.linkFor('hr');
    const before = (await hr.service.get(accountId('hr')))!;
    await hr.service.remove(accountId('hr'));
    await hr.service.store.insert({ ...before, recordId: 'ffffffffffffffff' });
    expect((await flow.start('hr', { link: stale })).start.status).toBe(401);
    // A link for the new record is minted against it, and works.
    const links = createConnectLinks(hr.service.store, { now: hr.clock.now });
    const current = (await links.create((await hr.service.get(accountId('hr')))!)).link;
    expect((await flow.start('hr', { link: current })).start.status).toBe(302);
  });
});
