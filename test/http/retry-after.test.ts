import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryDelayMs } from '../../src/http/backoff.js';
import { networkFailure } from '../../src/http/failure.js';
import { parseRetryAfterValue } from '../../src/http/retry-after.js';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('RFC 9110 §10.2.3 Retry-After', () => {
  it('delay-seconds', () => {
    expect(parseRetryAfterValue('120', now)).toBe(120);
    expect(parseRetryAfterValue(' 0 ', now)).toBe(0);
  });

  it('IMF-fixdate, RFC 850 and asctime HTTP-dates, relative to now', () => {
    expect(parseRetryAfterValue('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfterValue('Saturday, 01-Mar-25 12:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfterValue('Sat Mar  1 12:01:00 2025', now)).toBe(60);
  });

  it('a date in the past means retry now', () => {
    expect(parseRetryAfterValue('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('missing, negative or unreadable values are ignored', () => {
    for (const value of [undefined, '', '-5', 'soon', '1e3']) {
      expect(parseRetryAfterValue(value, now)).toBeNull();
    }
  });
});

describe('backoff', () => {
  const policy = { baseMs: 200, capMs: 5_000, maxRetryAfterMs: 30_000, random: () => 0.999_999 };

  it('full jitter stays below min(cap, base × 2^retry)', () => {
    for (let retry = 0; retry < 12; retry += 1) {
      const ceiling = Math.min(5_000, 200 * 2 ** retry);
      expect(backoffDelayMs(retry, policy)).toBeLessThan(ceiling);
      expect(backoffDelayMs(retry, { ...policy, random: () => 0 })).toBe(0);
    }
  });

  it('a requested wait wins over backoff, capped by maxRetryAfterMs', () => {
    expect(retryDelayMs(0, 2.5, policy)).toBe(2_500);
    expect(retryDelayMs(0, 3_600, policy)).toBe(30_000);
  });
});

describe('transport failures', () => {
  it('resets and timeouts are retryable; DNS misses are not; argument errors are not failures', () => {
    expect(networkFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({
      retryable: true,
    });
    expect(
      networkFailure(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' })),
    ).toMatchObject({
      retryable: true,
    });
    expect(networkFailure(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toMatchObject({
      retryable: false,
    });
    expect(
      networkFailure(Object.assign(new Error('x'), { code: 'UND_ERR_INVALID_ARG' })),
    ).toBeNull();
    expect(networkFailure(new TypeError('bug'))).toBeNull();
  });

  it('a happy-eyeballs AggregateError takes the code of its first error', () => {
    const refused = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    expect(networkFailure(new AggregateError([refused]))).toMatchObject({ reason: 'ECONNREFUSED' });
  });
});
