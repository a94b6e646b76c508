/**
 * OAuth 2.0 authorization code with single-use, rotating refresh tokens, on a manual clock.
 * Choices named here: a spent refresh token is 400 invalid_grant; by default a refresh retires the
 * previous access token too (Doorkeeper keeps both in one record); `refreshRevocation:
 * 'on-first-use'` follows Gusto's docs page instead.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/common/clock.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
  type GustoSandboxOptions,
} from '../../../../src/sandbox/gusto/index.js';

const { clientId, clientSecret, redirectUris } = DEFAULT_GUSTO_OAUTH_CLIENT;
const redirectUri = redirectUris[0]!;
const origin = 'http://api.gusto.test';

function setUp(options: GustoSandboxOptions = {}) {
  const clock = createManualClock();
  const sandbox = createGustoSandbox({ company: { size: 10 }, clock, ...options });
  async function token(body: Record<string, string>, form = false) {
    const res = await sandbox.app.fetch(
      new Request(`${origin}/oauth/token`, {
        method: 'POST',
        headers: {
          'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        },
        body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
      }),
    );
    return { status: res.status, body: (await res.json()) as Record<string, string | number> };
  }
  const refresh = (refreshToken: string) =>
    token({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
  async function use(accessToken: string) {
    const res = await sandbox.app.fetch(
      new Request(`${origin}/v1/token_info`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    );
    return res.status;
  }
  return { clock, sandbox, token, refresh, use };
}

describe('authorization code', () => {
  it('/oauth/authorize auto-approves as the primary admin and redirects with code and state', async () => {
    const { sandbox, token, use } = setUp();
    const url = `${origin}/oauth/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&state=xyz`;
    const res = await sandbox.app.fetch(new Request(url));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    const exchange = {
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    };
    const first = await token(exchange, true);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
    expect(await use(String(first.body.access_token))).toBe(200);
    // Codes are single-use.
    expect(await token(exchange)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('an unregistered redirect URI is refused without redirecting; a mismatched one at the token step is invalid_grant', async () => {
    const { sandbox, token } = setUp();
    const bad = await sandbox.app.fetch(
      new Request(
        `${origin}/oauth/authorize?client_id=${clientId}&redirect_uri=http%3A%2F%2Fevil.test&response_type=code`,
      ),
    );
    expect(bad.status).toBe(400);
    const code = sandbox.authorize();
    const res = await token({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:4000/other',
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('the client secret is never accepted in the URL (docs: 400)', async () => {
    const { sandbox } = setUp();
    const res = await sandbox.app.fetch(
      new Request(`${origin}/oauth/token?client_secret=${clientSecret}`, {
        method: 'POST',
        body: '',
      }),
    );
    expect(res.status).toBe(400);
  });
});

describe('token lifetime and refresh', () => {
  it('access tokens last 7200 s on the clock', async () => {
    const { clock, sandbox, use } = setUp();
    const { accessToken } = sandbox.issueTokens();
    clock.advance(7199 * 1000);
    expect(await use(accessToken)).toBe(200);
    clock.advance(1000);
    expect(await use(accessToken)).toBe(401);
  });

  it('a refresh returns a new pair; the spent refresh token and the previous access token are refused', async () => {
    const { clock, sandbox, refresh, use } = setUp();
    const old = sandbox.issueTokens();
    clock.advance(8000 * 1000);
    const next = await refresh(old.refreshToken);
    expect(next.status).toBe(200);
    expect(next.body.refresh_token).not.toBe(old.refreshToken);
    expect(await use(String(next.body.access_token))).toBe(200);
    expect(await refresh(old.refreshToken)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(await use(old.accessToken)).toBe(401);
    expect((await refresh(String(next.body.refresh_token))).status).toBe(200);
  });

  it('refresh-token revocation on first use (Gusto docs): the old pair works until the new token is used', async () => {
    const { sandbox, refresh, use } = setUp({ oauth: { refreshRevocation: 'on-first-use' } });
    const old = sandbox.issueTokens();
    const next = await refresh(old.refreshToken);
    expect(await use(old.accessToken)).toBe(200);
    expect(await use(String(next.body.access_token))).toBe(200);
    expect(await use(old.accessToken)).toBe(401);
    expect((await refresh(old.refreshToken)).status).toBe(400);
  });

  it('concurrent refreshes with the same token: exactly one wins', async () => {
    const { sandbox, refresh } = setUp();
    const { refreshToken } = sandbox.issueTokens();
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(refreshToken)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400]);
  });

  it('a refresh from another client or with a wrong secret fails', async () => {
    const other = { clientId: 'other', clientSecret: 'other-secret', redirectUris: [redirectUri] };
    const { sandbox, token } = setUp({ oauthClients: [DEFAULT_GUSTO_OAUTH_CLIENT, other] });
    const { refreshToken } = sandbox.issueTokens();
    const foreign = await token({
      client_id: 'other',
      client_secret: 'other-secret',
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(foreign).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const wrong = await token({
      client_id: clientId,
      client_secret: 'nope',
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});
