/**
 * HiBob's throttling answer: 429 when an endpoint's per-minute limit is spent, with
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch seconds of the window's end; named by a
 * third-party summary, reference §2 ⚠) and no documented `Retry-After`. The http client asks
 * this before the standard header.
 */
import { windowResetRetryAfter } from '../../http/index.js';

export const hibobRetryAfter = windowResetRetryAfter({
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
});
