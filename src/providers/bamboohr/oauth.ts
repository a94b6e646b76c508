/**
 * BambooHR's OAuth 2.0 authorization-code flow (reference §1.3): the authorize URL on the company
 * host, and the token endpoint for codes and refresh tokens (form-encoded, as the official SDK
 * sends them).
 */
import {
  type OAuthFlow,
  type OAuthTarget,
  type OAuthTokens,
  requestTokens,
  type TokenEndpointOptions,
} from '../auth/oauth.js';

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

export function companyHost(target: OAuthTarget): string {
  return (target.baseUrl ?? `https://${target.company}.bamboohr.com`).replace(/\/+$/, '');
}

function tokenEndpoint(target: OAuthTarget, options: TokenEndpointOptions) {
  const url = `${companyHost(target)}/token.php?request=token`;
  function post(form: Record<string, string>, previous: OAuthTokens | null) {
    const operation = `bamboohr.token.${form.grant_type}`;
    return requestTokens({ url, operation, form, defaultExpiresIn: 3600 }, options, previous);
  }
  return {
    exchangeCode: (code: string, redirectUri: string) =>
      post({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, null),
    refresh: (previous: OAuthTokens & { refreshToken: string }) =>
      post({ grant_type: 'refresh_token', refresh_token: previous.refreshToken }, previous),
  };
}

export const bambooHrOAuth: OAuthFlow = {
  scopes: BAMBOOHR_SCOPES,
  authorizeUrl(target, params) {
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
  },
  tokenEndpoint,
};
