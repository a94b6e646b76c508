/**
 * The BambooHR REST client: where to send a call, how to authenticate it, and what its status
 * means. It always asks for JSON (legacy endpoints answer XML otherwise) and sends the API key
 * preemptively, so no call pays for a 401 challenge round trip.
 */

import type { AccountCredentials, CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamResponse } from '../../http/index.js';
import type { BodyShape } from './shapes.js';

/** BambooHR takes an API key or an OAuth token; it has no service accounts. */
export type BambooHrCredentials = Extract<AccountCredentials, { kind: 'apiKey' | 'oauth' }>;

export interface BambooHrClientOptions {
  readonly accountId: AccountId;
  /** The customer's subdomain: `acme` for acme.bamboohr.com. */
  readonly companyDomain: string;
  /** @default `https://${companyDomain}.bamboohr.com` */
  readonly baseUrl?: string;
  readonly credentials: BambooHrCredentials;
  readonly http: HttpClient;
}

export interface CallOptions {
  /** Provider fields the call names, for upstream accounting. */
  readonly fields?: number;
  readonly ids?: number;
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** A 404 resolves to null instead of failing: "no such employee" is an answer, not an error. */
  readonly notFoundIsNull?: boolean;
  /**
   * What a 400 means for this call when it is the client's doing rather than ours (an expired
   * list cursor): the error to raise instead of UPSTREAM_BAD_RESPONSE.
   */
  readonly onBadRequest?: (response: UpstreamResponse) => Error | null;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
}

export interface BambooHrClient {
  readonly accountId: AccountId;
  get<T>(
    operation: string,
    path: string,
    ctx: CallContext,
    options: CallOptions,
  ): Promise<T | null>;
  post<T>(
    operation: string,
    path: string,
    body: unknown,
    ctx: CallContext,
    options: CallOptions,
  ): Promise<T | null>;
}

function buildUrl(base: string, path: string, query: CallOptions['query']): string {
  const url = new URL(`${base.replace(/\/$/, '')}/api${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'string') url.searchParams.append(key, value);
    else for (const item of value) url.searchParams.append(key, item);
  }
  return url.toString();
}

export function createBambooHrClient(options: BambooHrClientOptions): BambooHrClient {
  const { accountId, companyDomain, credentials, http } = options;
  const base = options.baseUrl ?? `https://${companyDomain}.bamboohr.com`;

  async function authorization(): Promise<string> {
    if (credentials.kind === 'apiKey') {
      return `Basic ${Buffer.from(`${credentials.apiKey}:x`).toString('base64')}`;
    }
    return `Bearer ${await credentials.accessToken()}`;
  }

  async function call<T>(
    method: 'GET' | 'POST',
    operation: string,
    path: string,
    body: unknown,
    ctx: CallContext,
    callOptions: CallOptions,
  ): Promise<T | null> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: await authorization(),
    };
    // Custom reports parse a JSON body only under this exact Content-Type; with a charset
    // parameter BambooHR reads the body as XML and answers "Malformed XML".
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await http.request(
      {
        accountId,
        operation,
        method,
        url: buildUrl(base, path, callOptions.query),
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        idempotent: true,
        fields: callOptions.fields ?? 0,
        ids: callOptions.ids ?? 0,
      },
      ctx,
    );
    return interpret<T>(response, operation, accountId, callOptions);
  }

  return {
    accountId,
    get: (operation, path, ctx, callOptions) =>
      call('GET', operation, path, undefined, ctx, callOptions),
    post: (operation, path, body, ctx, callOptions) =>
      call('POST', operation, path, body, ctx, callOptions),
  };
}

function interpret<T>(
  response: UpstreamResponse,
  operation: string,
  accountId: AccountId,
  options: CallOptions,
): T | null {
  const { status } = response;
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!options.shape.test(body)) {
      throw unexpectedBodyError({ accountId, operation }, status, options.shape.describe);
    }
    return body as T;
  }
  const where = { accountId, operation };
  if (status === 404 && options.notFoundIsNull) return null;
  if (status === 400) {
    const error = options.onBadRequest?.(response);
    if (error) throw error;
  }
  if (status === 401) {
    return fail(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `BambooHR refused the credentials of account ${accountId}`,
      where,
    );
  }
  if (status === 403) {
    return fail(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `BambooHR denied account ${accountId} access to ${operation} (403): the key's user lacks the permission, or the key is locked out`,
      where,
    );
  }
  return fail(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `BambooHR answered ${operation} for account ${accountId} with status ${status}`,
    { ...where, status },
  );
}

function fail(code: ErrorCode, message: string, extensions: Record<string, unknown>): never {
  throw hrError(code, message, extensions);
}
