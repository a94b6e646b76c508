/**
 * Google's answer to an injected throttle fault: 429 `RESOURCE_EXHAUSTED` / `rateLimitExceeded`,
 * 503 `UNAVAILABLE` / `backendError`, with Retry-After only when the fault asks for it.
 */
import type { Context } from 'hono';
import type { FaultEnv } from '../common/fault-middleware.js';
import { googleError } from './respond.js';

export function googleThrottle(
  c: Context<FaultEnv>,
  status: 429 | 503,
  retryAfter: string | null,
): Response {
  if (retryAfter !== null) c.header('Retry-After', retryAfter);
  if (status === 429) {
    return googleError(c, 429, {
      message: 'Rate Limit Exceeded',
      domain: 'usageLimits',
      reason: 'rateLimitExceeded',
    });
  }
  return googleError(c, 503, {
    message: 'The service is currently unavailable.',
    domain: 'global',
    reason: 'backendError',
  });
}
