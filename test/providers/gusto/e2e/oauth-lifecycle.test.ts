/**
 * A Gusto account's whole OAuth life through the accounts layer, as `hrgraph serve` wires it:
 * a connect link → /connect/gusto → the sandbox's /oauth/authorize → /oauth/callback, queries, expiry after two
 * hours on the sandbox's clock, ONE refresh however many requests need it (Gusto's refresh tokens
 * are single use: the sandbox refuses a spent one), and a refused refresh → NEEDS_REAUTH with no
 * further call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccountRuntime } from '../../../../src/accounts/account-runtime.js';
import type { AccountService } from '../../../../src/accounts/account-service.js';
import { createConnectLinks } from '../../../../src/accounts/connect-links.js';
import { openMemoryAccounts } from '../../../../src/accounts/open-accounts.js';
import { accountId, providerName } from '../../../../src/core/ids.js';
import { createHttpClient, type HttpClient } from '../../../../src/http/index.js';
import { createLoaders } from '../../../../src/loaders/index.js';
import type { OAuthApp } from '../../../../src/providers/auth/oauth.js';
import { createManualClock, type ManualClock } from '../../../../src/sandbox/common/clock.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
  type GustoSandbox,
} from '../../../../src/sandbox/gusto/index.js';
import { createHrGraphServer } from '../../../../src/server/create-server.js';
import { oauthConnectRoutes } from '../../../../src/server/routes/oauth-connect.js';

const app: OAuthApp = {
  clientId: DEFAULT_GUSTO_OAUTH_CLIENT.clientId,
  clientSecret: DEFAULT_GUSTO_OAUTH_CLIENT.clientSecret,
};
/** The sandbox client's registered redirect URI is http://localhost:4000/oauth/callback. */
const publicUrl = 'http://localhost:4000';

let clock: ManualClock;
let sandbox: GustoSandbox;
let close: () => Promise<void>;
let service: AccountService;
let http: HttpClient;
let sandboxUrl: string;
let yoga: ReturnType<typeof createHrGraphServer>;

beforeEach(async () => {
  clock = createManualClock();
  sandbox = createGustoSandbox({ company: { seed: 3, size: 60 }, clock, rateLimit: false });
  const running = await sandbox.listen();
  sandboxUrl = running.url;
  service = await openMemoryAccounts({ now: clock.now });
  http = createHttpClient();
  const runtime = createAccountRuntime({
    http,
    service,
    oauthApps: { gusto: app },
    now: clock.now,
  });
  yoga = createHrGraphServer({
    adapters: runtime.adapters,
    createLoaders,
    development: false,
    logging: false,
    now: () => new Date(clock.now()),
    routes: [
      oauthConnectRoutes({
        service,
        runtime,
        http,
        apps: { gusto: app },
        publicUrl,
        now: clock.now,
      }),
    ],
  });
  await service.add({
    id: accountId('payroll'),
    provider: providerName('gusto'),
    company: sandbox.companyUuid,
    baseUrl: sandboxUrl,
    authKind: 'oauth',
    secrets: null,
  });
  await runtime.reload();
  close = async () => {
    await http.close();
    await running.close();
    await service.close();
  };
});
afterEach(() => close());

async function query(document: string) {
  const response = await yoga.fetch('http://hrgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const page = `{ employees(account: "payroll", first: 5) { nodes { workEmail } } }`;
const tokenCalls = () => sandbox.log.count({ path: '/oauth/token' });
const apiCalls = () => sandbox.log.count({ path: /^\/v1\// });
const status = async () => (await service.get(accountId('payroll')))?.status;

/**
 * A connect link (as `hrgraph accounts connect-link payroll` makes) → /connect/gusto → the
 * sandbox's authorize page (approves as the primary admin) → /oauth/callback.
 */
async function connect() {
  const account = (await service.get(accountId('payroll')))!;
  const { link } = await createConnectLinks(service.store, { now: clock.now }).create(account);
  const start = await yoga.fetch(`${publicUrl}/connect/gusto?account=payroll&link=${link}`, {
    redirect: 'manual',
  });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin + authorize.pathname).toBe(`${sandboxUrl}/oauth/authorize`);
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    client_id: app.clientId,
    response_type: 'code',
    redirect_uri: `${publicUrl}/oauth/callback`,
  });
  const approved = await fetch(authorize, { redirect: 'manual' });
  const back = approved.headers.get('location')!;
  expect(back.startsWith(`${publicUrl}/oauth/callback?`)).toBe(true);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const done = await yoga.fetch(back, { headers: { cookie } });
  expect(done.status).toBe(200);
  expect(await done.text()).toContain('Account payroll is connected');
}

describe('Gusto OAuth: connect, refresh once, re-authorise when refused', () => {
  it('connects through /connect/gusto and the callback, then answers queries with the bearer token', async () => {
    expect(await status()).toBe('NEEDS_REAUTH');
    await connect();
    expect(await status()).toBe('ACTIVE');
    const stored = (await service.get(accountId('payroll')))!;
    const secrets = service.secrets(stored);
    expect(secrets?.kind === 'oauth' && secrets.tokens.expiresAt).toBe(clock.now() + 7200_000);
    const result = await query(page);
    expect(result.errors).toBeUndefined();
    expect((result.data?.employees as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(5);
    expect(sandbox.log.entries({ path: /^\/v1\// }).at(-1)?.auth).toBe('oauth');
  });

  it('after two hours, 20 concurrent requests make exactly one refresh; the rotated token keeps working', async () => {
    await connect();
    expect((await query(page)).errors).toBeUndefined();
    const before = tokenCalls(); // the code exchange
    clock.advance(7200_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => query(page)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(tokenCalls() - before).toBe(1);
    expect(sandbox.log.count({ status: 401 })).toBe(0);
    expect(sandbox.log.count({ path: '/oauth/token', status: 400 })).toBe(0);
    // The stored (rotated) refresh token is the live one: the next expiry refreshes again.
    clock.advance(7200_000);
    expect((await query(page)).errors).toBeUndefined();
    expect(tokenCalls() - before).toBe(2);
  });

  it('a refused refresh (invalid_grant) puts the account in NEEDS_REAUTH, and nothing more is called', async () => {
    await connect();
    // Someone else spends the single-use refresh token first.
    const stored = (await service.get(accountId('payroll')))!;
    const secrets = service.secrets(stored);
    if (secrets?.kind !== 'oauth') throw new Error('not connected');
    const spent = await fetch(`${sandboxUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: secrets.tokens.refreshToken!,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }),
    });
    expect(spent.status).toBe(200);
    clock.advance(7200_000);
    const refused = await query(page);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'payroll',
    });
    expect(refused.errors?.[0]?.message).toMatch(/re-authori[sz]ed.*invalid_grant/);
    expect(await status()).toBe('NEEDS_REAUTH');
    const [tokens, api] = [tokenCalls(), apiCalls()];
    const again = await query(page);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect([tokenCalls(), apiCalls()]).toEqual([tokens, api]);
    // Re-connecting brings it back.
    await connect();
    expect((await query(page)).errors).toBeUndefined();
  });
});
