/**
 * Reading how long a provider asked us to wait (RFC 9110 §10.2.3 `Retry-After`).
 */
import type { RetryAfterParser, UpstreamHeaders } from './types.js';

// RFC 9110 says delay-seconds is digits only; fractions are accepted because some gateways send them.
const delaySeconds = /^\d+(?:\.\d+)?$/;

/**
 * Seconds to wait from a `Retry-After` value: delay-seconds, or an HTTP-date relative to `now`
 * (a date in the past means "now", 0). Null for a missing or unreadable value.
 */
export function parseRetryAfterValue(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (delaySeconds.test(trimmed)) return Number(trimmed);
  // Date.parse reads IMF-fixdate, RFC 850 and asctime, the three forms an HTTP-date may take.
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, (at - now) / 1000);
}

/** The provider's own hint first (when it gives one), then the standard header. */
export function retryAfterSeconds(
  headers: UpstreamHeaders,
  now: number,
  providerParser?: RetryAfterParser,
): number | null {
  const fromProvider = providerParser?.(headers, now) ?? null;
  if (fromProvider !== null && Number.isFinite(fromProvider) && fromProvider >= 0) {
    return fromProvider;
  }
  return parseRetryAfterValue(headers['retry-after'], now);
}
