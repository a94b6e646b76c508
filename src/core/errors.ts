/**
 * The one place that defines hrgraph's error codes. Every error a client can see is a
 * `GraphQLError` whose `extensions.code` is one of these; anything else is masked by yoga as an
 * unexpected error, so an internal message never leaks.
 *
 * Every layer raises these, providers too: an error here is a value with a stable code, built
 * through `hrError`, so no module outside this one and the schema needs to know it is a
 * `GraphQLError` (no provider imports graphql).
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
