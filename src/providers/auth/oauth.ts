/**
 * The OAuth 2.0 authorization-code flow as providers offer it (BambooHR, Gusto): what a provider
 * describes about its flow, what its token endpoint hands back, and one token request through the
 * shared http client. The accounts layer drives the flow; providers only say where and how.
 */
import { discardRecorder, type HttpClient } from '../../http/index.js';

/** What the provider issued to an OAuth connection. */
export interface OAuthTokens {
  readonly accessToken: string;
  /** Null when the grant gave none (BambooHR without `offline_access`): re-connect at expiry. */
  readonly refreshToken: string | null;
  /** Epoch ms when the access token stops working. */
  readonly expiresAt: number;
  readonly scopes: readonly string[];
}

/** hrgraph's registration as an application with the provider. */
export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** RFC 6749 §5.2 error codes a token endpoint answers with. */
export class OAuthGrantError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`the token endpoint refused the grant: ${code} (${status})`);
    this.name = 'OAuthGrantError';
  }
}

/** Which customer a flow is for: the provider's name for it, and where to call instead. */
export interface OAuthTarget {
  readonly company: string;
  readonly baseUrl?: string | null;
}

/** A code exchanged: the tokens, and whom the token response says they cover. */
export interface ExchangedCode {
  readonly tokens: OAuthTokens;
  /** The company the token response names, where the provider says (BambooHR's `companyDomain`). */
  readonly company: string | null;
}

/** Whom a new grant covers, as the provider tells it: checked before the grant is stored. */
export interface GrantIdentity {
  /** The provider's name for the company (as an account's `company`); null when it did not say. */
  readonly company: string | null;
  readonly scopes: readonly string[];
}

export interface TokenEndpoint {
  exchangeCode(code: string, redirectUri: string): Promise<ExchangedCode>;
  /** Spends `previous.refreshToken`: providers that rotate never accept it twice. */
  refresh(previous: OAuthTokens & { refreshToken: string }): Promise<OAuthTokens>;
}

export interface TokenEndpointOptions {
  readonly http: HttpClient;
  readonly app: OAuthApp;
  /** Names the calls in the http client's per-account limits. */
  readonly accountId: string;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 15_000 */
  readonly timeoutMs?: number;
}

/** A provider's authorization-code flow. */
export interface OAuthFlow {
  /** What hrgraph asks for when none are named. */
  readonly scopes: readonly string[];
  /** What a grant must hold for hrgraph to work: a narrower one is refused, never stored. */
  readonly requiredScopes: readonly string[];
  /**
   * Which company and scopes a grant just made covers: from the token response, or from one
   * cheap call with the new token. Throws when the provider will not say.
   */
  identify(
    exchanged: ExchangedCode,
    target: OAuthTarget,
    options: TokenEndpointOptions,
  ): Promise<GrantIdentity>;
  authorizeUrl(
    target: OAuthTarget,
    params: {
      readonly clientId: string;
      readonly redirectUri: string;
      readonly state: string;
      readonly scopes?: readonly string[];
    },
  ): string;
  tokenEndpoint(target: OAuthTarget, options: TokenEndpointOptions): TokenEndpoint;
}

interface TokenResponse {
  [field: string]: unknown;
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  error?: unknown;
}

export interface TokenRequest {
  readonly url: string;
  /** Names the call in the recorder and the limiter: `gusto.token.refresh_token`. */
  readonly operation: string;
  /** The grant's parameters; the client's id and secret are added (in the body, never the URL). */
  readonly form: Readonly<Record<string, string>>;
  /** Lifetime to assume when the provider states none, in seconds. */
  readonly defaultExpiresIn: number;
  /** The response field naming the company the grant covers, where the provider has one. */
  readonly companyField?: string;
}

/**
 * The token endpoint of a standard authorization-code flow (RFC 6749 §4.1.3 and §6): codes and
 * refresh tokens posted form-encoded to one URL. `provider` names the calls (`gusto.token.…`).
 */
export function authorizationCodeEndpoint(
  endpoint: {
    readonly url: string;
    readonly provider: string;
    readonly defaultExpiresIn: number;
    readonly companyField?: string;
  },
  options: TokenEndpointOptions,
): TokenEndpoint {
  function post(form: Record<string, string>, previous: OAuthTokens | null) {
    const { provider, ...request } = endpoint;
    const operation = `${provider}.token.${form.grant_type}`;
    return requestTokens({ ...request, operation, form }, options, previous);
  }
  return {
    exchangeCode: (code, redirectUri) =>
      post({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, null),
    refresh: async (previous) =>
      (await post({ grant_type: 'refresh_token', refresh_token: previous.refreshToken }, previous))
        .tokens,
  };
}

/**
 * One form-encoded token request. Never retried: a token request spends a code or (with rotation)
 * a refresh token, so sending it twice could only fail.
 */
export async function requestTokens(
  request: TokenRequest,
  options: TokenEndpointOptions,
  previous: OAuthTokens | null,
): Promise<ExchangedCode> {
  const { http, app, accountId, now = Date.now, timeoutMs = 15_000 } = options;
  const started = now();
  const response = await http.request(
    {
      accountId: `${accountId}:oauth`,
      operation: request.operation,
      method: 'POST',
      url: request.url,
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        ...request.form,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }).toString(),
      idempotent: false,
    },
    { signal: AbortSignal.timeout(timeoutMs), recorder: discardRecorder },
  );
  let body: TokenResponse = {};
  try {
    body = response.json<TokenResponse>();
  } catch {
    // A non-JSON answer is judged by its status alone.
  }
  if (response.status !== 200 || typeof body.access_token !== 'string') {
    const code = typeof body.error === 'string' ? body.error : 'invalid_response';
    throw new OAuthGrantError(code, response.status);
  }
  const expiresIn =
    typeof body.expires_in === 'number' ? body.expires_in : request.defaultExpiresIn;
  const scopes =
    typeof body.scope === 'string'
      ? body.scope.split(/[\s+]+/).filter(Boolean)
      : (previous?.scopes ?? []);
  const company = request.companyField ? body[request.companyField] : undefined;
  return {
    tokens: {
      accessToken: body.access_token,
      // Without rotation the provider sends no new refresh token: the old one stays good.
      refreshToken:
        typeof body.refresh_token === 'string'
          ? body.refresh_token
          : (previous?.refreshToken ?? null),
      expiresAt: started + expiresIn * 1000,
      scopes,
    },
    company: typeof company === 'string' && company !== '' ? company : null,
  };
}
