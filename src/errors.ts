/**
 * The one place that defines hrgraph's error codes. Every error a client can see is a
 * `GraphQLError` whose `extensions.code` is one of these; anything else is masked by yoga as an
 * unexpected error, so an internal message never leaks.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_AUTH_FAILED: 'UPSTREAM_AUTH_FAILED',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatus: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_AUTH_FAILED: 502,
  UPSTREAM_BAD_RESPONSE: 502,
};

export interface HrErrorExtensions {
  /** The connected account the failure belongs to, never its credentials. */
  accountId?: string;
  /** Seconds the provider asked us to wait, where it said. */
  retryAfter?: number;
  /** Extra machine-readable detail, e.g. the unknown field names. */
  [key: string]: unknown;
}

/**
 * Builds the error a client sees. Messages must never contain credentials or personal data:
 * name the field, the account or the limit, never a value.
 */
export function hrError(code: ErrorCode, message: string, extensions: HrErrorExtensions = {}) {
  return new GraphQLError(message, {
    extensions: { ...extensions, code },
  });
}

export function badInput(message: string, extensions: HrErrorExtensions = {}) {
  return hrError(ErrorCode.BAD_USER_INPUT, message, extensions);
}

/** The HTTP status a response carrying only this error should have, for top-level failures. */
export function statusFor(code: ErrorCode): number {
  return httpStatus[code];
}

export function isHrError(error: unknown): error is GraphQLError & {
  extensions: { code: ErrorCode };
} {
  return (
    error instanceof GraphQLError &&
    typeof error.extensions?.code === 'string' &&
    error.extensions.code in ErrorCode
  );
}
