/** BambooHR's answer to a throttle fault: an empty body, the reason in its error-message header. */
import type { Context } from 'hono';
import type { FaultEnv } from '../common/fault-middleware.js';
import { ERROR_HEADER } from './respond.js';

export function bambooHrThrottle(
  c: Context<FaultEnv>,
  status: 429 | 503,
  retryAfter: string | null,
): Response {
  if (retryAfter !== null) c.header('Retry-After', retryAfter);
  c.header(ERROR_HEADER, status === 503 ? 'Service Unavailable' : 'Too Many Requests');
  return c.body(null, status);
}
