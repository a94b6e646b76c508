/**
 * Okta's throttling answer: 429 E0000047 with `X-Rate-Limit-Limit`, `-Remaining` (0) and
 * `-Reset` (UTC epoch seconds of the window's end), and no documented `Retry-After`
 * (reference §6). The http client asks this before the standard header.
 */
import type { RetryAfterParser } from '../../http/index.js';

/**
 * Seconds until the bucket refills. Only when the bucket is spent (`Remaining: 0`): every Okta
 * response carries a reset time, and a 503 during an outage must not wait for a full window.
 * An explicit `Retry-After` wins (null here lets the client read it). The wait is measured
 * against the response's own `Date` when it has one, so a skewed local clock neither hammers
 * Okta early nor parks a request for nothing.
 */
export const oktaRetryAfter: RetryAfterParser = function oktaRetryAfter(headers, now) {
  if (headers['retry-after'] !== undefined) return null;
  if (headers['x-rate-limit-remaining']?.trim() !== '0') return null;
  const reset = Number(headers['x-rate-limit-reset']);
  if (!Number.isFinite(reset) || reset <= 0) return null;
  const served = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
  const nowSeconds = Number.isNaN(served) ? now / 1000 : served / 1000;
  return Math.max(0, reset - nowSeconds);
};
