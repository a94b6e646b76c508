/**
 * The Personio REST client: where a call goes, which token it carries (v1 paths a `/v1/auth`
 * token, v2 paths a client-credentials token from `/v2/auth/token`; both from the account's one
 * API credential), and what each status means. A token Personio refuses mid-life is dropped and
 * the call made once more with a new one; a second refusal is the account's.
 */
import type { CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient, UpstreamResponse } from '../../http/index.js';
import { createPersonioAuth, type PersonioAuth } from './auth.js';
import { personioRetryAfter } from './rate-limit.js';
import type { BodyShape } from './shapes.js';

export const PERSONIO_BASE_URL = 'https://api.personio.de';

export type ApiVersion = 'v1' | 'v2';

export interface PersonioClientOptions {
  readonly accountId: AccountId;
  /** @default PERSONIO_BASE_URL */
  readonly baseUrl?: string;
  readonly clientId: string;
  /** Read when a token is asked for, never kept beside the adapter. */
  readonly clientSecret: () => string;
  readonly http: HttpClient;
  /** Clock for token expiry. @default Date.now */
  readonly now?: () => number;
}

export type QueryValue = string | number | readonly (string | number)[] | undefined;

export interface PersonioCallOptions {
  /** Query parameters; an array repeats its name (`attributes[]=a&attributes[]=b`). */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Records the call asks for by id, for upstream accounting. */
  readonly ids?: number;
  /** The envelope a 2xx body must have; anything else is UPSTREAM_BAD_RESPONSE. */
  readonly shape: BodyShape;
  /** A 404 is an answer (null): the record asked for by id does not exist. */
  readonly notFoundIsNull?: boolean;
}

export interface PersonioClient {
  readonly accountId: AccountId;
  get<T>(
    version: ApiVersion,
    operation: string,
    path: string,
    ctx: CallContext,
    options: PersonioCallOptions,
  ): Promise<T | null>;
}

/** Brackets stay literal in names (`attributes[]`), as Personio's own examples write them. */
const encodeName = (name: string) => encodeURIComponent(name).replace(/%5B%5D$/, '[]');

export function buildUrl(base: string, path: string, query: PersonioCallOptions['query']): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeName(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return `${base.replace(/\/+$/, '')}${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

/**
 * "300 requests per minute" on GET employees (May 2024 changelog), the tightest limit hrgraph's
 * calls meet; the 2,000 a minute per IP address of every v1 endpoint is looser.
 */
const PERSONIO_BUDGET = { requests: 300, intervalMs: 60_000 } as const;

/** Whether a status says the token itself was refused: v1 words it 401 or 403, v2 401. */
const refusesToken = (version: ApiVersion, status: number) =>
  status === 401 || (version === 'v1' && status === 403);

export function createPersonioClient(options: PersonioClientOptions): PersonioClient {
  const { accountId, http } = options;
  const base = options.baseUrl ?? PERSONIO_BASE_URL;
  const auth: PersonioAuth = createPersonioAuth({ ...options, base });

  async function send(
    version: ApiVersion,
    operation: string,
    url: string,
    ctx: CallContext,
    callOptions: PersonioCallOptions,
  ): Promise<{ response: UpstreamResponse; token: string }> {
    const token = await auth.token(version, ctx);
    const response = await http.request(
      {
        accountId,
        operation,
        method: 'GET',
        url,
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        idempotent: true,
        ids: callOptions.ids ?? 0,
        budget: PERSONIO_BUDGET,
        parseRetryAfter: personioRetryAfter,
      },
      ctx,
    );
    return { response, token };
  }

  return {
    accountId,
    async get<T>(
      version: ApiVersion,
      operation: string,
      path: string,
      ctx: CallContext,
      callOptions: PersonioCallOptions,
    ) {
      const url = buildUrl(base, path, callOptions.query);
      let { response, token } = await send(version, operation, url, ctx, callOptions);
      if (refusesToken(version, response.status)) {
        auth.invalidate(version, token);
        ({ response, token } = await send(version, operation, url, ctx, callOptions));
      }
      if (version === 'v1' && response.status < 300) {
        const echoed = /^Bearer\s+(\S+)$/i.exec(response.headers.authorization ?? '');
        if (echoed) auth.adopt('v1', echoed[1]!);
      }
      return interpret<T>(response, { accountId, operation, version }, callOptions);
    },
  };
}

function interpret<T>(
  response: UpstreamResponse,
  where: { accountId: AccountId; operation: string; version: ApiVersion },
  options: PersonioCallOptions,
): T | null {
  const { status } = response;
  const { accountId, operation } = where;
  const at = { accountId, operation };
  if (status >= 200 && status < 300) {
    const body = response.json<unknown>();
    if (!options.shape.test(body)) throw unexpectedBodyError(at, status, options.shape.describe);
    return body as T;
  }
  if (status === 404 && options.notFoundIsNull) return null;
  if (refusesToken(where.version, status)) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Personio refused a fresh token of account ${accountId} for ${operation} (${status})`,
      { ...at, status },
    );
  }
  if (status === 403) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Personio denied account ${accountId} access to ${operation} (403): the API credential lacks a permission it needs`,
      { ...at, status },
    );
  }
  // Personio's error messages are its own words; only the status travels, never a body.
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    `Personio answered ${operation} for account ${accountId} with status ${status}`,
    { ...at, status },
  );
}
