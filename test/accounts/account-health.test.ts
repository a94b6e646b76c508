import { describe, expect, test } from 'vitest';
import { createAccountHealth, type HealthState } from '../../src/accounts/account-health.js';
import { accountId } from '../../src/core/ids.js';

function setup(authKind: 'apiKey' | 'oauth' = 'apiKey') {
  let now = 1_000;
  const saved: HealthState[] = [];
  const health = createAccountHealth({
    accountId: accountId('acme'),
    authKind,
    initial: { status: 'ACTIVE', reason: null, lockedUntil: null },
    persist: async (state) => void saved.push(state),
    now: () => now,
    coolDownMs: 60_000,
  });
  return {
    health,
    saved,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

const refused = { status: 401, errorText: 'Invalid API key' };

describe('account health', () => {
  test('unproven credentials go one call at a time; the first refusal stops the queued ones', async () => {
    const { health, saved } = setup();
    const first = await health.admit();
    const queued = [health.admit(), health.admit(), health.admit()];
    health.report(refused, first);
    for (const waiting of queued) {
      await expect(waiting).rejects.toMatchObject({
        extensions: {
          code: 'UPSTREAM_AUTH_FAILED',
          accountId: 'acme',
          accountStatus: 'LOCKED_OUT',
        },
      });
    }
    expect(saved.map((s) => s.status)).toEqual(['LOCKED_OUT']);
  });

  test('once an answer proves them, calls go side by side', async () => {
    const { health } = setup();
    health.report({ status: 200, errorText: '' }, await health.admit());
    const releases = await Promise.all([health.admit(), health.admit(), health.admit()]);
    expect(releases).toHaveLength(3);
  });

  test('a permission 403 proves the credentials; a lockout 403 locks the account', async () => {
    const { health } = setup('oauth');
    health.report(
      { status: 403, errorText: 'The access token lacks the scope' },
      await health.admit(),
    );
    expect(health.state().status).toBe('ACTIVE');
    health.report(
      { status: 403, errorText: 'Too many failed authentication attempts; try again later' },
      await health.admit(),
    );
    expect(health.state()).toMatchObject({ status: 'LOCKED_OUT', lockedUntil: 61_000 });
  });

  test('after the cool-down one more try is let through', async () => {
    const { health, advance } = setup();
    health.report(refused, await health.admit());
    advance(59_999);
    await expect(health.admit()).rejects.toThrow(/locked out/);
    advance(1);
    const release = await health.admit();
    expect(health.state().status).toBe('ACTIVE');
    release();
  });

  test('a store row older than a change made here does not undo it; a newer one is adopted', async () => {
    const { health, advance, now } = setup();
    const readBefore = now();
    advance(5);
    health.report(refused, await health.admit());
    health.sync({ status: 'ACTIVE', reason: null, lockedUntil: null }, false, readBefore);
    expect(health.state().status).toBe('LOCKED_OUT');
    advance(5);
    health.sync({ status: 'DISABLED', reason: 'by an operator', lockedUntil: null }, false, now());
    expect(health.state().status).toBe('DISABLED');
    await expect(health.admit()).rejects.toThrow(/is disabled/);
  });
});
