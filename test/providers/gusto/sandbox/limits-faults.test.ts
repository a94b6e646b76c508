/** The rolling rate limit, injected faults and the request log. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/common/clock.js';
import { ConnectionResetError } from '../../../../src/sandbox/common/fault-middleware.js';
import { createGustoSandbox } from '../../../../src/sandbox/gusto/index.js';

function setUp(rateLimit?: { limit?: number; windowSeconds?: number }) {
  const clock = createManualClock();
  const sandbox = createGustoSandbox({
    company: { size: 10 },
    clock,
    ...(rateLimit ? { rateLimit } : {}),
  });
  const { accessToken } = sandbox.issueTokens();
  const get = (path = '/v1/token_info', token = accessToken) =>
    sandbox.app.fetch(
      new Request(`http://api.gusto.test${path}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
  return { clock, sandbox, get };
}

describe('rate limit: 200 per rolling 60 s per application–user pair', () => {
  it('the 201st request inside 60 s is 429; the window rolls per request', async () => {
    const { clock, sandbox, get } = setUp();
    for (let i = 0; i < 100; i++) expect((await get()).status).toBe(200);
    clock.advance(30_000);
    for (let i = 0; i < 100; i++) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({
      errors: [expect.objectContaining({ category: 'rate_limit_exceeded' })],
    });
    // The first 100 leave the window 60 s after they were made; refused requests did not count.
    clock.advance(30_000);
    const again = await get();
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('99');
    // Another token of the same client and company shares the pair's window.
    const second = sandbox.issueTokens().accessToken;
    for (let i = 0; i < 99; i++) await get('/v1/token_info', second);
    expect((await get('/v1/token_info', second)).status).toBe(429);
    sandbox.resetRateLimits();
    expect((await get()).status).toBe(200);
  });

  it('the limit is configurable and can be turned off', async () => {
    const { get } = setUp({ limit: 2, windowSeconds: 1 });
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([
      200, 200, 429,
    ]);
    const off = createGustoSandbox({ company: { size: 10 }, rateLimit: false });
    const token = off.issueTokens().accessToken;
    const res = await off.app.fetch(
      new Request('http://x/v1/token_info', { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('faults and the request log', () => {
  it('enqueued faults: 503 without Retry-After, reset, malformed; each logged', async () => {
    const { sandbox, get } = setUp();
    sandbox.faults.enqueue({ kind: '503' });
    const unavailable = await get();
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, null]);
    sandbox.faults.enqueue({ kind: 'reset' }, { path: /\/employees$/ });
    await expect(get(`/v1/companies/${sandbox.companyUuid}/employees`)).rejects.toBeInstanceOf(
      ConnectionResetError,
    );
    sandbox.faults.enqueue({ kind: 'malformed' });
    await expect((await get()).json()).rejects.toThrow();
    expect(sandbox.log.entries().map((e) => [e.path, e.status, e.fault ?? null, e.auth])).toEqual([
      ['/v1/token_info', 503, '503', 'none'],
      [`/v1/companies/${sandbox.companyUuid}/employees`, 0, 'reset', 'none'],
      ['/v1/token_info', 200, 'malformed', 'oauth'],
    ]);
  });

  it('every request is logged with its query, status and company', async () => {
    const { sandbox, get } = setUp();
    await get(`/v1/companies/${sandbox.companyUuid}/employees?page=2&per=3`);
    await get('/v1/token_info', 'bad');
    const [list, bad] = sandbox.log.entries();
    expect(list).toMatchObject({
      status: 200,
      query: { page: '2', per: '3' },
      company: sandbox.companyUuid,
      auth: 'oauth',
    });
    expect(bad).toMatchObject({ status: 401, auth: 'invalid', company: null });
  });
});
