/** The upstream recorder: one per GraphQL request (the types are in src/core/upstream.ts). */
import type { UpstreamCall, UpstreamRecorder } from '../core/upstream.js';

export type { UpstreamCall, UpstreamRecorder, UpstreamSummary } from '../core/upstream.js';

export function createUpstreamRecorder(): UpstreamRecorder {
  const entries: UpstreamCall[] = [];
  return {
    record(call) {
      entries.push(call);
    },
    summary() {
      let retries = 0;
      let durationMs = 0;
      for (const entry of entries) {
        retries += entry.retries;
        durationMs += entry.durationMs;
      }
      return { calls: entries.length, retries, durationMs, entries: [...entries] };
    },
  };
}

/** A recorder that forgets, for calls made outside any GraphQL request (start-up checks). */
export const discardRecorder: UpstreamRecorder = {
  record() {},
  summary: () => ({ calls: 0, retries: 0, durationMs: 0, entries: [] }),
};
