/**
 * A circuit breaker per account. A provider that keeps failing (outage, every attempt reset or
 * timed out) would otherwise cost each GraphQL request its full retry schedule; after
 * `failureThreshold` failed calls in a row the circuit opens and calls fail fast with
 * UPSTREAM_UNAVAILABLE for `openMs`, then one probe call is let through: its success closes the
 * circuit, its failure opens it again.
 *
 * Only outages count. A rate limit means the provider is up and asking for patience, an abort is
 * the caller's doing, and any answer the client hands back (200, 401, 404…) proves the provider
 * is there.
 */

export interface CircuitBreakerOptions {
  /** Failed calls in a row (each after its retries) that open the circuit. @default 5 */
  failureThreshold?: number;
  /** How long an open circuit fails calls fast before it lets one probe through. @default 30000 */
  openMs?: number;
}

export type CircuitState = 'closed' | 'open' | 'halfOpen';

/** How one call ended, as far as the provider's health goes. */
export type CallVerdict = 'success' | 'failure' | 'neutral';

export type Admission =
  | { readonly admitted: true; readonly probe: boolean }
  | { readonly admitted: false; readonly retryAfterMs: number };

export interface CircuitBreaker {
  /** Whether a call may go now; a half-open circuit admits one probe at a time. */
  admit(): Admission;
  /** Reports how an admitted call ended. */
  settle(admission: Admission, verdict: CallVerdict): void;
  state(): CircuitState;
}

export function createCircuitBreaker(
  options: CircuitBreakerOptions,
  now: () => number,
): CircuitBreaker {
  const { failureThreshold = 5, openMs = 30_000 } = options;
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
    throw new RangeError('circuitBreaker.failureThreshold must be a positive integer');
  }
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let probing = false;

  function open(): void {
    state = 'open';
    openedAt = now();
    probing = false;
  }

  return {
    admit() {
      if (state === 'closed') return { admitted: true, probe: false };
      const left = openedAt + openMs - now();
      if (state === 'open' && left > 0) return { admitted: false, retryAfterMs: left };
      state = 'halfOpen';
      // While the probe is out, the others fail fast; it decides within one call's time.
      if (probing) return { admitted: false, retryAfterMs: Math.min(openMs, 1_000) };
      probing = true;
      return { admitted: true, probe: true };
    },
    settle(admission, verdict) {
      if (!admission.admitted) return;
      if (admission.probe) {
        if (verdict === 'success') {
          state = 'closed';
          failures = 0;
          probing = false;
        } else if (verdict === 'failure') {
          open();
        } else {
          probing = false;
        }
        return;
      }
      // Calls admitted before the circuit opened say nothing new once it has.
      if (state !== 'closed') return;
      if (verdict === 'success') failures = 0;
      if (verdict === 'failure' && ++failures >= failureThreshold) open();
    },
    state: () => state,
  };
}
