import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import type { OAuthOptions } from '../../../../../src/sandbox/bamboohr/oauth-store.js';
import { createManualClock } from '../../../../../src/sandbox/common/clock.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';
import { bearer, fetchApp, HOST_ORIGIN } from './support.js';

const company = createCompany({ size: 12, customFieldCount: 0 });
const client = {
  clientId: 'app-1',
  clientSecret: 's3cret',
  redirectUris: ['https://app.example/cb'],
};
const SCOPES = 'openid offline_access employee field';

interface TokenBody {
  access_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  refresh_token?: string;
  id_token: string;
  companyDomain: string;
  error?: string;
}

function setup(oauth: OAuthOptions = {}) {
  const clock = createManualClock();
  const sandbox = createBambooHrSandbox({
    companies: [company],
    clock,
    oauth,
    oauthClients: [client],
  });

  async function authorize(params: Record<string, string>) {
    const query = new URLSearchParams({ request: 'authorize', response_type: 'code', ...params });
    return fetchApp(sandbox, `${HOST_ORIGIN}/authorize.php?${query}`);
  }

  async function code(scope = SCOPES, extra: Record<string, string> = {}): Promise<string> {
    const reply = await authorize({
      client_id: client.clientId,
      redirect_uri: client.redirectUris[0]!,
      scope,
      state: 'xyz',
      ...extra,
    });
    return new URL(reply.headers.get('location')!).searchParams.get('code')!;
  }

  async function token(
    fields: Record<string, string>,
    as: 'form' | 'json' = 'form',
    headers: Record<string, string> = {},
  ) {
    const body = as === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields);
    const reply = await fetchApp(sandbox, `${HOST_ORIGIN}/token.php?request=token`, {
      method: 'POST',
      headers: {
        'content-type': as === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
        accept: 'application/json',
        ...headers,
      },
      body,
    });
    return { status: reply.status, body: reply.json<TokenBody>(), headers: reply.headers };
  }

  const creds = { client_id: client.clientId, client_secret: client.clientSecret };
  async function exchange(theCode: string) {
    return token({
      grant_type: 'authorization_code',
      code: theCode,
      redirect_uri: client.redirectUris[0]!,
      ...creds,
    });
  }
  async function refresh(refreshToken: string) {
    return token({ grant_type: 'refresh_token', refresh_token: refreshToken, ...creds });
  }
  const api = (accessToken: string) =>
    fetchApp(sandbox, `${HOST_ORIGIN}/api/v1/employees/1`, {
      headers: { ...bearer(accessToken), accept: 'application/json' },
    });

  return { sandbox, clock, authorize, code, token, exchange, refresh, api };
}

