/**
 * Upstream accounting: every provider call a GraphQL request causes, for `extensions.upstream`,
 * the tests (which assert exact call counts) and the benchmarks. One recorder per request; its
 * implementation lives with the http client (src/http/recorder.ts).
 *
 * Entries hold the path without its query string: filters can carry names, and personal data
 * never reaches a response extension or a log.
 */
export interface UpstreamCall {
  readonly accountId: string;
  /** The provider operation, e.g. `bamboohr.customReport`. */
  readonly operation: string;
  readonly method: string;
  /** Path only, no query string. */
  readonly path: string;
  /** Provider fields the call asked for (0 where the operation takes no field list). */
  readonly fields: number;
  /** Records asked for by id (0 where the call is not by id). */
  readonly ids: number;
  readonly status: number | null;
  /** Attempts beyond the first. */
  readonly retries: number;
  readonly durationMs: number;
  /** When the call began (the client's clock, epoch ms): benchmarks find sequential waves by it. */
  readonly startedAtMs?: number;
}

export interface UpstreamSummary {
  readonly calls: number;
  readonly retries: number;
  readonly durationMs: number;
  readonly entries: readonly UpstreamCall[];
}

export interface UpstreamRecorder {
  record(call: UpstreamCall): void;
  summary(): UpstreamSummary;
}
