/**
 * Okta auth (reference §6 "Base URL and auth"): SSWS API tokens; client credentials with
 * private_key_jwt at the org server's /oauth2/v1/token (RS256, iss = sub = client_id, aud = the
 * token URL, exp at most an hour ahead, single-use jti); access tokens live 3600 s; missing scopes
 * are 403 E0000006 with an insufficient_scope challenge; bad credentials 401 E0000011.
 */
import { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/okta/index.js';
import { oktaFixture, origin } from './support.js';

const clock = createManualClock();
const { sandbox, get } = oktaFixture({
  company: { seed: 5, size: 30, customFieldCount: 0 },
  clock,
});
const app = sandbox.serviceApp();
const key = await importPKCS8(app.privateKeyPem, 'RS256');
const tokenUrl = `${origin}/oauth2/v1/token`;

interface AssertionOptions {
  aud?: string;
  iss?: string;
  expiresIn?: number;
  jti?: string;
  signWith?: CryptoKey;
}

async function assertion(options: AssertionOptions = {}): Promise<string> {
  const now = Math.floor(clock.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: app.keyId })
    .setIssuer(options.iss ?? app.clientId)
    .setSubject(app.clientId)
    .setAudience(options.aud ?? tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .setJti(options.jti ?? randomUUID())
    .sign(options.signWith ?? key);
}

async function requestToken(jwt: string, scope = 'okta.users.read okta.groups.read') {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: jwt,
  });
  const response = await sandbox.app.fetch(
    new Request(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, string | number>,
  };
}

describe('Okta SSWS', () => {
  it('SSWS <api token> reads; a wrong, missing or Basic credential is 401 E0000011; the log says apiKey', async () => {
    expect((await get('/api/v1/users?limit=1')).status).toBe(200);
    expect(sandbox.log.entries().at(-1)?.auth).toBe('apiKey');
    for (const authorization of ['SSWS 00nope', null, 'Basic abc']) {
      const response = await get('/api/v1/users', authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
      });
    }
    expect(sandbox.apiToken()).toMatch(/^00[\w-]{40}$/);
  });
});

describe('Okta client credentials with private_key_jwt', () => {
  it('a valid assertion gets a Bearer token for the asked scopes, lasting 3600 s', async () => {
    const { status, body } = await requestToken(await assertion());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'okta.users.read okta.groups.read',
    });
    const bearer = `Bearer ${body.access_token}`;
    expect((await get('/api/v1/users?limit=1', bearer)).status).toBe(200);
    expect(sandbox.log.entries().at(-1)?.auth).toBe('oauth');
    clock.advance(3599_000);
    expect((await get('/api/v1/users?limit=1', bearer)).status).toBe(200);
    clock.advance(1000);
    const expired = await get('/api/v1/users?limit=1', bearer);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ errorCode: 'E0000011' });
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('a replayed jti is refused (invalid_client), even within its lifetime', async () => {
    const jwt = await assertion({ jti: 'once-only' });
    expect((await requestToken(jwt)).status).toBe(200);
    const replay = await requestToken(jwt);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('invalid_client');
    expect(replay.body.error_description).toMatch(/already been used/);
  });

  it.each([
    ['a wrong audience', () => assertion({ aud: `${origin}/oauth2/default/v1/token` }), /audience/],
    ['an expired assertion', () => assertion({ expiresIn: -10 }), /expired/],
    ['an exp more than an hour ahead', () => assertion({ expiresIn: 3700 }), /too far/],
    ['iss other than the client', () => assertion({ iss: 'someone-else' }), /issuer and subject/],
    [
      'a signature by another key',
      async () => {
        const { privateKey } = await (await import('jose')).generateKeyPair('RS256');
        return assertion({ signWith: privateKey as CryptoKey });
      },
      /signature/,
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await assertion()).split('.');
        const payload = Buffer.from(
          JSON.stringify({
            iss: app.clientId,
            sub: app.clientId,
            aud: tokenUrl,
            exp: 9e9,
            jti: 'x',
          }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
      /signature/,
    ],
  ])('%s is 401 invalid_client', async (_name, make, description) => {
    const { status, body } = await requestToken(await make());
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
    expect(String(body.error_description)).toMatch(description);
  });

  it('no scope, or a scope the app was not granted, is 400 invalid_scope; another grant is unsupported_grant_type', async () => {
    expect((await requestToken(await assertion(), '')).body.error).toBe('invalid_scope');
    const manage = await requestToken(await assertion(), 'okta.users.manage');
    expect(manage).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const response = await sandbox.app.fetch(
      new Request(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=a&password=b',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('Okta scopes', () => {
  it('each operation needs its scope: 403 E0000006 with WWW-Authenticate insufficient_scope naming it', async () => {
    const usersOnly = `Bearer ${sandbox.issueAccessToken(['okta.users.read']).accessToken}`;
    expect((await get('/api/v1/users?limit=1', usersOnly)).status).toBe(200);
    // listUserGroups is a users.read operation in the spec.
    const me = sandbox.directory.company.people[0]!.workEmail;
    expect((await get(`/api/v1/users/${encodeURIComponent(me)}/groups`, usersOnly)).status).toBe(
      200,
    );
    for (const [path, scope] of [
      ['/api/v1/groups', 'okta.groups.read'],
      ['/api/v1/meta/schemas/user/default', 'okta.schemas.read'],
      ['/api/v1/org', 'okta.orgs.read'],
    ]) {
      const response = await get(path!, usersOnly);
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ errorCode: 'E0000006' });
      const challenge = response.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(/^Bearer /);
      expect(challenge).toContain('error="insufficient_scope"');
      expect(challenge).toContain(`scope="${scope}"`);
    }
  });
});
