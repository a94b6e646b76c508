/**
 * Upstream failures as the errors a GraphQL client sees. Extensions name the account and the
 * operation; URLs (their query strings can carry names), headers and bodies never appear.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode, hrError } from '../../errors.js';
import type { AttemptFailure } from './failure.js';

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
    const throttled =
      failure.status === 429 || (failure.status === 503 && failure.retryAfter !== null);
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
