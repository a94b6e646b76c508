/**
 * The Microsoft Graph client: where a call goes, how it authenticates, and what its status means.
 * Every call goes through the shared http client, which waits out a 429's `Retry-After` (Graph's
 * throttling answer) before it retries; a token Graph refuses early is replaced once.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CallContext } from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, Sleep, UpstreamMethod, UpstreamResponse } from '../../http/index.js';
import type { EntraAuth } from './auth.js';
import { type BodyShape, isObject } from './shapes.js';

export interface GraphCallOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
  /** A POST that only reads (`$batch` of GETs), and so may be resent. */
  readonly body?: unknown;
  /** Provider fields and ids the call asks for, for upstream accounting. */
  readonly fields?: number;
  readonly ids?: number;
}

export interface GraphClient {
  readonly accountId: AccountId;
  /** The Graph root the calls go to, without a trailing slash: `https://graph.microsoft.com`. */
  readonly base: string;
  call<T>(operation: string, path: string, ctx: CallContext, options: GraphCallOptions): Promise<T>;
  /** The clock and the wait a `$batch`'s throttled requests are retried by. */
  readonly now: () => number;
  readonly sleep: Sleep;
}

export interface GraphClientOptions {
  readonly accountId: AccountId;
  readonly base: string;
  readonly http: HttpClient;
  readonly auth: EntraAuth;
  /** Clock in epoch ms, for inner `Retry-After` dates. @default Date.now */
  readonly now?: () => number;
  /** How the batch waits out an inner `Retry-After`. @default a timer, ended by the signal */
  readonly sleep?: Sleep;
}

const realSleep: Sleep = (ms, signal) =>
  delay(ms, undefined, { signal }).catch(() => {
    // An abort ends the wait; the caller sees the signal.
  });

/**
 * `${base}/v1.0/users?$select=…`, with Graph's `%20` (not `+`) for spaces in `$filter`; with no
 * base, the path and query alone (an inner `$batch` request's URL).
 */
export function graphUrl(
  base: string,
  path: string,
  query: GraphCallOptions['query'] = {},
): string {
  const target = new URL(`${base || 'http://relative.invalid'}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) target.searchParams.set(key, value);
  }
  const href = base ? target.href : `${target.pathname}${target.search}`;
  return href.replace(/\+/g, '%20').replace(/%24/g, '$');
}

export function createGraphClient({
  accountId,
  base,
  http,
  auth,
  now = Date.now,
  sleep = realSleep,
}: GraphClientOptions): GraphClient {
  async function send(operation: string, url: string, ctx: CallContext, options: GraphCallOptions) {
    const authorization = await auth.authorization(ctx);
    const method: UpstreamMethod = options.body === undefined ? 'GET' : 'POST';
    const response = await http.request(
      {
        accountId,
        operation,
        method,
        url,
        headers: {
          accept: 'application/json',
          authorization,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.body === undefined
          ? {}
          : { body: JSON.stringify(options.body), idempotent: true }),
        fields: options.fields ?? 0,
        ids: options.ids ?? 0,
      },
      ctx,
    );
    return { response, authorization };
  }

  return {
    accountId,
    base,
    now,
    sleep,
    async call<T>(operation: string, path: string, ctx: CallContext, options: GraphCallOptions) {
      const url = graphUrl(base, path, options.query);
      let { response, authorization } = await send(operation, url, ctx, options);
      // A token Graph no longer honours (revoked, or expired early) is worth one fresh try.
      if (response.status === 401) {
        auth.rejected(authorization);
        ({ response, authorization } = await send(operation, url, ctx, options));
      }
      return interpret<T>(response, { accountId, operation }, options.shape);
    },
  };
}

interface Where {
  readonly accountId: AccountId;
  readonly operation: string;
}

/** Graph's error code (`Request_UnsupportedQuery`), which names the kind of failure and nothing personal. */
export function graphErrorCode(body: unknown): string | null {
  const error = isObject(body) && isObject(body.error) ? body.error : null;
  return error && typeof error.code === 'string' && /^[\w.]{1,80}$/.test(error.code)
    ? error.code
    : null;
}

/** An answer that is not a success: the error a caller sees for it. */
export function failure(status: number, graphCode: string | null, where: Where) {
  const { accountId, operation } = where;
  const extensions = { accountId, operation, upstreamStatus: status, graphErrorCode: graphCode };
  if (status === 400 && graphCode === 'Request_UnsupportedQuery') {
    // Built from the client's filter (too many values, a property Graph cannot filter on).
    return badInput(`Entra ID cannot filter users this way (${operation})`, extensions);
  }
  if (status === 401) {
    return hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Entra ID refused the token of account ${accountId}`,
      extensions,
    );
  }
  if (status === 403) {
    return hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Entra ID denied account ${accountId} access to ${operation} (403): the app lacks the User.Read.All or Directory.Read.All permission, or an admin's consent`,
      extensions,
    );
  }
  return hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Entra ID answered ${operation} for account ${accountId} with status ${status}`,
    extensions,
  );
}

function interpret<T>(response: UpstreamResponse, where: Where, shape: BodyShape): T {
  const { status } = response;
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!shape.test(body)) throw unexpectedBodyError(where, status, shape.describe);
    return body as T;
  }
  let body: unknown = null;
  try {
    body = JSON.parse(response.text);
  } catch {
    // not JSON: no Graph error code to read
  }
  throw failure(status, graphErrorCode(body), where);
}
