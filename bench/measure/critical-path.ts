/**
 * Sequential round trips on the critical path: the longest chain of provider calls in which each
 * call started only after the one before it had ended. Calls that overlap in time were in flight
 * together, so they share a round trip; a call that had to wait for another's answer adds one.
 */

export interface CallSpan {
  /** ms, any clock, as long as all spans of one run share it. */
  readonly start: number;
  readonly end: number;
}

/** Longest chain of non-overlapping spans, in O(n log n). */
export function criticalPath(spans: readonly CallSpan[]): number {
  if (spans.length === 0) return 0;
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const byEnd = byStart.map((span, i) => ({ end: span.end, i })).sort((a, b) => a.end - b.end);
  const depth = new Array<number>(byStart.length).fill(0);
  let ended = 0;
  let deepestEnded = 0;
  let longest = 0;
  for (let i = 0; i < byStart.length; i++) {
    const span = byStart[i]!;
    // Every call that ended by the time this one started could have been waited on. (A call of
    // 0 ms starting at this very instant counts as depth 0: only untimed runs have those.)
    while (ended < byEnd.length && byEnd[ended]!.end <= span.start) {
      deepestEnded = Math.max(deepestEnded, depth[byEnd[ended]!.i]!);
      ended++;
    }
    depth[i] = deepestEnded + 1;
    longest = Math.max(longest, depth[i]!);
  }
  return longest;
}
