/**
 * The Gusto REST client: where a call goes, the date-based version header every call carries,
 * the bearer token from the account layer (asked per call, so it can refresh), and what each
 * status means. Paging totals come back in headers only, so callers get them beside the body.
 */

import type { CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamHeaders, UpstreamResponse } from '../../http/index.js';
import { type BodyShape, isRecord } from './shapes.js';

/** The version this adapter is written against (spec v2025-06-15). */
export const GUSTO_API_VERSION = '2025-06-15';
export const GUSTO_BASE_URL = 'https://api.gusto.com';

export interface GustoClientOptions {
  readonly accountId: AccountId;
  /** @default GUSTO_BASE_URL */
  readonly baseUrl?: string;
  /** The OAuth access token, asked for per call (the token manager refreshes it). */
  readonly accessToken: () => Promise<string>;
  readonly http: HttpClient;
}

export interface GustoCallOptions {
  /**
   * Query parameters. Arrays are sent comma-separated, as the spec's `explode: false` arrays
   * (`uuids`, `include`) are, with the commas left unescaped to keep long id lists short.
   */
  readonly query?: Readonly<
    Record<string, string | number | boolean | readonly string[] | undefined>
  >;
  /** Records the call asks for by id, for upstream accounting. */
  readonly ids?: number;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
}

export interface GustoReply<T> {
  readonly body: T;
  readonly headers: UpstreamHeaders;
}

export interface GustoClient {
  readonly accountId: AccountId;
  get<T>(
    operation: string,
    path: string,
    ctx: CallContext,
    options: GustoCallOptions,
  ): Promise<GustoReply<T>>;
}

export function buildUrl(base: string, path: string, query: GustoCallOptions['query']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? value.map((item) => encodeURIComponent(item)).join(',')
      : encodeURIComponent(String(value));
    parts.push(`${encodeURIComponent(key)}=${text}`);
  }
  return `${base.replace(/\/+$/, '')}${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

/** "200 requests per minute per application–user pair", in a rolling window (reference §3). */
const GUSTO_BUDGET = { requests: 200, intervalMs: 60_000 } as const;

export function createGustoClient(options: GustoClientOptions): GustoClient {
  const { accountId, http } = options;
  const base = options.baseUrl ?? GUSTO_BASE_URL;

  return {
    accountId,
    async get<T>(operation: string, path: string, ctx: CallContext, callOptions: GustoCallOptions) {
      const response = await http.request(
        {
          accountId,
          operation,
          method: 'GET',
          url: buildUrl(base, path, callOptions.query),
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${await options.accessToken()}`,
            'x-gusto-api-version': GUSTO_API_VERSION,
          },
          idempotent: true,
          ids: callOptions.ids ?? 0,
          budget: GUSTO_BUDGET,
        },
        ctx,
      );
      return {
        body: interpret<T>(response, operation, accountId, callOptions),
        headers: response.headers,
      };
    },
  };
}

/** The first `error_key` of Gusto's `{errors: [...]}` body: a parameter name, never a value. */
function errorKey(response: UpstreamResponse): string | null {
  try {
    const body = JSON.parse(response.text) as unknown;
    const first = isRecord(body) && Array.isArray(body.errors) ? body.errors[0] : undefined;
    return isRecord(first) && typeof first.error_key === 'string' ? first.error_key : null;
  } catch {
    return null;
  }
}

function interpret<T>(
  response: UpstreamResponse,
  operation: string,
  accountId: AccountId,
  options: GustoCallOptions,
): T {
  const { status } = response;
  const where = { accountId, operation };
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!options.shape.test(body)) throw unexpectedBodyError(where, status, options.shape.describe);
    return body as T;
  }
  if (status === 401) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Gusto refused the access token of account ${accountId} (401)`,
      where,
    );
  }
  if (status === 403) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Gusto denied account ${accountId} access to ${operation} (403): the application lacks a scope it needs`,
      where,
    );
  }
  if (status === 404) {
    // Every path names the company or a record found through it: a 404 means the token does
    // not cover the configured company (a token covers exactly one), or a record vanished.
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Gusto answered ${operation} for account ${accountId} with 404: check the account's company uuid`,
      { ...where, status },
    );
  }
  const key = status === 422 || status === 400 ? errorKey(response) : null;
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Gusto answered ${operation} for account ${accountId} with status ${status}${key ? ` (${key})` : ''}`,
    { ...where, status },
  );
}
