/**
 * Quota (reference §7: 2,400 queries/min per user → 403 userRateLimitExceeded), injected
 * throttle faults in Google's words, and the request log.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/google-workspace/index.js';
import { client, smallSandbox } from './support.js';

describe('quota and faults', () => {
  it('over the per-user quota is 403 usageLimits/userRateLimitExceeded until the next minute', async () => {
    const clock = createManualClock();
    const sandbox = smallSandbox({ clock, queriesPerMinutePerUser: 3 });
    const get = client(sandbox);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await get('/users', { customer: 'my_customer', maxResults: 1 })).status);
    expect(statuses).toEqual([200, 200, 200, 403]);
    const over = await get('/users', { customer: 'my_customer', maxResults: 1 });
    expect(await over.json()).toMatchObject({
      error: { code: 403, errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }] },
    });
    // quotaUser attributes the query to another user, with its own count.
    expect(
      (await get('/users', { customer: 'my_customer', maxResults: 1, quotaUser: 'batch-7' }))
        .status,
    ).toBe(200);
    clock.advance(60_000);
    expect((await get('/users', { customer: 'my_customer', maxResults: 1 })).status).toBe(200);
  });
  it('an injected 429 is RESOURCE_EXHAUSTED/rateLimitExceeded; Retry-After only when asked', async () => {
    const sandbox = smallSandbox();
    const get = client(sandbox);
    sandbox.faults.enqueue({ kind: '429' });
    sandbox.faults.enqueue({ kind: '429', retryAfter: { seconds: 7 } });
    const bare = await get('/users', { customer: 'my_customer' });
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect(await bare.json()).toMatchObject({
      error: { status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'rateLimitExceeded' }] },
    });
    const told = await get('/users', { customer: 'my_customer' });
    expect(told.headers.get('retry-after')).toBe('7');
    expect(sandbox.log.count({ fault: '429' })).toBe(2);
  });
  it('an injected 503 is UNAVAILABLE/backendError', async () => {
    const sandbox = smallSandbox();
    sandbox.faults.enqueue({ kind: '503' }, { path: '/admin/directory/v1/users' });
    const response = await client(sandbox)('/users', { customer: 'my_customer' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { status: 'UNAVAILABLE', errors: [{ reason: 'backendError' }] },
    });
  });
  it('logs every request with its status, auth and query', async () => {
    const sandbox = smallSandbox();
    const get = client(sandbox);
    await get('/users', { customer: 'my_customer', fields: 'users/id' });
    await get('/users', { customer: 'my_customer' }, { token: null });
    await get('/users/nobody@acme.example');
    const entries = sandbox.log.entries();
    expect(entries.map((e) => [e.path, e.status, e.auth])).toEqual([
      ['/admin/directory/v1/users', 200, 'oauth'],
      ['/admin/directory/v1/users', 401, 'none'],
      ['/admin/directory/v1/users/nobody@acme.example', 404, 'oauth'],
    ]);
    expect(entries[0]!.query).toEqual({ customer: 'my_customer', fields: 'users/id' });
    expect(entries[0]!.fieldsAsked).toEqual(['users/id']);
  });
});
