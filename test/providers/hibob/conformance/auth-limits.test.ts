/**
 * HiBob reference §2, "Base URL and auth" and "Rate limits": HTTP Basic with a service user's id
 * and token; the WAF blocks a source after repeated auth failures; `POST /people/search` allows
 * 50 requests a minute, every answer carries the X-RateLimit-* headers, and going over is 429.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../src/sandbox/common/clock.js';
import { DEFAULT_HIBOB_SERVICE_USER } from '../../../../src/sandbox/hibob/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { createHibobConformanceSandbox } from './hibob-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'hibob' });
const search = { method: 'post', pathTemplate: '/people/search' } as const;
const { id } = DEFAULT_HIBOB_SERVICE_USER;

describe('HiBob: auth', () => {
  it('no credentials or a wrong token: 401 with the Error object (default response)', async () => {
    const { call } = createHibobConformanceSandbox();
    for (const credentials of [null, `${id}:wrong`]) {
      const res = await expectConformant(
        await call('POST', '/people/search', { credentials, body: {} }),
        search,
      );
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain('wrong');
    }
  });

  it('the WAF blocks a service user after 5 failures: 403 even with the right token, until it lapses', async () => {
    const clock = createManualClock();
    const { call } = createHibobConformanceSandbox({ clock });
    for (let i = 0; i < 5; i++)
      await call('POST', '/people/search', { credentials: `${id}:bad`, body: {} });
    const blocked = await expectConformant(
      await call('POST', '/people/search', { body: {} }),
      search,
    );
    expect(blocked.status).toBe(403);
    expect((blocked.body as { error: string }).error).toMatch(/too many/i);
    clock.advance(900_000);
    expect((await call('POST', '/people/search', { body: {} })).status).toBe(200);
  });
});

describe('HiBob: rate limits', () => {
  it('people search: 50 a minute with X-RateLimit-* headers, then 429 until the window resets', async () => {
    const clock = createManualClock(Date.parse('2026-06-15T09:00:00Z'));
    const { call } = createHibobConformanceSandbox({ clock, rateLimit: {} });
    let last: Response | undefined;
    for (let i = 0; i < 50; i++)
      last = await call('POST', '/people/search', { body: { fields: ['root.id'] } });
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    const refused = await expectConformant(
      await call('POST', '/people/search', { body: { fields: ['root.id'] } }),
      search,
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('50');
    expect(refused.headers.get('x-ratelimit-reset')).toBe(
      String(Date.parse('2026-06-15T09:01:00Z') / 1000),
    );
    // Other endpoints keep their own budget.
    expect((await call('GET', '/company/named-lists')).status).toBe(200);
    clock.advance(60_000);
    expect((await call('POST', '/people/search', { body: { fields: ['root.id'] } })).status).toBe(
      200,
    );
  });
});
