import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { accountId, providerName } from '../../src/core/ids.js';
import { localhostAwareLookup } from '../../src/http/localhost-lookup.js';
import { type AuthFixture, app, startAuthFixture } from './support.js';

let hr: AuthFixture;
let server: Server;
let origin: string;
/** A browser: resolves *.localhost like the real ones do, keeps nothing between calls but what the test carries. */
const browser = new Agent({ connect: { lookup: localhostAwareLookup } });

beforeEach(async () => {
  hr = await startAuthFixture();
  server = createServer(hr.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://localhost:${port}`;
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
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await hr.close();
});

const get = (url: string, cookie?: string) =>
  fetch(url, { redirect: 'manual', dispatcher: browser, headers: cookie ? { cookie } : {} });

/** /connect → the company's authorize.php → /oauth/callback, each hop a real HTTP redirect. */
async function connect(account = 'globex', authorizeExtra = '') {
  const start = await get(`${origin}/connect/bamboohr?account=${account}`);
  const cookie = start.headers.get('set-cookie')?.split(';')[0];
  const authorize = `${start.headers.get('location')}${authorizeExtra}`;
  const approved = await get(authorize);
  const back = approved.headers.get('location') ?? '';
  return { start, cookie, authorize: new URL(authorize), approved, back };
}

describe('OAuth 2.0 connect flow: /connect/bamboohr → authorize.php → /oauth/callback', () => {
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

    const done = await get(back, cookie);
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
    const done = await get(
      back.replace(`${origin}/oauth/callback`, `${origin}/oauth/callback`),
      cookie,
    );
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
    const forged = await get(url.toString(), cookie);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('was not started by this hrgraph');
    expect(payload).toBeTruthy();

    hr.clock.advance(601_000);
    const late = await get(back, cookie);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('link expired');
    expect(await hr.status('globex')).toBe('NEEDS_REAUTH');
    expect(hr.tokenCalls()).toBe(0);
  });

  test('a refusal at BambooHR, a replayed code and an unknown account say why on the page', async () => {
    const denied = await connect('globex', '&sandbox_deny=1');
    const deniedPage = await get(denied.back, denied.cookie);
    expect(deniedPage.status).toBe(400);
    expect(await deniedPage.text()).toContain(
      'BambooHR did not authorise account globex: access was denied',
    );

    const ok = await connect();
    expect((await get(ok.back, ok.cookie)).status).toBe(200);
    const replay = await get(ok.back, ok.cookie);
    expect(replay.status).toBe(502);
    expect(await replay.text()).toContain('(invalid_grant)');
    // The replay did not disturb the connection made first.
    expect(await hr.status('globex')).toBe('ACTIVE');

    const unknown = await get(`${origin}/connect/bamboohr?account=nobody`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no BambooHR OAuth account &quot;nobody&quot;');
  });
});
