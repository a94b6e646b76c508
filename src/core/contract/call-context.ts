import type { UpstreamRecorder } from '../upstream.js';

/** What a request lends to every provider call it causes. */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /**
   * When the request must be answered by (epoch ms). The http client never waits for a retry
   * past it and cuts an attempt short at it, so a slow provider fails the field, not the request.
   */
  readonly deadline?: number;
}
