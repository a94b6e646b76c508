/**
 * Personio's throttle: a 429, and "retry after at least 1 second" (changelog, May 2024). It
 * documents no rate-limit headers; a `Retry-After` it sends is read by the http client, and where
 * it sends `X-RateLimit-Reset` with nothing remaining (seen in third-party reports ⚠), that is
 * read as seconds until the window resets.
 */
import type { RetryAfterParser } from '../../http/index.js';

export const personioRetryAfter: RetryAfterParser = function personioRetryAfter(headers) {
  if (headers['retry-after'] !== undefined) return null;
  if (headers['x-ratelimit-remaining']?.trim() !== '0') return null;
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset >= 0 && reset < 3600 ? reset : null;
};
