import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { accountId, providerName } from '../../src/core/ids.js';
import { connectFlow, get, serveHrgraph } from './connect-flow.js';
import { type AuthFixture, app, startAuthFixture } from './support.js';

let hr: AuthFixture;
let served: Awaited<ReturnType<typeof serveHrgraph>>;
let origin: string;
let flow: ReturnType<typeof connectFlow>;

beforeEach(async () => {
  hr = await startAuthFixture();
  served = await serveHrgraph(hr.yoga);
  origin = served.origin;
  hr.setPublicUrl(origin);
  hr.sandbox.registerOAuthClient({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUris: [`${origin}/oauth/callback`],
  });
  await hr.service.add({
    id: accountId('globex'),
    provider: providerName('bamboohr'),
    company: 'acme',
    baseUrl: hr.baseUrl,
    authKind: 'oauth',
    secrets: null,
  });
  await hr.runtime.reload();
  flow = connectFlow(hr.service, () => origin, hr.clock.now);
});
afterEach(async () => {
  await served.close();
  await hr.close();
});

/** A connect link → /connect → the company's authorize.php → /oauth/callback. */
async function connect(account = 'globex', authorizeExtra = '') {
  const started = await flow.start(account, { authorizeExtra });
  return {
    ...started,
    authorize: started.authorize as URL,
    approved: started.approved as Response,
  };
}

describe('OAuth 2.0 connect flow: a connect link → /connect/bamboohr → authorize.php → /oauth/callback', () => {
  test('connects the account through real redirects and it answers queries', async () => {
    expect(await hr.status('globex')).toBe('NEEDS_REAUTH');
    const before = await hr.query('{ employees(account: "globex", first: 1) { nodes { id } } }');
    expect(before.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'globex',
    });

    const { start, cookie, authorize, approved, back } = await connect();
    expect(start.status).toBe(302);
    expect(cookie).toMatch(/^hrgraph_oauth=[\w-]+$/);
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(authorize.origin).toBe(hr.baseUrl);
    expect(authorize.pathname).toBe('/authorize.php');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      request: 'authorize',
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: `${origin}/oauth/callback`,
    });
    expect(authorize.searchParams.get('scope')?.split(' ')).toContain('offline_access');
    expect(approved.status).toBe(302);
    expect(back.startsWith(`${origin}/oauth/callback?`)).toBe(true);

    const done = await get(back, { cookie: cookie! });
    const page = await done.text();
    expect(done.status).toBe(200);
    expect(done.headers.get('content-type')).toMatch(/text\/html/);
    expect(page).toContain('Account globex is connected');
    const code = new URL(back).searchParams.get('code')!;
    expect(page).not.toContain(code);

    const stored = (await hr.service.get(accountId('globex')))!;
    expect(stored.status).toBe('ACTIVE');
    const secrets = hr.service.secrets(stored);
    expect(secrets).toMatchObject({
      kind: 'oauth',
      tokens: { expiresAt: hr.clock.now() + 3600_000 },
    });
    expect(secrets?.kind === 'oauth' && secrets.tokens.refreshToken).toBeTruthy();
    expect(page).not.toContain(secrets?.kind === 'oauth' ? secrets.tokens.accessToken : '?');

    const after = await hr.query(
      '{ employees(account: "globex", first: 2) { nodes { displayName } } }',
    );
    expect(after.errors).toBeUndefined();
    expect((after.data?.employees as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(2);
    // Through the sandbox's bearer auth, not a key.
    expect(hr.sandbox.log.entries({ path: /^\/v1/ }).at(-1)?.auth).toBe('oauth');
  });

  test('the exact redirect URI is sent to the token endpoint (a mismatch is invalid_grant)', async () => {
    const { back, cookie } = await connect();
    hr.setPublicUrl(`${origin}/elsewhere`);
    const done = await get(back, { cookie: cookie! });
    expect(done.status).toBe(502);
    expect(await done.text()).toContain(
      'refused to exchange the code for account globex (invalid_grant)',
    );
    expect(await hr.status('globex')).toBe('NEEDS_REAUTH');
  });

  test('a callback without the browser cookie, with a forged or expired state, is refused', async () => {
    const { back, cookie } = await connect();
    const noCookie = await get(back);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('This browser did not start the connection');

    const url = new URL(back);
    const [payload, signature] = url.searchParams.get('state')!.split('.');
    const other = Buffer.from(JSON.stringify({ a: 'acme', e: Date.now() * 2 })).toString(
      'base64url',
    );
    url.searchParams.set('state', `${other}.${signature}`);
    const forged = await get(url.toString(), { cookie: cookie! });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('was not started by this hrgraph');
    expect(payload).toBeTruthy();

    hr.clock.advance(601_000);
    const late = await get(back, { cookie: cookie! });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('link expired');
    expect(await hr.status('globex')).toBe('NEEDS_REAUTH');
    expect(hr.tokenCalls()).toBe(0);
  });

  test('a refusal at BambooHR and a replayed callback say why on the page', async () => {
    const denied = await connect('globex', '&sandbox_deny=1');
    const deniedPage = await get(denied.back, { cookie: denied.cookie! });
    expect(deniedPage.status).toBe(400);
    expect(await deniedPage.text()).toContain(
      'BambooHR did not authorise account globex: access was denied',
    );

    const ok = await connect();
    expect((await get(ok.back, { cookie: ok.cookie! })).status).toBe(200);
    const exchanges = hr.tokenCalls();
    const replay = await get(ok.back, { cookie: ok.cookie! });
    // Refused before the code is even tried: the state's flow is finished.
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
    expect(hr.tokenCalls()).toBe(exchanges);
    // The replay did not disturb the connection made first.
    expect(await hr.status('globex')).toBe('ACTIVE');
  });
});
