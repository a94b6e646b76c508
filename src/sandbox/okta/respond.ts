/**
 * Okta's error body (the spec's `Error` schema: errorCode, errorSummary, errorLink, errorId,
 * errorCauses) and the codes the sandbox answers with.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: Array<{ errorSummary: string }>;
}

/** The codes used here, with Okta's wording (spec examples where it has one). */
export const OKTA_ERRORS = {
  /** Spec example `ErrorApiValidationFailed400`-style. */
  validation: { code: 'E0000001', summary: 'Api validation failed: {0}' },
  /** Spec example `ErrorAccessDenied`. */
  forbidden: {
    code: 'E0000006',
    summary: 'You do not have permission to perform the requested action',
  },
  /** Spec example `ErrorResourceNotFound`. */
  notFound: { code: 'E0000007', summary: 'Not found: {0}' },
  /** Spec example `ErrorInvalidTokenProvided`. */
  invalidToken: { code: 'E0000011', summary: 'Invalid token provided' },
  /** Okta's answer to a filter or search it cannot parse or does not support. */
  invalidSearch: { code: 'E0000031', summary: 'Invalid search criteria.' },
  /** Spec example `ErrorTooManyRequests`. */
  rateLimited: {
    code: 'E0000047',
    summary: 'API call exceeded rate limit due to too many requests.',
  },
  /** Okta's wording for a 503 (sandbox choice; the spec declares no 503). */
  unavailable: { code: 'E0000009', summary: 'Internal Server Error' },
} as const;

export type OktaErrorKind = keyof typeof OKTA_ERRORS;

/** Okta error ids are 25 url-safe characters beginning with `oae`. */
function errorId(): string {
  return `oae${randomBytes(16).toString('base64url').slice(0, 22)}`;
}

export function errorBody(kind: OktaErrorKind, detail = '', causes: string[] = []): OktaErrorBody {
  const { code, summary } = OKTA_ERRORS[kind];
  return {
    errorCode: code,
    errorSummary: summary.replace('{0}', detail),
    errorLink: code,
    errorId: errorId(),
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  };
}

export function oktaError<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  kind: OktaErrorKind,
  detail = '',
  causes: string[] = [],
): Response {
  return c.json(errorBody(kind, detail, causes), status);
}

/** `Not found: Resource not found: 00u… (User)`, as Okta words a missing user or group. */
export function notFound<E extends Env>(c: Context<E>, id: string, type: string): Response {
  return oktaError(c, 404, 'notFound', `Resource not found: ${id} (${type})`);
}
