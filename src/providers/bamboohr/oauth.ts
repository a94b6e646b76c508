/**
 * BambooHR's OAuth 2.0 authorization-code flow (reference §1.3): the authorize URL on the company
 * host, and the token endpoint for codes and refresh tokens (form-encoded, as the official SDK
 * sends them). Its token response names the company (`companyDomain`) and the granted scopes, so
 * a new grant is checked with no further call.
 */
import {
  authorizationCodeEndpoint,
  type OAuthFlow,
  type OAuthTarget,
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

/** What a grant must hold: everything asked for but `openid` (hrgraph reads no ID token). */
export const BAMBOOHR_REQUIRED_SCOPES: readonly string[] = BAMBOOHR_SCOPES.filter(
  (scope) => scope !== 'openid',
);

export function companyHost(target: OAuthTarget): string {
  return (target.baseUrl ?? `https://${target.company}.bamboohr.com`).replace(/\/+$/, '');
}

function tokenEndpoint(target: OAuthTarget, options: TokenEndpointOptions) {
  return authorizationCodeEndpoint(
    {
      url: `${companyHost(target)}/token.php?request=token`,
      provider: 'bamboohr',
      defaultExpiresIn: 3600,
      // The token response names the company the user approved for (reference §1.3).
      companyField: 'companyDomain',
    },
    options,
  );
}

export const bambooHrOAuth: OAuthFlow = {
  scopes: BAMBOOHR_SCOPES,
  requiredScopes: BAMBOOHR_REQUIRED_SCOPES,
  identify: async ({ tokens, company }) => ({ company, scopes: tokens.scopes }),
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
