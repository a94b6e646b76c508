/**
 * How a Personio account gets its tokens, from its one API credential (a client id and secret):
 * v1 calls carry a token from `POST /v1/auth` (JSON `{client_id, client_secret}`; 24 h), v2 calls
 * one from the client-credentials grant at `POST /v2/auth/token` (form-encoded; `expires_in` as
 * sent, else 24 h, the life Personio states for its tokens). Token requests are never retried:
 * a refused secret must cost one call, not a lockout's worth.
 */
import type { CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient } from '../../http/index.js';
import type { ApiVersion } from './client.js';
import { personioRetryAfter } from './rate-limit.js';
import { type BodyShape, type Json, shapes } from './shapes.js';
import { createTokenSource, type TokenSource } from './token-source.js';

const DEFAULT_LIFETIME_S = 86_400;

export interface PersonioAuthOptions {
  readonly accountId: AccountId;
  readonly base: string;
  readonly clientId: string;
  readonly clientSecret: () => string;
  readonly http: HttpClient;
  readonly now?: () => number;
}

export interface PersonioAuth {
  token(version: ApiVersion, ctx: CallContext): Promise<string>;
  adopt(version: ApiVersion, token: string): void;
  invalidate(version: ApiVersion, token: string): void;
}

interface TokenRequest {
  readonly operation: string;
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
  readonly shape: BodyShape;
  read(body: Json): { token: string; lifetimeS: number };
}

function tokenRequest(version: ApiVersion, clientId: string, secret: string): TokenRequest {
  if (version === 'v1') {
    return {
      operation: 'personio.auth',
      path: '/v1/auth',
      contentType: 'application/json',
      body: JSON.stringify({ client_id: clientId, client_secret: secret }),
      shape: shapes.v1Token,
      read: (body) => {
        const data = body.data as Json;
        const expires = typeof data.expires_in === 'number' ? data.expires_in : DEFAULT_LIFETIME_S;
        return { token: data.token as string, lifetimeS: expires };
      },
    };
  }
  return {
    operation: 'personio.v2.token',
    path: '/v2/auth/token',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }).toString(),
    shape: shapes.v2Token,
    read: (body) => ({
      token: body.access_token as string,
      lifetimeS: typeof body.expires_in === 'number' ? body.expires_in : DEFAULT_LIFETIME_S,
    }),
  };
}

export function createPersonioAuth(options: PersonioAuthOptions): PersonioAuth {
  const now = options.now ?? Date.now;
  // A source's mint takes no arguments; the call that finds no live token lends its context to
  // the mint it starts (token() calls mint() synchronously, before any other caller can lend).
  const lenders: Record<ApiVersion, CallContext | null> = { v1: null, v2: null };
  const sources: Record<ApiVersion, TokenSource> = {
    v1: createTokenSource({ now, mint: () => mint('v1', lenders.v1!) }),
    v2: createTokenSource({ now, mint: () => mint('v2', lenders.v2!) }),
  };

  async function mint(version: ApiVersion, ctx: CallContext) {
    const { accountId } = options;
    const request = tokenRequest(version, options.clientId, options.clientSecret());
    const response = await options.http.request(
      {
        accountId,
        operation: request.operation,
        method: 'POST',
        url: `${options.base.replace(/\/+$/, '')}${request.path}`,
        headers: { accept: 'application/json', 'content-type': request.contentType },
        body: request.body,
        idempotent: false,
        parseRetryAfter: personioRetryAfter,
      },
      ctx,
    );
    const where = { accountId, operation: request.operation };
    if (response.status !== 200) {
      throw hrError(
        ErrorCode.UPSTREAM_AUTH_FAILED,
        `Personio refused the API credential of account ${accountId} (HTTP ${response.status}${oauthErrorOf(response.text)})`,
        { ...where, upstreamStatus: response.status },
      );
    }
    const body = response.json<unknown>();
    if (!request.shape.test(body)) {
      throw unexpectedBodyError(where, response.status, request.shape.describe);
    }
    const { token, lifetimeS } = request.read(body as Json);
    return { token, expiresAt: now() + lifetimeS * 1000 };
  }

  return {
    async token(version, ctx) {
      lenders[version] = ctx;
      const pending = sources[version].token();
      lenders[version] = null;
      return pending;
    },
    adopt: (version, token) => sources[version].adopt(token),
    invalidate: (version, token) => sources[version].invalidate(token),
  };
}

/** The OAuth `error` code (RFC 6749 §5.2), which names the problem without any secret. */
function oauthErrorOf(text: string): string {
  try {
    const { error } = JSON.parse(text) as { error?: unknown };
    return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? `: ${error}` : '';
  } catch {
    return '';
  }
}
