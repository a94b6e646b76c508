/**
 * The HiBob REST client: where a call goes (`https://api.hibob.com/v1`), HTTP Basic auth with the
 * service user's id and token, Bob's rate-limit headers, and what each status means. Reads that
 * carry a body (`POST /people/search`) only read, so they are sent as retryable.
 */
import type { CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamResponse } from '../../http/index.js';
import { hibobRetryAfter } from './rate-limit.js';
import { type BodyShape, isRecord } from './shapes.js';

export const HIBOB_BASE_URL = 'https://api.hibob.com/v1';

export interface HibobClientOptions {
  readonly accountId: AccountId;
  /** @default HIBOB_BASE_URL */
  readonly baseUrl?: string;
  /** The service user's id (Basic auth's user name). */
  readonly serviceUserId: string;
  /** The service user's token (Basic auth's password). */
  readonly token: string;
  readonly http: HttpClient;
}

export interface HibobCallOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** A JSON body: the call is then a POST. */
  readonly body?: unknown;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
  /** Provider fields and ids the call asks for, for upstream accounting. */
  readonly fields?: number;
  readonly ids?: number;
}

export interface HibobClient {
  readonly accountId: AccountId;
  call<T>(operation: string, path: string, ctx: CallContext, options: HibobCallOptions): Promise<T>;
}

function urlOf(base: string, path: string, query: HibobCallOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, value);
  }
  const text = params.toString().replaceAll('%2C', ',');
  return `${base.replace(/\/+$/, '')}${path}${text ? `?${text}` : ''}`;
}

export function createHibobClient(options: HibobClientOptions): HibobClient {
  const { accountId, http } = options;
  const base = options.baseUrl ?? HIBOB_BASE_URL;
  // Built per call from the options, so the secret sits in no long-lived string of its own.
  const authorization = () =>
    `Basic ${Buffer.from(`${options.serviceUserId}:${options.token}`).toString('base64')}`;
  return {
    accountId,
    async call<T>(operation: string, path: string, ctx: CallContext, call: HibobCallOptions) {
      const post = call.body !== undefined;
      const response = await http.request(
        {
          accountId,
          operation,
          method: post ? 'POST' : 'GET',
          url: urlOf(base, path, call.query),
          headers: {
            accept: 'application/json',
            authorization: authorization(),
            ...(post ? { 'content-type': 'application/json' } : {}),
          },
          ...(post ? { body: JSON.stringify(call.body) } : {}),
          idempotent: true,
          fields: call.fields ?? 0,
          ids: call.ids ?? 0,
          parseRetryAfter: hibobRetryAfter,
        },
        ctx,
      );
      return interpret<T>(response, operation, accountId, call.shape);
    },
  };
}

/** Bob's `Error` object names its `key` (a code, never a value). */
function errorKey(response: UpstreamResponse): string | null {
  try {
    const body = JSON.parse(response.text) as unknown;
    return isRecord(body) && typeof body.key === 'string' ? body.key.slice(0, 64) : null;
  } catch {
    return null;
  }
}

function interpret<T>(
  response: UpstreamResponse,
  operation: string,
  accountId: AccountId,
  shape: BodyShape,
): T {
  const { status } = response;
  const where = { accountId, operation };
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!shape.test(body)) throw unexpectedBodyError(where, status, shape.describe);
    return body as T;
  }
  if (status === 401) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `HiBob refused the service user of account ${accountId} (401)`,
      where,
    );
  }
  if (status === 403) {
    // A permission the service user lacks, or the WAF blocking it after failed attempts: the
    // account layer tells them apart by Bob's words (definition.failures).
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `HiBob denied account ${accountId} access to ${operation} (403): check the service user's permissions`,
      where,
    );
  }
  const key = errorKey(response);
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `HiBob answered ${operation} for account ${accountId} with status ${status}${key ? ` (${key})` : ''}`,
    { ...where, status },
  );
}
