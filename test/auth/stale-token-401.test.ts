/**
 * Issue 13, item 6: Gusto revokes the old access token when it refreshes, so calls already sent
 * with the old token come back 401. Those 401s say nothing about the new token: each such call is
 * sent again, once, with the current token, and none of them counts towards NEEDS_REAUTH.
 *
 * The http client below holds the calls sent with the old token until the refresh has happened
 * (or until the sandbox has revoked it, while hrgraph still waits for the token response), so the
 * interleaving is exact, not a matter of timing.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { HttpClient, UpstreamRequest } from '../../src/http/index.js';
import { GUSTO_TOKEN_MS, startGustoFixture } from './gusto-support.js';

type Fixture = Awaited<ReturnType<typeof startGustoFixture>>;

const CLIENTS = 5;
const page = /* GraphQL */ `{ employees(account: "payroll", first: 3) { nodes { workEmail } } }`;

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const isToken = (request: UpstreamRequest) => request.operation.startsWith('gusto.token');
const bearer = (request: UpstreamRequest) => request.headers?.authorization ?? '';

/**
 * Holds every API call sent with `old()` until `release`; counts the 401s they get back.
 * `whileRefreshing`: the token response reaches hrgraph only once all of them got their 401.
 */
function holdOldTokenCalls(old: () => string, whileRefreshing: boolean) {
  const held = { count: 0, all: deferred() };
  const release = deferred();
  const refused = { count: 0, all: deferred() };
  const wrap = (http: HttpClient): HttpClient => ({
    async request(request, ctx) {
      if (isToken(request)) {
        const response = await http.request(request, ctx);
        if (whileRefreshing) {
          release.resolve();
          await refused.all.promise;
        }
        return response;
      }
      const sentOld = old() !== '' && bearer(request) === `Bearer ${old()}`;
      if (sentOld) {
        if (++held.count === CLIENTS) held.all.resolve();
        await release.promise;
      }
      const response = await http.request(request, ctx);
      if (sentOld && response.status === 401 && ++refused.count === CLIENTS) refused.all.resolve();
      return response;
    },
    close: () => http.close(),
  });
  return { wrap, held, release, refused };
}

let hr: Fixture | undefined;
afterEach(async () => {
  await hr?.close();
  hr = undefined;
});

async function scenario(whileRefreshing: boolean) {
  let oldToken = '';
  const hold = holdOldTokenCalls(() => oldToken, whileRefreshing);
  hr = await startGustoFixture({ http: hold.wrap });
  // One answered call proves the credentials, so calls then go out side by side.
  expect((await hr.query(page)).errors).toBeUndefined();
  oldToken = hr.first.accessToken;
  // 5 min 1 s before expiry: the old token is still handed out, so five clients leave with it.
  hr.clock.advance(GUSTO_TOKEN_MS - 301_000);
  const clients = Array.from({ length: CLIENTS }, () => hr!.query(page));
  await hold.held.all.promise;
  // Two seconds later the token is inside the refresh margin: the next request refreshes, and
  // Gusto revokes the old token as it answers.
  hr.clock.advance(2_000);
  const refreshing = hr.query(page);
  if (!whileRefreshing) {
    expect((await refreshing).errors).toBeUndefined();
    hold.release.resolve();
  }
  const results = await Promise.all([...clients, refreshing]);
  return { results, refused: hold.refused.count };
}

describe('a 401 on a request sent with an older token is a reason to retry, not evidence', () => {
  test('Gusto revokes at refresh; 5 clients in flight with the old token: all answered, one refresh, ACTIVE', async () => {
    const { results, refused } = await scenario(false);
    expect(refused).toBe(CLIENTS); // the revoked token really was refused, five times
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(hr!.tokenCalls()).toBe(1);
    expect(await hr!.status()).toBe('ACTIVE');
    // And the account keeps working without another refresh.
    expect((await hr!.query(page)).errors).toBeUndefined();
    expect(hr!.tokenCalls()).toBe(1);
    expect(await hr!.status()).toBe('ACTIVE');
  });

  test('the 401s arrive while the refresh is still in flight: they wait for it, then retry', async () => {
    const { results, refused } = await scenario(true);
    expect(refused).toBe(CLIENTS);
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(hr!.tokenCalls()).toBe(1);
    expect(await hr!.status()).toBe('ACTIVE');
    expect((await hr!.query(page)).errors).toBeUndefined();
    expect(hr!.tokenCalls()).toBe(1);
  });
});
