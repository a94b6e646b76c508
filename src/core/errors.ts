/**
 * The one place that defines hrgraph's error codes. Every error a client can see is a
 * `GraphQLError` whose `extensions.code` is one of `ErrorCode` (what hrgraph throws) or
 * `ServerErrorCode` (what the server gives a request it cannot run, and the masked unexpected
 * error); src/server/mask-errors.ts makes sure no error leaves without one.
 *
 * Every layer raises these, providers too: an error here is a value with a stable code, built
 * through `hrError`, so no module outside this one and the server needs to know it is a
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
  /** A persisted operation's id that the server's list does not hold (Apollo Router's code). */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** A document where the server runs only persisted operations (Apollo Router's code). */
  PERSISTED_QUERY_ID_REQUIRED: 'PERSISTED_QUERY_ID_REQUIRED',
  /** The operation needs more provider calls than a token's or an account's budget allows. */
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes yoga gives requests that never reach our resolvers, and the one every unexpected error is
 * masked as. Not thrown by hrgraph's code: an error carrying one is not passed through unmasked.
 */
export const ServerErrorCode = {
  /** The document is not GraphQL (yoga). */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** The document does not fit the schema (graphql's validation rules, via yoga). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request is not a GraphQL request: method, body, params, a mutation over GET (yoga). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** `operationName` names no operation of the document, or is missing among several (yoga). */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** The body is larger than the server takes (yoga). */
  REQUEST_ENTITY_TOO_LARGE: 'REQUEST_ENTITY_TOO_LARGE',
  /** A bug: the message is masked as "Unexpected error." and the details logged. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode];

/** Every code a client may see on an error. */
export const clientErrorCodes: readonly string[] = [
  ...Object.values(ErrorCode),
  ...Object.values(ServerErrorCode),
];

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

export function isHrError(error: unknown): error is GraphQLError & {
  extensions: { code: ErrorCode };
} {
  return (
    error instanceof GraphQLError &&
    typeof error.extensions?.code === 'string' &&
    error.extensions.code in ErrorCode
  );
}
