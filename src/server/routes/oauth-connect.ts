/**
 * The OAuth 2.0 authorization-code flow for accounts in the store, for every provider that
 * connects through one (BambooHR, Gusto). Connecting replaces an account's grant for every
 * caller, so it takes an administrative credential:
 *
 * - `GET /connect/{provider}?account=ID&link=hrc_…` with a connect link made by
 *   `hrgraph accounts connect-link ID` (single-use, short-lived), or with
 *   `Authorization: Bearer` an API token with the admin scope, redirects the browser to the
 *   provider's authorize URL with a signed, expiring, single-use state;
 * - `POST /connect/{provider}?account=ID` with an admin token answers a new connect link, for a
 *   person to open in their browser;
 * - `GET /oauth/callback` finishes the flow (oauth-callback.ts).
 *
 * Without a valid credential every account, existing or not, gets the same 401: /connect tells
 * nobody which accounts exist. Pages never show a code, a token or a link.
 */
import type { AccountRuntime, OAuthApps } from '../../accounts/account-runtime.js';
import type { AccountService } from '../../accounts/account-service.js';
import { createApiTokens } from '../../accounts/api-tokens.js';
import { type ConnectLinks, connectUrl, createConnectLinks } from '../../accounts/connect-links.js';
import { createOAuthStateSigner, type OAuthStateSigner } from '../../accounts/oauth-state.js';
import { isAccountId, type ProviderName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { isProviderName, providerDefinition } from '../../providers/registry.js';
import { COOKIE, oauthCallback } from './oauth-callback.js';
import { htmlPage, type Route } from './route.js';

export interface OAuthRoutesOptions {
  readonly service: AccountService;
  readonly runtime: AccountRuntime;
  readonly http: HttpClient;
  /** hrgraph's application per provider; without one /connect explains how to set it up. */
  readonly apps: OAuthApps;
  /**
   * Where browsers reach hrgraph: the redirect URI is `${publicUrl}/oauth/callback`, exactly as
   * registered with the provider. A function when it is known only once the server listens.
   */
  readonly publicUrl: string | (() => string);
  /** @default each provider's own (its OAuthFlow's `scopes`) */
  readonly scopes?: readonly string[];
  /** @default a signer with a random key and ten-minute states */
  readonly signer?: OAuthStateSigner;
  /** Connect links and flows in progress. @default kept in the service's store */
  readonly links?: ConnectLinks;
  /** Whether a bearer token carries the admin scope. @default hrgraph's API tokens in the store */
  readonly isAdmin?: (bearer: string) => Promise<boolean>;
  /** @default Date.now */
  readonly now?: () => number;
}

function bearerOf(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;
}

/** The one answer to a missing or invalid credential, whatever the account: no oracle. */
function notAllowed(): Response {
  return htmlPage(
    401,
    'Not allowed',
    [
      'Connecting an account takes a connect link or an admin token.',
      'Create a link with: hrgraph accounts connect-link ID (it works once, within 15 minutes).',
    ],
    { 'www-authenticate': 'Bearer realm="hrgraph"' },
  );
}

export function oauthConnectRoutes(options: OAuthRoutesOptions): Route {
  const { service, apps, scopes, now = Date.now } = options;
  const publicUrl = () =>
    (typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl).replace(
      /\/+$/,
      '',
    );
  const signer = options.signer ?? createOAuthStateSigner({ now });
  const links = options.links ?? createConnectLinks(service.store, { now });
  const isAdmin = options.isAdmin ?? createApiTokens(service.store, { now }).isAdmin;
  const secure = () => (publicUrl().startsWith('https:') ? '; Secure' : '');
  const callback = oauthCallback({ ...options, publicUrl, signer, links, secure, now });

  async function connect(provider: ProviderName, request: Request, url: URL): Promise<Response> {
    const { label, oauth } = providerDefinition(provider);
    const app = apps[provider];
    if (!app || !oauth) {
      const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
      return htmlPage(503, 'OAuth is not set up', [
        `hrgraph has no ${label} application to connect with.`,
        `Set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET and restart.`,
      ]);
    }
    const id = url.searchParams.get('account') ?? '';
    const found = isAccountId(id) ? await service.get(id) : undefined;
    const account = found?.provider === provider && found.authKind === 'oauth' ? found : undefined;
    const bearer = bearerOf(request);
    const admin = bearer !== null && (await isAdmin(bearer));
    if (!admin) {
      const link = url.searchParams.get('link');
      // Only an admin makes links. A link is spent only on the account it was made for;
      // anything else is the same 401.
      if (request.method === 'POST' || !link) return notAllowed();
      if (!(await links.redeem(link, account)) || !account) return notAllowed();
    }
    if (!account) {
      return htmlPage(404, 'No such account', [
        `There is no ${label} OAuth account${isAccountId(id) ? ` "${id}"` : ''} in the store.`,
        `Add it first: hrgraph accounts add ID --provider ${provider} --company … --oauth`,
      ]);
    }
    if (request.method === 'POST') {
      const { link, expiresAt } = await links.create(account);
      return Response.json(
        {
          url: connectUrl(publicUrl(), account, link),
          expiresAt: new Date(expiresAt).toISOString(),
        },
        { headers: { 'cache-control': 'no-store' } },
      );
    }
    const { state, nonce } = signer.issue(account.id, await links.beginFlow(account));
    const location = oauth.authorizeUrl(account, {
      clientId: app.clientId,
      redirectUri: `${publicUrl()}/oauth/callback`,
      state,
      ...(scopes ? { scopes } : {}),
    });
    return new Response(null, {
      status: 302,
      headers: {
        location,
        'cache-control': 'no-store',
        // The link is in this page's URL: it must not travel on as a Referer.
        'referrer-policy': 'no-referrer',
        'set-cookie': `${COOKIE}=${nonce}; Path=/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=600${secure()}`,
      },
    });
  }

  return function oauthRoute(request, url) {
    const connectTo = /^\/connect\/([a-z-]+)$/.exec(url.pathname)?.[1];
    if (connectTo !== undefined && isProviderName(connectTo)) {
      if (request.method === 'GET' || request.method === 'POST') {
        return connect(connectTo, request, url);
      }
      return null;
    }
    if (url.pathname === '/oauth/callback' && request.method === 'GET') {
      return callback(request, url);
    }
    return null;
  };
}
