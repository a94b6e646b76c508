/**
 * Okta's answer to an injected throttle: 429 E0000047 or 503, both with an Okta `Error` body and
 * the family's X-Rate-Limit-* headers (an injected 429 reports the bucket as spent);
 * `Retry-After` only when the fault asks for one, as Okta documents none.
 */
import type { Context } from 'hono';
import type { FaultEnv } from '../common/fault-middleware.js';
import { type RateLimiter, rateHeaders } from './rate-limit.js';
import { errorBody } from './respond.js';

export function oktaThrottle(limiter: RateLimiter) {
  return function throttle(
    c: Context<FaultEnv>,
    status: 429 | 503,
    retryAfter: string | null,
  ): Response {
    const state = limiter.peek(new URL(c.req.url).pathname);
    const headers = rateHeaders(status === 429 ? { ...state, remaining: 0 } : state);
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (retryAfter !== null) c.header('Retry-After', retryAfter);
    return c.json(errorBody(status === 429 ? 'rateLimited' : 'unavailable'), status);
  };
}
