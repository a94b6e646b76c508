/**
 * Okta rate limits (reference §6 "Rate limits and errors"): X-Rate-Limit-Limit/-Remaining/-Reset
 * on every response from a per-minute bucket per endpoint family; over it, 429 E0000047 with the
 * same headers. Injected faults answer the Okta way; Retry-After only when the fault asks.
 */
import { describe, expect, it } from 'vitest';
import { ConnectionResetError } from '../../../../src/sandbox/common/fault-middleware.js';
import { createManualClock } from '../../../../src/sandbox/okta/index.js';
import { oktaFixture } from './support.js';

const start = Date.parse('2026-06-15T09:00:10Z');

describe('Okta rate limits', () => {
  it('headers count down per family, 429 E0000047 past the limit, a new window resets', async () => {
    const clock = createManualClock(start);
    const { get } = oktaFixture({
      clock,
      rateLimits: { users: 3 },
      company: { size: 20, customFieldCount: 0 },
    });
    const reset = String(Date.parse('2026-06-15T09:01:00Z') / 1000);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await get('/api/v1/users?limit=1');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-rate-limit-limit')).toBe('3');
      expect(response.headers.get('x-rate-limit-reset')).toBe(reset);
      remaining.push(response.headers.get('x-rate-limit-remaining') ?? '');
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const over = await get('/api/v1/users/me');
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({
      errorCode: 'E0000047',
      errorSummary: 'API call exceeded rate limit due to too many requests.',
    });
    expect(over.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(over.headers.get('x-rate-limit-reset')).toBe(reset);
    expect(over.headers.get('retry-after')).toBeNull();
    // The Date header runs on the same clock as X-Rate-Limit-Reset, so the wait reads right.
    expect(Date.parse(over.headers.get('date') ?? '')).toBe(start);
    // Another family has its own bucket (groups: default 500/min).
    const groups = await get('/api/v1/groups');
    expect(groups.status).toBe(200);
    expect(groups.headers.get('x-rate-limit-limit')).toBe('500');
    expect(groups.headers.get('x-rate-limit-remaining')).toBe('499');
    clock.advance(50_000);
    const next = await get('/api/v1/users?limit=1');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-rate-limit-remaining')).toBe('2');
  });

  it('error answers carry the headers too (401, 404)', async () => {
    const { get } = oktaFixture({ company: { size: 20, customFieldCount: 0 } });
    const unauthorised = await get('/api/v1/users', null);
    const missing = await get('/api/v1/groups/00gnope');
    expect([unauthorised.status, missing.status]).toEqual([401, 404]);
    expect(unauthorised.headers.get('x-rate-limit-limit')).toBe('600');
    expect(unauthorised.headers.get('x-rate-limit-remaining')).toBe('599');
    expect(missing.headers.get('x-rate-limit-limit')).toBe('500');
  });
});

describe('Okta faults', () => {
  it('an injected 429 is E0000047 with spent rate headers; Retry-After only when asked', async () => {
    const { sandbox, get } = oktaFixture({ company: { size: 20, customFieldCount: 0 } });
    sandbox.faults.enqueue({ kind: '429' }, { path: '/api/v1/users' });
    sandbox.faults.enqueue({ kind: '429', retryAfter: { seconds: 7 } }, { path: '/api/v1/users' });
    const plain = await get('/api/v1/users');
    expect(plain.status).toBe(429);
    expect(plain.headers.get('retry-after')).toBeNull();
    expect(plain.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await plain.json()).toMatchObject({ errorCode: 'E0000047' });
    const withRetry = await get('/api/v1/users');
    expect(withRetry.headers.get('retry-after')).toBe('7');
    expect((await get('/api/v1/users?limit=1')).status).toBe(200);
    expect(sandbox.log.count({ fault: '429' })).toBe(2);
  });

  it('an injected 503 has an Okta Error body; reset rejects the in-process fetch; malformed cuts JSON', async () => {
    const { sandbox, get } = oktaFixture({ company: { size: 20, customFieldCount: 0 } });
    sandbox.faults.enqueue({ kind: '503' });
    const unavailable = await get('/api/v1/groups');
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({ errorCode: 'E0000009' });
    expect(unavailable.headers.get('x-rate-limit-limit')).toBe('500');
    sandbox.faults.enqueue({ kind: 'reset' });
    await expect(get('/api/v1/users')).rejects.toBeInstanceOf(ConnectionResetError);
    sandbox.faults.enqueue({ kind: 'malformed' });
    const malformed = await get('/api/v1/users?limit=2');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
  });

  it('the request log records every request with its auth kind, status and fault', async () => {
    const { sandbox, get } = oktaFixture({ company: { size: 20, customFieldCount: 0 } });
    const bearer = `Bearer ${sandbox.issueAccessToken().accessToken}`;
    await get('/api/v1/users?limit=2');
    await get('/api/v1/groups', bearer);
    await get('/api/v1/users', 'SSWS wrong');
    sandbox.faults.enqueue({ kind: '429' });
    await get('/api/v1/org');
    const entries = sandbox.log.entries().map(({ method, path, auth, status, fault, query }) => ({
      method,
      path,
      auth,
      status,
      fault,
      query,
    }));
    expect(entries).toEqual([
      {
        method: 'GET',
        path: '/api/v1/users',
        auth: 'apiKey',
        status: 200,
        fault: undefined,
        query: { limit: '2' },
      },
      {
        method: 'GET',
        path: '/api/v1/groups',
        auth: 'oauth',
        status: 200,
        fault: undefined,
        query: {},
      },
      {
        method: 'GET',
        path: '/api/v1/users',
        auth: 'invalid',
        status: 401,
        fault: undefined,
        query: {},
      },
      { method: 'GET', path: '/api/v1/org', auth: 'none', status: 429, fault: '429', query: {} },
    ]);
    expect(sandbox.log.entries()[0]?.company).toBe(sandbox.company.domain);
  });
});
