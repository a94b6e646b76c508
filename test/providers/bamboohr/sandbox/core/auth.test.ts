import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createManualClock } from '../../../../../src/sandbox/common/clock.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';
import { bearer, fetchApp, HOST_ORIGIN } from './support.js';

const company = createCompany({ size: 15, customFieldCount: 0 });
const other = createCompany({ size: 10, customFieldCount: 0, domain: 'globex' });

function setup(options: Parameters<typeof createBambooHrSandbox>[0] = {}) {
  const clock = createManualClock();
  const sandbox = createBambooHrSandbox({ companies: [company, other], clock, ...options });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetchApp(sandbox, `${HOST_ORIGIN}/api${path}`, {
      headers: { accept: 'application/json', ...headers },
    });
  const basic = (user: string, password = 'x') => ({
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  });
  return { sandbox, clock, get, basic };
}

describe('BambooHR API key auth (reference §1.2)', () => {
  it('BambooHR: a request without credentials is a 401 with WWW-Authenticate: Basic realm', async () => {
    const { get } = setup();
    const reply = await get('/v1/employees/1');
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"$/);
    expect(reply.text).toBe('');
  });

  it('BambooHR: the API key is the Basic user name and any password is accepted', async () => {
    const { sandbox, get, basic } = setup();
    const key = sandbox.apiKeyFor();
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    for (const password of ['x', 'anything at all', '']) {
      expect((await get('/v1/employees/1', basic(key, password))).status).toBe(200);
    }
  });

  it('BambooHR: an unknown key, or another company’s key, is a 401', async () => {
    const { sandbox, get, basic } = setup();
    expect((await get('/v1/employees/1', basic('0'.repeat(40)))).status).toBe(401);
    const globexKey = sandbox.apiKeyFor('globex');
    const reply = await get('/v1/employees/1', basic(globexKey));
    expect(reply.status).toBe(401);
    expect(reply.headers.get('x-bamboohr-error-message')).toBeTruthy();
  });

  it('sandbox lockout: 5 bad keys within 60 s lock the source out with 403, even with a good key, for 15 minutes', async () => {
    const { sandbox, clock, get, basic } = setup();
    const good = basic(sandbox.apiKeyFor());
    for (let i = 0; i < 5; i++) {
      expect((await get('/v1/employees/1', basic(`bad-${i}`))).status).toBe(401);
      clock.advance(5_000);
    }
    expect((await get('/v1/employees/1', good)).status).toBe(403);
    clock.advance(14 * 60_000);
    expect((await get('/v1/employees/1', good)).status).toBe(403);
    clock.advance(60_000);
    expect((await get('/v1/employees/1', good)).status).toBe(200);
  });

  it('sandbox lockout: failures spread beyond the 60 s window do not lock', async () => {
    const { sandbox, clock, get, basic } = setup();
    for (let i = 0; i < 8; i++) {
      expect((await get('/v1/employees/1', basic('bad'))).status).toBe(401);
      clock.advance(20_000);
    }
    expect((await get('/v1/employees/1', basic(sandbox.apiKeyFor()))).status).toBe(200);
  });

  it('sandbox lockout: can be turned off', async () => {
    const { sandbox, get, basic } = setup({ lockout: false });
    for (let i = 0; i < 10; i++) await get('/v1/employees/1', basic('bad'));
    expect((await get('/v1/employees/1', basic(sandbox.apiKeyFor()))).status).toBe(200);
  });

  it('BambooHR: GET /v1/employees lists only OAuth scopes, so an API key gets 401 by default (spec list-employees security)', async () => {
    const { sandbox, get } = setup();
    const reply = await get('/v1/employees', { authorization: sandbox.basicAuthFor() });
    expect(reply.status).toBe(401);
    const token = sandbox.issueAccessToken().accessToken;
    expect((await get('/v1/employees', bearer(token))).status).toBe(200);
  });

  it('switch employeesListAcceptsApiKey: an API key may list employees', async () => {
    const { sandbox, get } = setup({ switches: { employeesListAcceptsApiKey: true } });
    expect((await get('/v1/employees', { authorization: sandbox.basicAuthFor() })).status).toBe(
      200,
    );
  });

  it('GET /v1/employees/0 is the employee who owns the key (spec get-employee)', async () => {
    const { sandbox, get } = setup();
    const reply = await get('/v1/employees/0', {
      authorization: sandbox.basicAuthFor(undefined, 7),
    });
    expect(reply.json()).toMatchObject({ id: '7', lastName: company.people[6]!.lastName });
  });
});

describe('BambooHR Bearer tokens (reference §1.3)', () => {
  it('BambooHR: an unknown token is a 401 with an RFC 6750 invalid_token challenge', async () => {
    const { get } = setup();
    const reply = await get('/v1/employees/1', bearer('not-a-token'));
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('BambooHR: a token of one company does not open another', async () => {
    const { sandbox, get } = setup();
    const token = sandbox.issueAccessToken('globex').accessToken;
    expect((await get('/v1/employees/1', bearer(token))).status).toBe(401);
  });

  it('OAuth scopes: a token without the endpoint’s scope is a 403 insufficient_scope', async () => {
    const { sandbox, get } = setup();
    const narrow = sandbox.issueAccessToken(undefined, { scopes: ['time_off'] }).accessToken;
    const reply = await get('/v1/meta/lists', bearer(narrow));
    expect(reply.status).toBe(403);
    expect(reply.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(
      (
        await get(
          '/v1/meta/lists',
          bearer(sandbox.issueAccessToken(undefined, { scopes: ['field'] }).accessToken),
        )
      ).status,
    ).toBe(200);
  });

  it('OAuth scopes: datasets v1.2 answer a missing report scope with RFC 7807 problem+json and X-Request-ID (spec)', async () => {
    const { sandbox, get } = setup();
    const token = sandbox.issueAccessToken(undefined, { scopes: ['employee'] }).accessToken;
    const reply = await get('/v1_2/datasets', { ...bearer(token), 'x-request-id': 'req-1' });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.headers.get('x-request-id')).toBe('req-1');
    expect(reply.json()).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('OAuth scopes: a narrower employee:* scope admits List Employees, as the spec lists it', async () => {
    const { sandbox, get } = setup();
    const token = sandbox.issueAccessToken(undefined, { scopes: ['employee:name'] }).accessToken;
    expect((await get('/v1/employees', bearer(token))).status).toBe(200);
    expect((await get('/v1/meta/tables', bearer(token))).status).toBe(403);
  });
});
