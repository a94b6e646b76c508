/**
 * The shapes every provider client speaks to the shared upstream http client.
 */
import type { CallContext } from '../core/contract/index.js';
import type { RequestBudget } from './account-limiter.js';

/** Lower-cased response header names to their values (repeated headers joined with `, `). */
export type UpstreamHeaders = Readonly<Record<string, string>>;

/**
 * Reads a provider's own rate headers (Okta's `X-Rate-Limit-Reset`, …) into seconds to wait, or
 * null when they say nothing. `now` is the client's clock, so epoch-based headers stay testable.
 */
export type RetryAfterParser = (headers: UpstreamHeaders, now: number) => number | null;

export type UpstreamMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface UpstreamRequest {
  readonly accountId: string;
  /** The provider operation, e.g. `bamboohr.customReport`; recorded and named in errors. */
  readonly operation: string;
  readonly method: UpstreamMethod;
  /** Absolute URL. Only its path reaches the recorder; none of it reaches an error. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * Whether sending the request twice is harmless, which is what makes it retryable.
   * POSTs that only read (BambooHR custom reports, datasets) pass true.
   * @default true for GET, false otherwise
   */
  readonly idempotent?: boolean;
  /** Provider fields the call asks for, for the recorder. @default 0 */
  readonly fields?: number;
  /** Records the call asks for by id, for the recorder. @default 0 */
  readonly ids?: number;
  /**
   * Provider-specific wait hint, consulted before the standard `Retry-After` header; a null
   * answer falls back to `Retry-After`.
   */
  readonly parseRetryAfter?: RetryAfterParser;
  /**
   * Recognises a throttle the provider words with another status (Google's 403
   * `userRateLimitExceeded`). When it answers true, the response is retried, and finally
   * reported, as a 429.
   */
  readonly isThrottle?: ThrottleRecognizer;
  /**
   * The request budget the provider publishes for one account (Gusto: 200 a minute per
   * application and company). The account's limiter keeps to it, or to the client's own budget
   * where that is stricter; the first call to an account decides.
   */
  readonly budget?: RequestBudget;
}

export type ThrottleRecognizer = (
  status: number,
  headers: UpstreamHeaders,
  text: string,
) => boolean;

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: UpstreamHeaders;
  readonly text: string;
  /** Parses `text`; throws UPSTREAM_BAD_RESPONSE (naming the operation, never the body). */
  json<T = unknown>(): T;
}

export interface HttpClient {
  /**
   * Sends one logical call, retrying what is safe to retry, and records it once in
   * `ctx.recorder`. Resolves with any status it does not retry (callers decide what a 400, 401,
   * 403 or 404 means); rejects with UPSTREAM_RATE_LIMITED / UPSTREAM_UNAVAILABLE when 429, 502,
   * 503, 504 or network failures outlast the retries, UPSTREAM_BAD_RESPONSE for an oversized
   * body, and with an `AbortError` when `ctx.signal` aborts.
   */
  request(req: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse>;
  /** Closes the pooled connections the client owns; an injected dispatcher is left open. */
  close(): Promise<void>;
}

/** Waits `ms`, settling early (either way) when `signal` aborts; the client checks it after. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;
