/**
 * The per-account limiter on its own, on a clock the test moves: concurrency, the token-bucket
 * budget, the bounded queue, fail-fast, the provider's pause, deadlines and aborts.
 */
import { describe, expect, it } from 'vitest';
import {
  type AccountLimiterOptions,
  createAccountLimiter,
  LimiterRefusal,
  type Release,
} from '../../src/http/account-limiter.js';
import { manualTime, rejectionOf, settle } from './fixtures.js';

function setUp(options: AccountLimiterOptions) {
  const time = manualTime();
  const limiter = createAccountLimiter(options, time);
  const signal = new AbortController().signal;
  const granted: string[] = [];
  function acquire(name: string, extra: { deadline?: number; retry?: boolean } = {}) {
    const promise = limiter.acquire({ signal, retry: false, ...extra });
    promise.then(() => granted.push(name)).catch(() => undefined);
    return promise;
  }
  return { time, limiter, acquire, granted };
}

function refusalOf(error: unknown) {
  expect(error).toBeInstanceOf(LimiterRefusal);
  const { reason, retryAfterMs } = error as LimiterRefusal;
  return { reason, retryAfterMs };
}

describe('per-account concurrency limit', () => {
  it('lets maxConcurrent attempts in and the rest in FIFO order as slots free', async () => {
    const { acquire, granted } = setUp({ maxConcurrent: 2, budget: null });
    const a = await acquire('a');
    await acquire('b');
    void acquire('c');
    void acquire('d');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    a();
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);
  });

  it('a release is counted once, however often it is called', async () => {
    const { acquire, granted } = setUp({ maxConcurrent: 1, budget: null });
    const a = await acquire('a');
    void acquire('b');
    void acquire('c');
    a();
    a();
    await settle();
    expect(granted).toEqual(['a', 'b']);
  });
});

describe('per-account request budget (token bucket)', () => {
  it('spends the bucket in a burst, then lets one attempt in per refilled token', async () => {
    const { time, acquire, granted } = setUp({ budget: { requests: 2, intervalMs: 1_000 } });
    const releases: Release[] = [await acquire('a'), await acquire('b')];
    void acquire('c');
    void acquire('d');
    await settle();
    expect(granted).toEqual(['a', 'b']);
    await time.advance(499);
    expect(granted).toEqual(['a', 'b']);
    await time.advance(1);
    expect(granted).toEqual(['a', 'b', 'c']);
    await time.advance(500);
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    for (const release of releases) release();
  });

  it("whenBudgetSpent: 'fail' refuses a new call at once, saying when a token is due", async () => {
    const { acquire } = setUp({
      budget: { requests: 1, intervalMs: 2_000 },
      whenBudgetSpent: 'fail',
    });
    await acquire('a');
    expect(refusalOf(await rejectionOf(acquire('b')))).toEqual({
      reason: 'BUDGET_SPENT',
      retryAfterMs: 2_000,
    });
  });

  it("whenBudgetSpent: 'fail' still lets the retry of a call under way wait its turn", async () => {
    const { time, acquire, granted } = setUp({
      budget: { requests: 1, intervalMs: 1_000 },
      whenBudgetSpent: 'fail',
    });
    await acquire('a');
    void acquire('retry', { retry: true });
    await time.advance(1_000);
    expect(granted).toEqual(['a', 'retry']);
  });

  it('a wait that would end past the deadline is refused at once', async () => {
    const { time, acquire } = setUp({ budget: { requests: 1, intervalMs: 1_000 } });
    await acquire('a');
    const error = await rejectionOf(acquire('b', { deadline: time.now() + 1_000 }));
    expect(refusalOf(error)).toEqual({ reason: 'BUDGET_SPENT', retryAfterMs: 1_000 });
  });
});

describe('bounded queue', () => {
  it('past maxQueued waiting calls, the next is refused at once', async () => {
    const { acquire } = setUp({ maxConcurrent: 1, maxQueued: 1, budget: null });
    await acquire('a');
    void acquire('b');
    expect(refusalOf(await rejectionOf(acquire('c')))).toEqual({
      reason: 'QUEUE_FULL',
      retryAfterMs: null,
    });
  });

  it('a call still waiting for a slot at its deadline is refused', async () => {
    const { time, acquire } = setUp({ maxConcurrent: 1, budget: null });
    await acquire('a');
    const error = await rejectionOf(acquire('b', { deadline: time.now() + 5 }));
    expect(refusalOf(error).reason).toBe('QUEUE_DEADLINE');
  });

  it('an abort takes the call out of the queue, and the next one moves up', async () => {
    const { limiter, acquire, granted } = setUp({ maxConcurrent: 1, budget: null });
    const a = await acquire('a');
    const controller = new AbortController();
    const waiting = limiter.acquire({ signal: controller.signal, retry: false });
    void acquire('c');
    controller.abort();
    expect((await rejectionOf(waiting)) as Error).toMatchObject({ name: 'AbortError' });
    a();
    await settle();
    expect(granted).toEqual(['a', 'c']);
  });

  it('close refuses the waiting and the future', async () => {
    const { limiter, acquire } = setUp({ maxConcurrent: 1, budget: null });
    await acquire('a');
    const waiting = acquire('b');
    limiter.close();
    expect(refusalOf(await rejectionOf(waiting)).reason).toBe('CLOSED');
    expect(refusalOf(await rejectionOf(acquire('c'))).reason).toBe('CLOSED');
  });
});

describe("the provider's pause (Retry-After) holds the whole account", () => {
  it('no attempt starts before the pause ends', async () => {
    const { time, limiter, acquire, granted } = setUp({ budget: null });
    limiter.pause(time.now() + 3_000);
    void acquire('a');
    await time.advance(2_999);
    expect(granted).toEqual([]);
    await time.advance(1);
    expect(granted).toEqual(['a']);
  });

  it("whenBudgetSpent: 'fail' refuses during a pause, with the time left", async () => {
    const { time, limiter, acquire } = setUp({ budget: null, whenBudgetSpent: 'fail' });
    limiter.pause(time.now() + 3_000);
    await time.advance(1_000);
    expect(refusalOf(await rejectionOf(acquire('a')))).toEqual({
      reason: 'BUDGET_SPENT',
      retryAfterMs: 2_000,
    });
  });

  it('a shorter pause never shortens a longer one', async () => {
    const { time, limiter, acquire, granted } = setUp({ budget: null });
    limiter.pause(time.now() + 3_000);
    limiter.pause(time.now() + 1_000);
    void acquire('a');
    await time.advance(1_000);
    expect(granted).toEqual([]);
    await time.advance(2_000);
    expect(granted).toEqual(['a']);
  });
});
