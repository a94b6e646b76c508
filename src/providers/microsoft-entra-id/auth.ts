/**
 * How an Entra ID account proves itself: the client credentials grant of the Microsoft identity
 * platform (`POST {login}/{tenant}/oauth2/v2.0/token`, scope `https://graph.microsoft.com/.default`,
 * i.e. every application permission an admin consented to), with a client secret or the app's
 * certificate (a signed assertion naming the certificate by its SHA-256 thumbprint in `x5t#S256`;
 * the account's key id holds the thumbprint). Tokens are kept per adapter, minted once for concurrent callers, again
 * shortly before their hour runs out, and again when Graph refuses one early (a 401).
 */
import type { AccountCredentials, CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { HttpClient } from '../../http/index.js';
import {
  type AssertionTokenSource,
  createAssertionTokenSource,
  type MintedToken,
  signAssertion,
} from '../auth/assertion-grant.js';
import { shapes } from './shapes.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Entra accounts sign in as an app: with its certificate's key, or a client secret. */
export type EntraCredentials = Extract<
  AccountCredentials,
  { kind: 'serviceAccount' | 'clientSecret' }
>;

export interface EntraAuthOptions {
  readonly accountId: AccountId;
  /** `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`, or the sandbox's. */
  readonly tokenUrl: string;
  readonly credentials: EntraCredentials;
  readonly http: HttpClient;
  /** Clock for token expiry and assertion times. @default Date.now */
  readonly now?: () => number;
}

export interface EntraAuth {
  /** The `Authorization` value for one call. */
  authorization(ctx: CallContext): Promise<string>;
  /** Graph answered 401 to a call sent with `authorization`: forgets that token (one retry may pass). */
  rejected(authorization: string): void;
}

export function createEntraAuth(options: EntraAuthOptions): EntraAuth {
  const now = options.now ?? Date.now;
  // The token source's mint takes no arguments; the call that finds no live token lends its
  // context (signal, recorder, deadline) to the mint it starts. accessToken() calls mint()
  // synchronously, so this is read before any other caller can set it.
  let lender: CallContext | null = null;
  const source: AssertionTokenSource = createAssertionTokenSource({
    now,
    mint: () => mintToken({ ...options, now }, lender!),
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
    },
  };
}

/** The form that proves the app: its secret, or a signed assertion for a certificate key. */
async function clientProof(
  credentials: EntraCredentials,
  tokenUrl: string,
  now: () => number,
): Promise<Record<string, string>> {
  if (credentials.kind === 'clientSecret') return { client_secret: credentials.clientSecret };
  const { key } = credentials;
  const assertion = await signAssertion(
    key,
    { iss: key.clientId, sub: key.clientId, aud: tokenUrl },
    // Entra takes assertions of up to ten minutes' validity; five is plenty for one post.
    { now, lifetimeS: 300, keyIdHeader: 'x5t#S256' },
  );
  return { client_assertion_type: JWT_BEARER, client_assertion: assertion };
}

const clientIdOf = (credentials: EntraCredentials) =>
  credentials.kind === 'clientSecret' ? credentials.clientId : credentials.key.clientId;

async function mintToken(
  options: EntraAuthOptions & { readonly now: () => number },
  ctx: CallContext,
): Promise<MintedToken> {
  const { accountId, credentials, now } = options;
  const tokenUrl =
    (credentials.kind === 'serviceAccount' ? credentials.key.tokenUrl : null) ?? options.tokenUrl;
  const body = new URLSearchParams({
    client_id: clientIdOf(credentials),
    scope: GRAPH_SCOPE,
    grant_type: 'client_credentials',
    ...(await clientProof(credentials, tokenUrl, now)),
  });
  const operation = 'entra.token';
  const response = await options.http.request(
    {
      accountId,
      operation,
      method: 'POST',
      url: tokenUrl,
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      // A resent assertion reuses its jti, which Entra refuses as a replay; a secret may be resent.
      idempotent: credentials.kind === 'clientSecret',
    },
    ctx,
  );
  if (response.status !== 200) {
    const refusal = refusalOf(response.text);
    throw hrError(
      ErrorCode.UPSTREAM_AUTH_FAILED,
      `Entra ID refused a token for account ${accountId} (HTTP ${response.status}${refusal.error ? `: ${refusal.error}` : ''}${refusal.code ? `, ${refusal.code}` : ''})`,
      {
        accountId,
        operation,
        upstreamStatus: response.status,
        ...(refusal.code ? { aadstsCode: refusal.code } : {}),
      },
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

/**
 * The OAuth `error` (RFC 6749 §5.2) and Entra's AADSTS code, which name the problem without any
 * secret; the description's prose (which can quote the client id or tenant) is left out.
 */
export function refusalOf(text: string): { error: string | null; code: string | null } {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_codes?: unknown };
    const error =
      typeof body.error === 'string' && /^[a-z_]{1,40}$/.test(body.error) ? body.error : null;
    const first = Array.isArray(body.error_codes) ? body.error_codes[0] : undefined;
    const code = Number.isSafeInteger(first) ? `AADSTS${first}` : null;
    return { error, code };
  } catch {
    return { error: null, code: null };
  }
}
