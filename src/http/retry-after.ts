/**
 * Reading how long a provider asked us to wait (RFC 9110 §10.2.3 `Retry-After`).
 */
import type { RetryAfterParser, UpstreamHeaders } from './types.js';

// RFC 9110 says delay-seconds is digits only; fractions are accepted because some gateways send them.
const delaySeconds = /^\d+(?:\.\d+)?$/;
// All three HTTP-date forms open with a day name; without this check Date.parse reads '-5' as a year.
const httpDateStart = /^[A-Za-z]{3}/;

/**
 * Seconds to wait from a `Retry-After` value: delay-seconds, or an HTTP-date relative to `now`
 * (a date in the past means "now", 0). Null for a missing or unreadable value.
 */
export function parseRetryAfterValue(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (delaySeconds.test(trimmed)) return Number(trimmed);
  if (!httpDateStart.test(trimmed)) return null;
  // Date.parse reads IMF-fixdate, RFC 850 and asctime; asctime carries no zone, and Date.parse
  // would take the host's, while every HTTP-date is GMT.
  const zoned = /\b(?:GMT|UTC)$/i.test(trimmed) ? trimmed : `${trimmed} GMT`;
  const at = Date.parse(zoned);
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

/**
 * A provider that throttles by window (Okta's `X-Rate-Limit-*`, HiBob's `X-RateLimit-*`): the
 * seconds until the window resets, only when it is spent (`remaining` is 0), so a 503 during an
 * outage never waits for a whole window. An explicit `Retry-After` wins (null lets the client read
 * it). Measured against the response's own `Date` when it has one, so a skewed local clock
 * neither hammers the provider early nor parks a request for nothing.
 */
export function windowResetRetryAfter(names: {
  /** The header counting what is left of the window (lower case). */
  readonly remaining: string;
  /** The header naming the window's end, in epoch seconds (lower case). */
  readonly reset: string;
}): RetryAfterParser {
  return function windowReset(headers, now) {
    if (headers['retry-after'] !== undefined) return null;
    if (headers[names.remaining]?.trim() !== '0') return null;
    const reset = Number(headers[names.reset]);
    if (!Number.isFinite(reset) || reset <= 0) return null;
    const served = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
    const nowSeconds = Number.isNaN(served) ? now / 1000 : served / 1000;
    return Math.max(0, reset - nowSeconds);
  };
}
