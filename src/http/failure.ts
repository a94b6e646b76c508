/**
 * What went wrong with one attempt, and which of those are worth another try.
 */

/** A status the client never hands back: it retries them, then maps them to an error. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Connection resets, refusals and timeouts: the request may not have been processed. */
const retryableCodes: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

// Bugs in how we called undici or node: no upstream is to blame, so they propagate unmapped.
const programmerCodes: ReadonlySet<string> = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_INVALID_RETURN_VALUE',
  'UND_ERR_NOT_SUPPORTED',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_URL',
]);

export type AttemptFailure =
  /** A 429/502/503/504 answer, with the wait it asked for (seconds) when it said. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter: number | null }
  /** No usable answer: reset, refused, timed out, TLS… `reason` is the error code. */
  | { readonly kind: 'network'; readonly reason: string; readonly retryable: boolean }
  /** Headers arrived, then the body was cut short (closed early, stalled): a bad response. */
  | { readonly kind: 'body'; readonly status: number; readonly reason: string }
  /** The request's deadline cut the attempt short. */
  | { readonly kind: 'deadline' };

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy-eyeballs connects fail with an AggregateError of one error per address tried.
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return errorCode((error as { cause?: unknown }).cause);
}

/** A transport error as a failure, or null when it is not one (and should propagate as is). */
export function networkFailure(error: unknown): AttemptFailure | null {
  const code = transportCode(error);
  return code === null
    ? null
    : { kind: 'network', reason: code, retryable: retryableCodes.has(code) };
}

function transportCode(error: unknown): string | null {
  const code = errorCode(error);
  return code === null || programmerCodes.has(code) ? null : code;
}

/** A body cut short by the transport: worth another try, since a read can be asked again. */
export function bodyFailure(error: unknown, status: number): AttemptFailure | null {
  const code = transportCode(error);
  return code === null ? null : { kind: 'body', status, reason: code };
}

export function isRetryable(failure: AttemptFailure): boolean {
  if (failure.kind === 'status' || failure.kind === 'body') return true;
  if (failure.kind === 'network') return failure.retryable;
  return false;
}

/** A provider asking for patience: 429, or BambooHR's 503 with `Retry-After` (reference §6.3). */
export function isThrottled(failure: AttemptFailure): boolean {
  return (
    failure.kind === 'status' &&
    (failure.status === 429 || (failure.status === 503 && failure.retryAfter !== null))
  );
}
