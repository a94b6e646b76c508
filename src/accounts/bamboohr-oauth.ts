/**
 * BambooHR's OAuth 2.0 authorization-code flow (reference §1.3): the authorize URL on the company
 * host, and the token endpoint for codes and refresh tokens (form-encoded, as the official SDK
 * sends them). Calls go through the shared http client, never retried: a token request spends a
 * code or (with rotation) a refresh token, so sending it twice could only fail.
 */
import { discardRecorder, type HttpClient } from '../providers/http/index.js';
import { OAuthGrantError } from './oauth-errors.js';
import type { OAuthTokens } from './types.js';

/** hrgraph's registration as a BambooHR application (Developer Portal). */
export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What hrgraph reads; `offline_access` is what makes a refresh token (and a lasting connection). */
export const BAMBOOHR_SCOPES: readonly string[] = [
  'openid',
  'offline_access',
  'employee',
  'employee_directory',
  'field',
  'report',
  'time_off',
  'company:info',
];

export interface BambooHrOAuthTarget {
  readonly company: string;
  /** @default `https://${company}.bamboohr.com` */
  readonly baseUrl?: string | null;
}

export function companyHost(target: BambooHrOAuthTarget): string {
  return (target.baseUrl ?? `https://${target.company}.bamboohr.com`).replace(/\/+$/, '');
}

export function bambooHrAuthorizeUrl(
  target: BambooHrOAuthTarget,
  params: { clientId: string; redirectUri: string; state: string; scopes?: readonly string[] },
): string {
  const scopes = new Set(params.scopes ?? BAMBOOHR_SCOPES);
  scopes.add('offline_access');
  const url = new URL(`${companyHost(target)}/authorize.php`);
  url.searchParams.set('request', 'authorize');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('scope', [...scopes].join(' '));
  url.searchParams.set('state', params.state);
  return url.toString();
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  error?: unknown;
}

export interface BambooHrTokenEndpointOptions {
  readonly http: HttpClient;
  readonly app: OAuthApp;
  /** Names the calls in the http client's per-account limits. */
  readonly accountId: string;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 15_000 */
  readonly timeoutMs?: number;
}

export function bambooHrTokenEndpoint(
  target: BambooHrOAuthTarget,
  options: BambooHrTokenEndpointOptions,
) {
  const { http, app, accountId, now = Date.now, timeoutMs = 15_000 } = options;

  async function post(
    form: Record<string, string>,
    previous: OAuthTokens | null,
  ): Promise<OAuthTokens> {
    const started = now();
    const response = await http.request(
      {
        accountId: `${accountId}:oauth`,
        operation: `bamboohr.token.${form.grant_type}`,
        method: 'POST',
        url: `${companyHost(target)}/token.php?request=token`,
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          ...form,
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
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    const scopes =
      typeof body.scope === 'string'
        ? body.scope.split(/[\s+]+/).filter(Boolean)
        : (previous?.scopes ?? []);
    return {
      accessToken: body.access_token,
      // Without rotation the provider sends no new refresh token: the old one stays good.
      refreshToken:
        typeof body.refresh_token === 'string'
          ? body.refresh_token
          : (previous?.refreshToken ?? null),
      expiresAt: started + expiresIn * 1000,
      scopes,
    };
  }

  return {
    exchangeCode: (code: string, redirectUri: string) =>
      post({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, null),
    refresh: (previous: OAuthTokens & { refreshToken: string }) =>
      post({ grant_type: 'refresh_token', refresh_token: previous.refreshToken }, previous),
  };
}
