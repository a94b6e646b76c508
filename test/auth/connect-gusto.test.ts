/**
 * Issue 13, item 5, for Gusto: its token response does not name the company, so a new grant is
 * checked with `GET /v1/token_info` (reference §3: a token covers one company) before anything is
 * stored. A grant for another company, or with fewer scopes than hrgraph reads with, is refused
 * and the account keeps the grant it had.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { accountId } from '../../src/core/ids.js';
import type { HttpClient } from '../../src/http/index.js';
import { GUSTO_SCOPES } from '../../src/providers/gusto/oauth.js';
import { createGustoSandbox, DEFAULT_GUSTO_OAUTH_CLIENT } from '../../src/sandbox/gusto/index.js';
import { connectFlow, type HrgraphFetch } from './connect-flow.js';
import { GUSTO_PUBLIC_URL, startGustoFixture } from './gusto-support.js';

type Fixture = Awaited<ReturnType<typeof startGustoFixture>>;
const page = /* GraphQL */ `{ employees(account: "payroll", first: 2) { nodes { workEmail } } }`;

let hr: Fixture | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await hr?.close();
  hr = undefined;
  for (const close of closers.splice(0)) await close();
});

function flowOf(fixture: Fixture) {
  const hrgraph: HrgraphFetch = (url, headers = {}) =>
    Promise.resolve(fixture.yoga.fetch(url, { redirect: 'manual', headers }));
  return connectFlow(fixture.service, () => GUSTO_PUBLIC_URL, fixture.clock.now, 'gusto', hrgraph);
}

/** The stored grant now, and a check that it is still exactly that and still answers. */
async function grantNow(fixture: Fixture) {
  const stored = (await fixture.service.get(accountId('payroll')))!;
  return async function expectUntouched() {
    const now = (await fixture.service.get(accountId('payroll')))!;
    expect([now.sealedSecrets, now.secretsVersion, now.status]).toEqual([
      stored.sealedSecrets,
      stored.secretsVersion,
      'ACTIVE',
    ]);
    expect((await fixture.query(page)).errors).toBeUndefined();
  };
}

const tokenInfoCalls = (fixture: Fixture) => fixture.sandbox.log.count({ path: '/v1/token_info' });

describe('Gusto: a new grant is proven with /v1/token_info before it is stored', () => {
  test('the right company with every scope: connected', async () => {
    hr = await startGustoFixture();
    const done = await flowOf(hr).complete('payroll');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Account payroll is connected');
    expect(tokenInfoCalls(hr)).toBe(1);
    expect((await hr.query(page)).errors).toBeUndefined();
  });

  test('a grant for another Gusto company is refused; the stored grant stays and works', async () => {
    const other = createGustoSandbox({ company: { seed: 11, size: 10 }, rateLimit: false });
    const running = await other.listen();
    closers.push(() => running.close());
    let sandboxUrl = '';
    // The admin approves in another company: its tokens are what comes back.
    let elsewhere = false;
    hr = await startGustoFixture({
      http: (http): HttpClient => ({
        request: (request, ctx) =>
          http.request(
            elsewhere ? { ...request, url: request.url.replace(sandboxUrl, running.url) } : request,
            ctx,
          ),
        close: () => http.close(),
      }),
    });
    sandboxUrl = hr.sandboxUrl;
    await hr.query(page);
    const expectUntouched = await grantNow(hr);
    elsewhere = true;
    const done = await flowOf(hr).complete('payroll', {
      authorize: (url) => new URL(url.toString().replace(sandboxUrl, running.url)),
    });
    elsewhere = false;
    expect(done.status).toBe(403);
    const text = await done.text();
    expect(text).toContain(`the company &quot;${other.companyUuid}&quot;`);
    expect(text).toContain('Nothing was stored');
    await expectUntouched();
  });

  test('a grant without a scope hrgraph reads with is refused; the stored grant stays and works', async () => {
    const narrow = GUSTO_SCOPES.filter((scope) => scope !== 'jobs:read');
    hr = await startGustoFixture({
      sandbox: { oauthClients: [{ ...DEFAULT_GUSTO_OAUTH_CLIENT, scopes: narrow }] },
      firstScopes: GUSTO_SCOPES,
    });
    await hr.query(page);
    const expectUntouched = await grantNow(hr);
    const done = await flowOf(hr).complete('payroll');
    expect(done.status).toBe(403);
    expect(await done.text()).toContain('missing: jobs:read');
    await expectUntouched();
  });
});
