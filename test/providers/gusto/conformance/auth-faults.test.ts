/**
 * Auth, the token endpoint, the version header, the rate limit and injected faults. The spec
 * declares none of 400/401/403/429/503 on these operations; each allowance names its source.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/common/clock.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
} from '../../../../src/sandbox/gusto/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import {
  createGustoConformanceSandbox,
  gustoOrigin,
} from '../../../conformance/support/gusto-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'gusto' });
const { call, companyUuid, sandbox, tokenWith } = createGustoConformanceSandbox();
const employees = { method: 'get', pathTemplate: '/v1/companies/{company_id}/employees' } as const;
const listPath = `/v1/companies/${companyUuid}/employees`;
const tokenOp = { method: 'post', pathTemplate: '/oauth/token' } as const;
// Authentication is a oneOf of Create- and Refresh-Token-Authentication, but the second is an
// allOf of the first: every refresh answer matches both, so oneOf can never pass. Checked as anyOf.
const anyOfTokens = {
  reason: 'Authentication oneOf(Create, Refresh) where Refresh extends Create: checked as anyOf',
  schema: (spec: { oneOf?: unknown[] } | undefined) => ({ anyOf: spec?.oneOf ?? [] }),
};

function tokenRequest(body: Record<string, string>): Request {
  return new Request(`${gustoOrigin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('bearer auth', () => {
  const reason = {
    reason: 'docs.gusto.com Company Access Tokens: an expired token gets 401 Unauthorized',
  };
  it('401 without a token, with an unknown one and with an expired one', async () => {
    for (const token of [null, 'nope']) {
      const res = await expectConformant(await call('GET', listPath, { token }), {
        ...employees,
        undocumented: reason,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
    const clock = createManualClock();
    const timed = createGustoSandbox({ company: { seed: 7, size: 10 }, clock });
    const { accessToken } = timed.issueTokens();
    clock.advance(7200 * 1000);
    const res = await timed.app.fetch(
      new Request(`${gustoOrigin}/v1/companies/${timed.companyUuid}/employees`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    );
    expect((await expectConformant(res, { ...employees, undocumented: reason })).body).toEqual({
      errors: [
        expect.objectContaining({ category: 'unauthorized', message: 'The access token expired' }),
      ],
    });
  });

  it('403 when the token lacks the scope', async () => {
    const res = await expectConformant(
      await call('GET', listPath, { token: tokenWith(['companies:read']) }),
      {
        ...employees,
        undocumented: { reason: 'reference §3: scope employees:read; the spec declares no 403' },
      },
    );
    expect(res.status).toBe(403);
  });

  it('400 for an X-Gusto-API-Version other than 2025-06-15; none means 2025-06-15', async () => {
    const res = await expectConformant(
      await call('GET', listPath, { headers: { 'X-Gusto-API-Version': '2024-04-01' } }),
      {
        ...employees,
        undocumented: {
          reason: 'the spec enumerates one version; the sandbox refuses others (a named choice)',
        },
      },
    );
    expect(res.status).toBe(400);
    const ok = await call('GET', `${listPath}?per=1`);
    expect(ok.headers.get('x-gusto-api-version')).toBe('2025-06-15');
  });
});

describe('rate limit and faults', () => {
  it('429 after 200 requests in 60 s, with Retry-After and X-RateLimit-* headers', async () => {
    const clock = createManualClock();
    const limited = createGustoSandbox({
      company: { seed: 7, size: 10 },
      clock,
      rateLimit: { limit: 3 },
    });
    const { accessToken } = limited.issueTokens();
    const get = () =>
      limited.app.fetch(
        new Request(`${gustoOrigin}/v1/token_info`, {
          headers: { authorization: `Bearer ${accessToken}` },
        }),
      );
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const res = await expectConformant(await get(), {
      method: 'get',
      pathTemplate: '/v1/token_info',
      undocumented: { reason: 'docs.gusto.com Rate Limits: 429 Too Many Requests' },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it.each(['429', '503'] as const)('an injected %s answers in the errors shape', async (kind) => {
    sandbox.faults.enqueue({ kind, retryAfter: { seconds: 2 } });
    const res = await expectConformant(await call('GET', listPath), {
      ...employees,
      undocumented: { reason: 'fault injection: the provider throttles or is unavailable' },
    });
    expect(res.status).toBe(Number(kind));
    expect(res.headers.get('retry-after')).toBe('2');
  });
});

describe('oauth-access-token', () => {
  it('200 for the authorization_code and refresh_token grants', async () => {
    const code = sandbox.authorize();
    const { clientId, clientSecret, redirectUris } = DEFAULT_GUSTO_OAUTH_CLIENT;
    const first = await expectConformant(
      await sandbox.app.fetch(
        tokenRequest({
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUris[0]!,
        }),
      ),
      { ...tokenOp, patch: anyOfTokens },
    );
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
    const refreshed = await expectConformant(
      await sandbox.app.fetch(
        tokenRequest({
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'refresh_token',
          refresh_token: (first.body as { refresh_token: string }).refresh_token,
        }),
      ),
      { ...tokenOp, patch: anyOfTokens },
    );
    expect(refreshed.body).toHaveProperty('refresh_token');
  });

  it('400 invalid_grant and 401 invalid_client (RFC 6749 §5.2, as Doorkeeper answers)', async () => {
    const { clientId, clientSecret } = DEFAULT_GUSTO_OAUTH_CLIENT;
    const reason = { reason: 'RFC 6749 §5.2 errors; the spec declares only 200' };
    const bad = await expectConformant(
      await sandbox.app.fetch(
        tokenRequest({
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'refresh_token',
          refresh_token: 'spent',
        }),
      ),
      { ...tokenOp, undocumented: reason },
    );
    expect([bad.status, bad.body]).toEqual([
      400,
      expect.objectContaining({ error: 'invalid_grant' }),
    ]);
    const client = await expectConformant(
      await sandbox.app.fetch(
        tokenRequest({
          client_id: clientId,
          client_secret: 'wrong',
          grant_type: 'refresh_token',
          refresh_token: 'x',
        }),
      ),
      { ...tokenOp, undocumented: reason },
    );
    expect([client.status, client.body]).toEqual([
      401,
      expect.objectContaining({ error: 'invalid_client' }),
    ]);
  });
});

describe('the checker itself', () => {
  it('fails an employee list whose items lack the required first_name', async () => {
    const body = JSON.stringify([{ uuid: 'x', last_name: 'y' }]);
    const fake = new Response(body, {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    await expect(expectConformant(fake, employees)).rejects.toThrow(/first_name/);
  });
});
