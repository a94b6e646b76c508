/**
 * Service account with domain-wide delegation (reference §7): the JWT-bearer grant's failures,
 * token lifetime on a manual clock, and who the token may speak for.
 */
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  JWT_BEARER,
  SCOPES,
} from '../../../../src/sandbox/google-workspace/index.js';
import { assertion, client, grant, postToken, smallSandbox } from './support.js';

const clock = createManualClock();
const sandbox = smallSandbox({ clock });
const get = client(sandbox);
const employee = sandbox.company.people.find((p) => p.id > 1 && p.terminationDate === null)!;
const leaver = sandbox.company.people.find((p) => p.terminationDate !== null)!;

async function errorOf(response: Response): Promise<[number, string]> {
  return [response.status, ((await response.json()) as { error: string }).error];
}

describe('POST /token: the JWT-bearer grant', () => {
  it('issues an hour-long bearer token for the admin; it expires on the clock', async () => {
    const response = await grant(sandbox, {
      scope: `${SCOPES.userReadonly} ${SCOPES.groupReadonly}`,
    });
    const token = (await response.json()) as {
      access_token: string;
      expires_in: number;
      token_type: string;
    };
    expect(token).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    const list = () =>
      get('/users', { customer: 'my_customer', maxResults: 1 }, { token: token.access_token });
    expect((await list()).status).toBe(200);
    clock.advance(3599_000);
    expect((await list()).status).toBe(200);
    clock.advance(1000);
    const expired = await list();
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });
  it('invalid_grant: wrong audience, too long a lifetime, expired, future iat, wrong kid or issuer', async () => {
    const now = Math.floor(clock.now() / 1000);
    const cases = [
      { aud: 'https://oauth2.googleapis.com/token' },
      { iat: now, exp: now + 3601 },
      { iat: now - 4000, exp: now - 400 },
      { iat: now + 3600, exp: now + 7200 },
      { iss: 'someone@else.iam.gserviceaccount.com' },
    ];
    for (const claims of cases)
      expect(await errorOf(await grant(sandbox, claims)), JSON.stringify(claims)).toEqual([
        400,
        'invalid_grant',
      ]);
    const wrongKid = await assertion(sandbox, {}, { kid: 'deadbeef' });
    expect(
      await errorOf(await postToken(sandbox, { grant_type: JWT_BEARER, assertion: wrongKid })),
    ).toEqual([400, 'invalid_grant']);
  });
  it('invalid_grant "Invalid email or User ID" for an unknown or suspended subject', async () => {
    expect(await errorOf(await grant(sandbox, { sub: 'ghost@acme.example' }))).toEqual([
      400,
      'invalid_grant',
    ]);
    expect(await errorOf(await grant(sandbox, { sub: leaver.workEmail }))).toEqual([
      400,
      'invalid_grant',
    ]);
  });
  it('unauthorized_client (401) for a scope the tenant did not delegate; invalid_scope without one', async () => {
    expect(await errorOf(await grant(sandbox, { scope: SCOPES.user }))).toEqual([
      401,
      'unauthorized_client',
    ]);
    expect(
      await errorOf(
        await grant(sandbox, { scope: `${SCOPES.userReadonly} ${SCOPES.cloudPlatform}` }),
      ),
    ).toEqual([401, 'unauthorized_client']);
    expect(await errorOf(await grant(sandbox, { scope: ' ' }))).toEqual([400, 'invalid_scope']);
  });
  it('a non-admin subject gets a token, as with Google, and the Directory API answers 403 forbidden', async () => {
    const response = await grant(sandbox, { sub: employee.workEmail });
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const list = await get('/users', { customer: 'my_customer' }, { token: access_token });
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ error: { errors: [{ reason: 'forbidden' }] } });
  });
  it('a token carries only its scopes: users.readonly cannot list groups (403 insufficientPermissions)', async () => {
    const token = sandbox.issueAccessToken([SCOPES.userReadonly]).accessToken;
    const response = await get('/groups', { customer: 'my_customer' }, { token });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: { errors: [{ reason: 'insufficientPermissions' }] },
    });
  });
  it('the key file is a Google service-account key whose token_uri is the sandbox', () => {
    const key = sandbox.serviceAccountKey('http://127.0.0.1:9/');
    expect(key).toMatchObject({
      type: 'service_account',
      token_uri: 'http://127.0.0.1:9/token',
      client_email: sandbox.serviceAccountEmail,
    });
    expect(key.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(key.private_key_id).toMatch(/^[0-9a-f]{40}$/);
  });
});
