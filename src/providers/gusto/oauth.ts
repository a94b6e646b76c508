/**
 * Gusto's OAuth 2.0 authorization-code flow (reference §3): the authorize URL and the token
 * endpoint on the API host. Access tokens live two hours; each refresh hands out a new refresh
 * token and spends the old one (single use), so the account layer stores the new pair before
 * using it. A token covers one company. Gusto sets an application's scopes in its developer
 * portal, so the authorize URL names none, and a new grant is checked with `GET /v1/token_info`
 * (which company, which scopes) before it is stored.
 */

import { accountId as toAccountId } from '../../core/ids.js';
import { discardRecorder } from '../../http/index.js';
import {
  authorizationCodeEndpoint,
  type ExchangedCode,
  type GrantIdentity,
  type OAuthFlow,
  type OAuthTarget,
  type TokenEndpointOptions,
} from '../auth/oauth.js';
import { createGustoClient, GUSTO_BASE_URL } from './client.js';
import { shapes } from './shapes.js';

/** What hrgraph reads; informational, since Gusto grants the scopes set in its portal. */
export const GUSTO_SCOPES: readonly string[] = [
  'companies:read',
  'employees:read',
  'jobs:read',
  'compensations:read',
  'employments:read',
  'departments:read',
  'time_off_policies:read',
];

/** Docs: "access tokens expire 2 hours after they are issued". */
const ACCESS_TOKEN_SECONDS = 7200;

export function gustoHost(target: OAuthTarget): string {
  return (target.baseUrl ?? GUSTO_BASE_URL).replace(/\/+$/, '');
}

function tokenEndpoint(target: OAuthTarget, options: TokenEndpointOptions) {
  return authorizationCodeEndpoint(
    {
      url: `${gustoHost(target)}/oauth/token`,
      provider: 'gusto',
      defaultExpiresIn: ACCESS_TOKEN_SECONDS,
    },
    options,
  );
}

interface TokenInfo {
  readonly scope: string;
  readonly resource: { readonly type: string; readonly uuid: string };
}

/** `GET /v1/token_info` with the new token: the company it covers and the scopes it holds. */
async function identify(
  { tokens }: ExchangedCode,
  target: OAuthTarget,
  options: TokenEndpointOptions,
): Promise<GrantIdentity> {
  const client = createGustoClient({
    accountId: toAccountId(options.accountId),
    baseUrl: gustoHost(target),
    accessToken: async () => tokens.accessToken,
    http: options.http,
  });
  const { body } = await client.get<TokenInfo>(
    'gusto.tokenInfo',
    '/v1/token_info',
    { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), recorder: discardRecorder },
    { shape: shapes.tokenInfo },
  );
  return {
    company: body.resource.type === 'Company' ? body.resource.uuid : null,
    scopes: body.scope.split(/\s+/).filter(Boolean),
  };
}

export const gustoOAuth: OAuthFlow = {
  scopes: GUSTO_SCOPES,
  requiredScopes: GUSTO_SCOPES,
  identify,
  authorizeUrl(target, params) {
    const url = new URL(`${gustoHost(target)}/oauth/authorize`);
    url.searchParams.set('client_id', params.clientId);
    url.searchParams.set('redirect_uri', params.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', params.state);
    return url.toString();
  },
  tokenEndpoint,
};
