/**
 * How an Okta account proves itself on each call: an API token (`Authorization: SSWS …`), or an
 * API Services app's key (OAuth client credentials with `private_key_jwt` at the org
 * authorization server, the only one that issues `okta.*` scopes; reference §6). Tokens from the
 * key are kept per adapter, minted once for concurrent callers, again shortly before their hour
 * runs out, and again when Okta refuses one early (a 401).
 */

import type {
  AccountCredentials,
  CallContext,
  ServiceAccountKey,
} from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient } from '../../http/index.js';
import {
  type AssertionTokenSource,
  createAssertionTokenSource,
  signAssertion,
} from '../auth/assertion-grant.js';
import { oktaRetryAfter } from './rate-limit.js';
import { shapes } from './shapes.js';

/** Okta takes an API token or an API Services app's key; it has no authorization-code flow here. */
export type OktaCredentials = Extract<AccountCredentials, { kind: 'apiKey' | 'serviceAccount' }>;

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The read scopes hrgraph's calls need: users, groups, and the user schema for raw fields. */
export const DEFAULT_SCOPES = ['okta.users.read', 'okta.groups.read', 'okta.schemas.read'] as const;

export interface OktaAuthOptions {
  readonly accountId: AccountId;
  /** The org URL, `https://acme.okta.com`. */
  readonly base: string;
  readonly credentials: OktaCredentials;
  readonly http: HttpClient;
  /** Scopes asked of the org authorization server. @default DEFAULT_SCOPES */
  readonly scopes?: readonly string[];
  /** Clock for token expiry. @default Date.now */
  readonly now?: () => number;
}

export interface OktaAuth {
  /** The `Authorization` value for one call. */
  authorization(ctx: CallContext): Promise<string>;
  /**
   * Okta answered 401 to a call sent with `authorization`: forgets that token and says whether
   * one retry with a fresh token may succeed (never for an API token, which cannot be renewed).
   */
  rejected(authorization: string): boolean;
  /** Whether calls may use this scope (an API token acts with its admin's rights). */
  grants(scope: string): boolean;
}

export function createOktaAuth(options: OktaAuthOptions): OktaAuth {
  const { credentials } = options;
  if (credentials.kind === 'apiKey') {
    return {
      // Read per call, never kept: a token replaced in the account store is used from the next call.
      authorization: async () => `SSWS ${credentials.apiKey}`,
      rejected: () => false,
      grants: () => true,
    };
  }
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const now = options.now ?? Date.now;
  // The token source's mint takes no arguments; the call that finds no live token lends its
  // context (signal, recorder, deadline) to the mint it starts. accessToken() calls mint()
  // synchronously, so this is read before any other caller can set it.
  let lender: CallContext | null = null;
  const source: AssertionTokenSource = createAssertionTokenSource({
    now,
    mint: () => mintToken({ ...options, key: credentials.key, scopes, now }, lender!),
  });
  return {
    async authorization(ctx) {
      lender = ctx;
      const pending = source.accessToken();
      lender = null;
      return `Bearer ${await pending}`;
    },
    rejected(authorization) {
      source.invalidate(authorization.replace(/^Bearer /, ''));
      return true;
    },
    grants: (scope) => scopes.includes(scope),
  };
}

interface MintOptions extends OktaAuthOptions {
  readonly key: ServiceAccountKey;
  readonly scopes: readonly string[];
  readonly now: () => number;
}

async function mintToken(options: MintOptions, ctx: CallContext) {
  const { accountId, key, now } = options;
  const tokenUrl = key.tokenUrl ?? `${options.base}/oauth2/v1/token`;
  const assertion = await signAssertion(
    key,
    { iss: key.clientId, sub: key.clientId, aud: tokenUrl },
    // Okta refuses an assertion that lives longer than an hour; five minutes is plenty for one post.
    { now, lifetimeS: 300 },
  );
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: options.scopes.join(' '),
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
  });
  const operation = 'okta.token';
  const response = await options.http.request(
    {
      accountId,
      operation,
      method: 'POST',
      url: tokenUrl,
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
      // A retried post would reuse the assertion's jti, which Okta refuses: never resend it.
      idempotent: false,
      parseRetryAfter: oktaRetryAfter,
    },
    ctx,
  );
  if (response.status !== 200) {
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Okta refused a token for account ${accountId} (HTTP ${response.status}${oauthErrorOf(response.text)})`,
      { accountId, operation, upstreamStatus: response.status },
    );
  }
  const token = response.json<unknown>();
  if (!shapes.token.test(token)) {
    throw unexpectedBodyError({ accountId, operation }, response.status, shapes.token.describe);
  }
  const { access_token: accessToken, expires_in: expiresIn } = token as {
    access_token: string;
    expires_in: number;
  };
  return { accessToken, expiresAt: now() + expiresIn * 1000 };
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
