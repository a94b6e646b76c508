/**
 * The faults the sandboxes inject while the fuzz runs: about one provider call in six misbehaves
 * (503s, 429s, resets, truncated and malformed bodies, a little latency). No Retry-After longer
 * than zero, so the fuzz measures hrgraph, not the waits a provider asks for.
 */
import type { FaultOptions } from '../../../src/sandbox/common/faults.js';

export function faultMix(seed: number): FaultOptions {
  return {
    seed,
    latency: { ms: 0, jitterMs: 5 },
    rates: [
      { rate: 0.05, fault: { kind: '503' } },
      { rate: 0.03, fault: { kind: '429', retryAfter: { seconds: 0 } } },
      { rate: 0.03, fault: { kind: 'reset' } },
      { rate: 0.03, fault: { kind: 'truncate', fraction: 0.5 } },
      { rate: 0.03, fault: { kind: 'malformed' } },
    ],
  };
}
