/**
 * The Directory API client: where a call goes, its bearer token, and what each status means.
 * A 401 proves the token dead before its time (revoked, or the provider restarted): the token is
 * dropped and the call sent once more with a fresh one. Google words its rate limits as 403s
 * (`userRateLimitExceeded`, `rateLimitExceeded`, `quotaExceeded`); the shared client is told to
 * treat those as 429s, so they are retried with backoff like any throttle.
 */

import type { CallContext } from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamHeaders, UpstreamResponse } from '../../http/index.js';
import type { GoogleTokenSource } from './auth.js';
import type { BodyShape } from './shapes.js';

export const GOOGLE_API_URL = 'https://admin.googleapis.com';
const API_ROOT = '/admin/directory/v1';

export interface GoogleCallOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly shape: BodyShape;
  /** A 404 resolves to null: "no such user" is an answer, not an error. */
  readonly notFoundIsNull?: boolean;
  /** The call carried a page token, so a 400 means the token is stale (three days) or garbled. */
  readonly pageToken?: boolean;
  /** For upstream accounting. */
  readonly fields?: number;
  readonly ids?: number;
}

export interface GoogleClient {
  readonly accountId: AccountId;
  get<T>(
    operation: string,
    path: string,
    ctx: CallContext,
    options: GoogleCallOptions,
  ): Promise<T | null>;
}

export interface GoogleClientOptions {
  readonly accountId: AccountId;
  readonly http: HttpClient;
  readonly tokens: GoogleTokenSource;
  /** @default GOOGLE_API_URL */
  readonly baseUrl?: string;
}

const THROTTLE_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);

interface GoogleErrorBody {
  readonly error?: { readonly errors?: readonly { readonly reason?: unknown }[] };
}

/** The `reason`s of Google's error envelope; empty when the body is not one. */
export function reasonsOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as GoogleErrorBody;
    return (body.error?.errors ?? [])
      .map((item) => item.reason)
      .filter((reason): reason is string => typeof reason === 'string');
  } catch {
    return [];
  }
}

export function isGoogleThrottle(status: number, _headers: UpstreamHeaders, text: string): boolean {
  return status === 403 && reasonsOf(text).some((reason) => THROTTLE_REASONS.has(reason));
}

function buildUrl(base: string, path: string, query: GoogleCallOptions['query']): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${API_ROOT}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

/** The Directory API's default quota: 2,400 queries a minute per user (reference §7). */
const GOOGLE_BUDGET = { requests: 2_400, intervalMs: 60_000 } as const;

export function createGoogleClient(options: GoogleClientOptions): GoogleClient {
  const { accountId, http, tokens } = options;
  const base = options.baseUrl ?? GOOGLE_API_URL;

  async function send(
    operation: string,
    url: string,
    ctx: CallContext,
    callOptions: GoogleCallOptions,
  ): Promise<{ response: UpstreamResponse; token: string }> {
    const token = await tokens.accessToken(ctx);
    const response = await http.request(
      {
        accountId,
        operation,
        method: 'GET',
        url,
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        fields: callOptions.fields ?? 0,
        ids: callOptions.ids ?? 0,
        isThrottle: isGoogleThrottle,
        budget: GOOGLE_BUDGET,
      },
      ctx,
    );
    return { response, token };
  }

  return {
    accountId,
    async get<T>(
      operation: string,
      path: string,
      ctx: CallContext,
      callOptions: GoogleCallOptions,
    ) {
      const url = buildUrl(base, path, callOptions.query);
      let { response, token } = await send(operation, url, ctx, callOptions);
      if (response.status === 401) {
        tokens.invalidate(token);
        ({ response, token } = await send(operation, url, ctx, callOptions));
      }
      return interpret<T>(response, operation, accountId, callOptions);
    },
  };
}

function interpret<T>(
  response: UpstreamResponse,
  operation: string,
  accountId: AccountId,
  options: GoogleCallOptions,
): T | null {
  const { status } = response;
  const where = { accountId, operation };
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!options.shape.test(body)) {
      throw unexpectedBodyError(where, status, options.shape.describe);
    }
    return body as T;
  }
  if (status === 404 && options.notFoundIsNull) return null;
  if (status === 400 && options.pageToken) {
    throw badInput(
      'This cursor is no longer valid at Google Workspace (its page tokens last three days); restart paging from the first page.',
    );
  }
  if (status === 401) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Google Workspace refused a fresh token of account ${accountId} (401)`,
      where,
    );
  }
  if (status === 403) {
    const reasons = reasonsOf(response.text);
    const why = reasons.includes('insufficientPermissions')
      ? 'the token lacks the scope this call needs (domain-wide delegation)'
      : 'the impersonated user is not an administrator allowed to read this customer';
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Google Workspace denied account ${accountId} access to ${operation} (403): ${why}`,
      { ...where, reasons },
    );
  }
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Google Workspace answered ${operation} for account ${accountId} with status ${status}`,
    { ...where, status },
  );
}