describe('BambooHR OAuth 2.0 authorization code flow (reference §1.3)', () => {
  it('BambooHR: /authorize.php redirects to the redirect URI with a code and the state', async () => {
    const { authorize } = setup();
    const reply = await authorize({
      client_id: 'app-1',
      redirect_uri: 'https://app.example/cb',
      scope: 'employee+offline_access',
      state: 'abc 123',
    });
    expect(reply.status).toBe(302);
    const location = new URL(reply.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example/cb');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('abc 123');
  });

  it('RFC 6749 §4.1.2.1: an unknown client or an unregistered redirect URI is answered directly, never redirected', async () => {
    const { authorize } = setup();
    const unknown = await authorize({ client_id: 'nope', redirect_uri: 'https://app.example/cb' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
    const mismatch = await authorize({
      client_id: 'app-1',
      redirect_uri: 'https://app.example/cb/',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.headers.get('location')).toBeNull();
  });

  it('RFC 6749 §4.1.2.1: a refusal and a wrong response_type come back as error redirects with the state', async () => {
    const { authorize } = setup();
    const base = { client_id: 'app-1', redirect_uri: 'https://app.example/cb', state: 's' };
    const denied = new URL(
      (await authorize({ ...base, sandbox_deny: '1' })).headers.get('location')!,
    );
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('s');
    const token = new URL(
      (await authorize({ ...base, response_type: 'token' })).headers.get('location')!,
    );
    expect(token.searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('BambooHR: the code exchange returns access_token, expires_in 3600, Bearer, scope, refresh_token, id_token and companyDomain', async () => {
    const { code, exchange, api } = setup();
    const { status, body } = await exchange(await code());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      expires_in: 3600,
      token_type: 'Bearer',
      scope: SCOPES,
      companyDomain: 'acme',
    });
    expect(body.refresh_token).toBeTruthy();
    expect(body.id_token.split('.')).toHaveLength(3);
    expect((await api(body.access_token)).status).toBe(200);
  });

  it('BambooHR: a refresh token comes only with offline_access', async () => {
    const { code, exchange } = setup();
    const { body } = await exchange(await code('employee'));
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeUndefined();
  });

  it('BambooHR: the token endpoint takes a JSON body and client credentials by Basic auth too', async () => {
    const { code, token } = setup();
    const json = await token(
      {
        grant_type: 'authorization_code',
        code: await code(),
        redirect_uri: 'https://app.example/cb',
        client_id: 'app-1',
        client_secret: 's3cret',
      },
      'json',
    );
    expect(json.status).toBe(200);
    const basic = `Basic ${Buffer.from('app-1:s3cret').toString('base64')}`;
    const viaBasic = await token(
      {
        grant_type: 'authorization_code',
        code: await code(),
        redirect_uri: 'https://app.example/cb',
      },
      'form',
      { authorization: basic },
    );
    expect(viaBasic.status).toBe(200);
  });

  it('sandbox_employee: the code is granted as that employee', async () => {
    const { code, exchange, sandbox } = setup();
    const { body } = await exchange(await code(SCOPES, { sandbox_employee: '4' }));
    const me = await fetchApp(sandbox, `${HOST_ORIGIN}/api/v1/employees/0`, {
      headers: { ...bearer(body.access_token), accept: 'application/json' },
    });
    expect(me.json()).toMatchObject({ id: '4' });
  });

  it('RFC 6749 §4.1.2: a code is single-use, bound to its redirect URI and expires after 10 minutes', async () => {
    const { code, exchange, token, clock } = setup();
    const once = await code();
    expect((await exchange(once)).status).toBe(200);
    const again = await exchange(once);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    const wrongUri = await token({
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: 'https://evil.example/cb',
      client_id: 'app-1',
      client_secret: 's3cret',
    });
    expect(wrongUri.body.error).toBe('invalid_grant');

    const late = await code();
    clock.advance(10 * 60_000);
    expect((await exchange(late)).body.error).toBe('invalid_grant');
  });

  it('RFC 6749 §5.2: a wrong client secret is 401 invalid_client; an unknown grant type is 400 unsupported_grant_type', async () => {
    const { code, token } = setup();
    const bad = await token({
      grant_type: 'authorization_code',
      code: await code(),
      client_id: 'app-1',
      client_secret: 'wrong',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
    const grant = await token({
      grant_type: 'password',
      client_id: 'app-1',
      client_secret: 's3cret',
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
  });

  it('BambooHR: access tokens live 3600 s (by the sandbox clock)', async () => {
    const { code, exchange, api, clock } = setup();
    const { body } = await exchange(await code());
    clock.advance(3599_000);
    expect((await api(body.access_token)).status).toBe(200);
    clock.advance(1_000);
    const expired = await api(body.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('refresh: a refresh token gives a new access token and, rotating, a new refresh token; the old one is then invalid_grant', async () => {
    const { code, exchange, refresh, api, clock } = setup();
    const first = (await exchange(await code())).body;
    clock.advance(3600_000);
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await api(second.body.access_token)).status).toBe(200);
    const reused = await refresh(first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    expect((await refresh(second.body.refresh_token!)).status).toBe(200);
  });

  it('refresh without rotation (rotateRefreshTokens: false) keeps the same refresh token working', async () => {
    const { code, exchange, refresh } = setup({ rotateRefreshTokens: false });
    const first = (await exchange(await code())).body;
    const second = (await refresh(first.refresh_token!)).body;
    expect(second.refresh_token).toBe(first.refresh_token);
    expect((await refresh(first.refresh_token!)).status).toBe(200);
  });

  it('refresh: an unknown refresh token, or another client’s, is invalid_grant', async () => {
    const { code, exchange, refresh, token, sandbox } = setup();
    sandbox.registerOAuthClient({ clientId: 'app-2', clientSecret: 'two', redirectUris: [] });
    expect((await refresh('nope')).body.error).toBe('invalid_grant');
    const first = (await exchange(await code())).body;
    const stolen = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      client_id: 'app-2',
      client_secret: 'two',
    });
    expect(stolen.body.error).toBe('invalid_grant');
  });
});
