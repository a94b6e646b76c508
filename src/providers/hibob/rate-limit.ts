/**
 * HiBob's throttling answer: 429 when an endpoint's per-minute limit is spent, with
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds of the window's end; named by a
 * third-party summary, reference §2 ⚠) and no documented `Retry-After`. The http client asks
 * this before the standard header.
 */
import type { RetryAfterParser } from '../../http/index.js';

/**
 * Seconds until the window resets, only when it is spent (`Remaining: 0`), so a 503 during an
 * outage never waits for a whole window. An explicit `Retry-After` wins (null here lets the
 * client read it). Measured against the response's own `Date` when it has one, so a skewed local
 * clock neither hammers Bob early nor parks a request for nothing.
 */
export const hibobRetryAfter: RetryAfterParser = function hibobRetryAfter(headers, now) {
  if (headers['retry-after'] !== undefined) return null;
  if (headers['x-ratelimit-remaining']?.trim() !== '0') return null;
  const reset = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(reset) || reset <= 0) return null;
  const served = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
  const nowSeconds = Number.isNaN(served) ? now / 1000 : served / 1000;
  return Math.max(0, reset - nowSeconds);
};
