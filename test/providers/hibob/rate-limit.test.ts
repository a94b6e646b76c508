/**
 * HiBob reference §2, "Rate limits": going over an endpoint's limit is 429, and the wait is read
 * Bob's way, from `X-RateLimit-Reset` (epoch seconds) once `X-RateLimit-Remaining` is 0, before
 * any `Retry-After`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hibobRetryAfter } from '../../../src/providers/hibob/rate-limit.js';
import { createManualClock } from '../../../src/sandbox/common/clock.js';
import { type HibobFixture, startHibob } from './fixture.js';

const now = Date.parse('2026-06-15T09:00:20Z');
const reset = String(Date.parse('2026-06-15T09:01:00Z') / 1000);

describe('HiBob: reading a throttle', () => {
  it('a spent window: the seconds until X-RateLimit-Reset, by the reply’s own Date', () => {
    expect(hibobRetryAfter({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, now)).toBe(
      40,
    );
    const date = new Date(Date.parse('2026-06-15T09:00:50Z')).toUTCString();
    expect(
      hibobRetryAfter({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, date }, now),
    ).toBe(10);
  });

  it('a window not spent, a Retry-After, or no reset: no wait of its own (the client reads Retry-After)', () => {
    expect(
      hibobRetryAfter({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': reset }, now),
    ).toBeNull();
    expect(
      hibobRetryAfter(
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'retry-after': '5' },
        now,
      ),
    ).toBeNull();
    expect(hibobRetryAfter({ 'x-ratelimit-remaining': '0' }, now)).toBeNull();
  });
});

describe('HiBob: a spent search window end to end', () => {
  let bob: HibobFixture | undefined;
  afterEach(async () => {
    await bob?.close();
    bob = undefined;
  });

  it('retried while attempts last, then UPSTREAM_RATE_LIMITED naming the wait X-RateLimit-Reset gives', async () => {
    bob = await startHibob({
      company: { size: 12, seed: 3, customFieldCount: 0 },
      // A clock that stands still: the window cannot roll over between the two queries.
      sandbox: { rateLimit: { search: 1 }, clock: createManualClock(Date.now()) },
      // The client waits at most 10 ms however long Bob asks: the test times nothing.
      http: { maxAttempts: 2, maxRetryAfterMs: 10 },
    });
    const page = /* GraphQL */ `{ employees(account: "hibob", first: 2) { nodes { remoteId } } }`;
    expect((await bob.query(page)).errors).toBeUndefined();
    bob.resetCounts();
    const refused = await bob.query(page);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      accountId: 'hibob',
    });
    // Bob sends no Retry-After: a wait is named only because X-RateLimit-Reset was read, and it
    // is what is left of the minute's window.
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThanOrEqual(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(bob.calls().map((c) => c.status)).toEqual([429, 429]);
  });
});
