/**
 * Upstream failures as the errors a GraphQL client sees. Extensions name the account and the
 * operation; URLs (their query strings can carry names), headers and bodies never appear.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode, hrError } from '../core/errors.js';
import type { RefusalReason } from './account-limiter.js';
import { type AttemptFailure, isThrottled } from './failure.js';

export interface FailedCall {
  readonly accountId: string;
  readonly operation: string;
}

function subject(call: FailedCall): string {
  return `${call.operation} for account ${call.accountId}`;
}

/**
 * The error for the last failure once retrying is over. A 503 that says how long to wait is
 * BambooHR's throttling answer (reference §6.3), so it is a rate limit, not an outage.
 */
export function upstreamFailureError(
  call: FailedCall,
  failure: AttemptFailure,
  attempts: number,
): GraphQLError {
  const base = { accountId: call.accountId, operation: call.operation, attempts };
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  if (failure.kind === 'status') {
    const retryAfter =
      failure.retryAfter === null ? {} : { retryAfter: Math.ceil(failure.retryAfter) };
    const throttled = isThrottled(failure);
    const code = throttled ? ErrorCode.UPSTREAM_RATE_LIMITED : ErrorCode.UPSTREAM_UNAVAILABLE;
    const what = throttled ? 'rate limited' : 'unavailable';
    return hrError(
      code,
      `${subject(call)}: provider ${what} (HTTP ${failure.status}) after ${tries}`,
      {
        ...base,
        ...retryAfter,
        upstreamStatus: failure.status,
      },
    );
  }
  if (failure.kind === 'body') {
    return hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      `${subject(call)}: response body cut short (${failure.reason}) after ${tries}`,
      { ...base, upstreamStatus: failure.status, reason: failure.reason },
    );
  }
  const reason = failure.kind === 'network' ? failure.reason : 'DEADLINE_EXCEEDED';
  return hrError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `${subject(call)}: provider unreachable (${reason}) after ${tries}`,
    { ...base, reason },
  );
}

/** The request's deadline had passed before anything was sent. */
export function deadlinePassedError(call: FailedCall): GraphQLError {
  return hrError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `${subject(call)}: deadline passed before sending`,
    {
      accountId: call.accountId,
      operation: call.operation,
      attempts: 0,
      reason: 'DEADLINE_EXCEEDED',
    },
  );
}

export function responseTooLargeError(call: FailedCall, limitBytes: number): GraphQLError {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `${subject(call)}: response larger than ${limitBytes} bytes`,
    { accountId: call.accountId, operation: call.operation, limitBytes },
  );
}

export function malformedJsonError(call: FailedCall, status: number): GraphQLError {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `${subject(call)}: response is not valid JSON (HTTP ${status})`,
    { accountId: call.accountId, operation: call.operation, upstreamStatus: status },
  );
}

/**
 * Well-formed JSON that is not what the operation answers (`{}` where a page was due): for
 * provider parsers, so a wrong shape is an error rather than an empty list. `expected` names
 * the shape, never a value.
 */
export function unexpectedBodyError(
  call: FailedCall,
  status: number,
  expected: string,
): GraphQLError {
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `${subject(call)}: response is not ${expected} (HTTP ${status})`,
    { accountId: call.accountId, operation: call.operation, upstreamStatus: status },
  );
}

/** The account's circuit is open: the provider kept failing, so nothing was sent. */
export function circuitOpenError(call: FailedCall, retryAfterMs: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return hrError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `${subject(call)}: the provider kept failing, so calls to it are paused; retry in ${retryAfter} s`,
    {
      accountId: call.accountId,
      operation: call.operation,
      attempts: 0,
      reason: 'CIRCUIT_OPEN',
      retryAfter,
    },
  );
}

const refusals: Record<RefusalReason, string> = {
  BUDGET_SPENT: "hrgraph's request budget for this account is spent",
  QUEUE_FULL: 'too many calls to this account are already waiting',
  QUEUE_DEADLINE: 'the request deadline passed while the call waited its turn',
  CLOSED: 'the http client is closed',
};

/** hrgraph's own per-account limits held the call back: nothing (more) was sent. */
export function limiterRefusedError(
  call: FailedCall,
  reason: RefusalReason,
  retryAfterMs: number | null,
  attempts: number,
): GraphQLError {
  const retryAfter = retryAfterMs === null ? {} : { retryAfter: Math.ceil(retryAfterMs / 1000) };
  return hrError(ErrorCode.UPSTREAM_RATE_LIMITED, `${subject(call)}: ${refusals[reason]}`, {
    accountId: call.accountId,
    operation: call.operation,
    attempts,
    reason,
    ...retryAfter,
  });
}
