/**
 * The Okta REST client: where a call goes, how it authenticates, and what its status means.
 * Every call goes through the shared http client with Okta's rate-limit reader, so a 429 waits
 * for `X-Rate-Limit-Reset` rather than guessing.
 */

import type { CallContext } from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamHeaders, UpstreamResponse } from '../../http/index.js';
import type { OktaAuth } from './auth.js';
import { oktaRetryAfter } from './rate-limit.js';
import type { BodyShape } from './shapes.js';

export interface OktaCallOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
  /** A 404 resolves to null: "no such user" is an answer, not an error. */
  readonly notFoundIsNull?: boolean;
  /** Provider fields and ids the call asks for, for upstream accounting. */
  readonly fields?: number;
  readonly ids?: number;
}

export interface OktaReply<T> {
  readonly body: T;
  readonly headers: UpstreamHeaders;
  /** The URL called: what relative `Link` targets resolve against. */
  readonly url: string;
}

export interface OktaClient {
  readonly accountId: AccountId;
  get<T>(
    operation: string,
    path: string,
    ctx: CallContext,
    options: OktaCallOptions,
  ): Promise<OktaReply<T> | null>;
}

export interface OktaClientOptions {
  readonly accountId: AccountId;
  /** The org URL, without a trailing slash. */
  readonly base: string;
  readonly http: HttpClient;
  readonly auth: OktaAuth;
}

export function createOktaClient({ accountId, base, http, auth }: OktaClientOptions): OktaClient {
  async function send(operation: string, url: string, ctx: CallContext, options: OktaCallOptions) {
    const authorization = await auth.authorization(ctx);
    const response = await http.request(
      {
        accountId,
        operation,
        method: 'GET',
        url,
        headers: { accept: 'application/json', authorization },
        fields: options.fields ?? 0,
        ids: options.ids ?? 0,
        parseRetryAfter: oktaRetryAfter,
      },
      ctx,
    );
    return { response, authorization };
  }

  return {
    accountId,
    async get<T>(operation: string, path: string, ctx: CallContext, options: OktaCallOptions) {
      const target = new URL(`${base}${path}`);
      for (const [key, value] of Object.entries(options.query ?? {})) {
        if (value !== undefined) target.searchParams.set(key, value);
      }
      // Okta's URLs read `%20`, not `+`, for spaces in filter expressions.
      const url = target.href.replace(/\+/g, '%20');
      let { response, authorization } = await send(operation, url, ctx, options);
      // A token Okta no longer honours (revoked, or expired early) is worth one fresh try.
      if (response.status === 401 && auth.rejected(authorization)) {
        ({ response, authorization } = await send(operation, url, ctx, options));
      }
      const body = interpret<T>(response, { accountId, operation }, options);
      return body === null ? null : { body, headers: response.headers, url };
    },
  };
}

interface Where {
  readonly accountId: AccountId;
  readonly operation: string;
}

/** Okta's error code (`E0000031`), which names the kind of failure and nothing personal. */
function errorCodeOf(response: UpstreamResponse): string | null {
  try {
    const { errorCode } = JSON.parse(response.text) as { errorCode?: unknown };
    return typeof errorCode === 'string' && /^E\d{7}$/.test(errorCode) ? errorCode : null;
  } catch {
    return null;
  }
}

function interpret<T>(
  response: UpstreamResponse,
  where: Where,
  options: OktaCallOptions,
): T | null {
  const { status } = response;
  const { accountId, operation } = where;
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!options.shape.test(body)) throw unexpectedBodyError(where, status, options.shape.describe);
    return body as T;
  }
  if (status === 404 && options.notFoundIsNull) return null;
  const oktaCode = errorCodeOf(response);
  const extensions = { accountId, operation, upstreamStatus: status, oktaErrorCode: oktaCode };
  if (status === 400 && oktaCode === 'E0000031') {
    // Invalid search criteria: built from the client's filter (a name Okta cannot search for).
    throw badInput(`Okta cannot search users with this filter (${operation})`, extensions);
  }
  if (status === 401) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Okta refused the credentials of account ${accountId}`,
      extensions,
    );
  }
  if (status === 403) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Okta denied account ${accountId} access to ${operation} (403): the token lacks the scope or the admin role`,
      extensions,
    );
  }
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Okta answered ${operation} for account ${accountId} with status ${status}`,
    extensions,
  );
}
