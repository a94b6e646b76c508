/**
 * How long to wait before the next attempt.
 */

export interface BackoffPolicy {
  /** First retry's ceiling, doubled per retry. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly capMs: number;
  /** Ceiling on a provider-requested wait (`Retry-After`). */
  readonly maxRetryAfterMs: number;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/**
 * Exponential backoff with full jitter (a uniform wait below the doubling ceiling), so clients
 * that failed together do not retry together. `retry` counts from 0 for the first retry.
 */
export function backoffDelayMs(retry: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

/** A provider's requested wait wins over backoff, capped so one answer cannot park a request. */
export function retryDelayMs(
  retry: number,
  retryAfterSeconds: number | null,
  policy: BackoffPolicy,
): number {
  if (retryAfterSeconds !== null) {
    return Math.min(Math.ceil(retryAfterSeconds * 1000), policy.maxRetryAfterMs);
  }
  return backoffDelayMs(retry, policy);
}
