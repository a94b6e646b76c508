/**
 * Google's service-account grant with domain-wide delegation: an RS256 JWT naming the service
 * account (`iss`), the admin it acts for (`sub`), the scopes and the token URI (`aud`), posted to
 * the token URI as `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`. One token per
 * adapter, shared by concurrent calls and minted again shortly before its hour runs out.
 */

import type { CallContext, ServiceAccountKey } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import type { HttpClient, UpstreamResponse } from '../../http/index.js';
import {
  type AssertionTokenSource,
  createAssertionTokenSource,
  signAssertion,
} from '../auth/assertion-grant.js';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const AUTH = 'https://www.googleapis.com/auth/';
/**
 * The read-only scopes the adapter's calls need, asked for in one token. A tenant must delegate
 * every one of them: Google refuses the whole grant when any scope is not delegated.
 */
export const READ_SCOPES: readonly string[] = [
  `${AUTH}admin.directory.user.readonly`,
  `${AUTH}admin.directory.orgunit.readonly`,
  `${AUTH}admin.directory.group.readonly`,
  `${AUTH}admin.directory.userschema.readonly`,
  `${AUTH}admin.directory.customer.readonly`,
];

export interface GoogleTokenSourceOptions {
  readonly accountId: AccountId;
  /** The key, or how to read it at each token request. */
  readonly key: ServiceAccountKey | (() => ServiceAccountKey);
  readonly http: HttpClient;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default READ_SCOPES */
  readonly scopes?: readonly string[];
}

/** A token source whose `accessToken` takes the call's context, so minting is accounted to it. */
export interface GoogleTokenSource {
  accessToken(ctx: CallContext): Promise<string>;
  invalidate(token: string): void;
}

interface TokenReply {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
  readonly error?: unknown;
}

function authFailed(accountId: AccountId, why: string): Error {
  return hrError(
    ErrorCode.UPSTREAM_AUTH_FAILED,
    `Google refused the service-account token for account ${accountId}: ${why}`,
    { accountId },
  );
}

/** Google's OAuth error code, or null; its description is never echoed (it can name people). */
function oauthErrorOf(response: UpstreamResponse): string | null {
  try {
    const body = JSON.parse(response.text) as TokenReply;
    return typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

function refusal(accountId: AccountId, response: UpstreamResponse, scopes: readonly string[]) {
  const code = oauthErrorOf(response);
  if (code === 'unauthorized_client') {
    return authFailed(
      accountId,
      `domain-wide delegation is not granted to this service account for every scope hrgraph asks (${scopes.join(' ')}); a super admin must add them under Security → API controls → Domain-wide delegation (unauthorized_client)`,
    );
  }
  if (code === 'invalid_grant') {
    return authFailed(
      accountId,
      'the subject to impersonate is not an active user of the domain, or the key was revoked, or the clock is off (invalid_grant)',
    );
  }
  if (code === 'invalid_scope') return authFailed(accountId, 'a scope was refused (invalid_scope)');
  return authFailed(accountId, `the token endpoint answered HTTP ${response.status}`);
}

export function createGoogleTokenSource(options: GoogleTokenSourceOptions): GoogleTokenSource {
  const { accountId, key: given, http, now = Date.now, scopes = READ_SCOPES } = options;
  const keyNow = typeof given === 'function' ? given : () => given;
  // The mint runs in the context of the call that found no live token; concurrent callers share it.
  let caller: CallContext | null = null;

  async function mint() {
    const ctx = caller;
    if (!ctx) throw new Error('mint outside a call');
    const key = keyNow();
    const tokenUrl = key.tokenUrl ?? GOOGLE_TOKEN_URL;
    if (!key.subject) {
      throw hrError(
        ErrorCode.UPSTREAM_AUTH_FAILED,
        `The service-account key of account ${accountId} names no admin to impersonate: Google Workspace needs a subject (an admin's email) for domain-wide delegation`,
        { accountId },
      );
    }
    const assertion = await signAssertion(
      key,
      { iss: key.clientId, sub: key.subject, scope: scopes.join(' '), aud: tokenUrl },
      { now },
    );
    const response = await http.request(
      {
        accountId,
        operation: 'google.token',
        method: 'POST',
        url: tokenUrl,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
        // Asking again mints another token and changes nothing: safe to retry.
        idempotent: true,
      },
      ctx,
    );
    if (response.status !== 200) throw refusal(accountId, response, scopes);
    const reply = response.json<TokenReply>();
    if (typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number') {
      throw hrError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `Google's token endpoint answered account ${accountId} without an access token`,
        { accountId, operation: 'google.token' },
      );
    }
    return { accessToken: reply.access_token, expiresAt: now() + reply.expires_in * 1000 };
  }

  const source: AssertionTokenSource = createAssertionTokenSource({ mint, now });
  return {
    async accessToken(ctx) {
      caller = ctx;
      return source.accessToken();
    },
    invalidate: (token) => source.invalidate(token),
  };
}
