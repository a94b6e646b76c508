/**
 * The OAuth 2.0 authorization-code flow for accounts in the store, for every provider that
 * connects through one (BambooHR, Gusto):
 *
 * - `GET /connect/{provider}?account=ID` redirects the browser to the provider's authorize URL
 *   with a signed, expiring state and the scopes hrgraph needs;
 * - `GET /oauth/callback` checks the state, exchanges the code (with the exact redirect URI),
 *   stores the tokens sealed, and shows a page that says it worked, or why not.
 *
 * Pages never show a code or a token; they name the account and what to do next.
 */
import type { AccountRuntime, OAuthApps } from '../../accounts/account-runtime.js';
import type { AccountService } from '../../accounts/account-service.js';
import { createOAuthStateSigner, type OAuthStateSigner } from '../../accounts/oauth-state.js';
import { isAccountId, type ProviderName } from '../../core/ids.js';
import type { HttpClient } from '../../http/index.js';
import { OAuthGrantError, type OAuthTokens } from '../../providers/auth/oauth.js';
import { isProviderName, providerDefinition } from '../../providers/registry.js';
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
  /** @default Date.now */
  readonly now?: () => number;
}

const COOKIE = 'hrgraph_oauth';

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const stateProblems = {
  malformed: 'The link back from the provider is incomplete.',
  forged: 'The link back from the provider was not started by this hrgraph in this browser.',
  'other-browser': 'This browser did not start the connection (its cookie is missing).',
  expired: 'The connection took too long and its link expired.',
} as const;

export function oauthConnectRoutes(options: OAuthRoutesOptions): Route {
  const { service, runtime, http, apps, scopes, now = Date.now } = options;
  const publicUrl = () =>
    (typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl).replace(
      /\/+$/,
      '',
    );
  const redirectUri = () => `${publicUrl()}/oauth/callback`;
  const signer = options.signer ?? createOAuthStateSigner({ now });
  const secure = () => (publicUrl().startsWith('https:') ? '; Secure' : '');

  async function connect(provider: ProviderName, url: URL): Promise<Response> {
    const { label, oauth } = providerDefinition(provider);
    const id = url.searchParams.get('account') ?? '';
    const account = isAccountId(id) ? await service.get(id) : undefined;
    if (account?.provider !== provider || account.authKind !== 'oauth' || !oauth) {
      return htmlPage(404, 'No such account', [
        `There is no ${label} OAuth account${isAccountId(id) ? ` "${id}"` : ''} in the store.`,
        `Add it first: hrgraph accounts add ID --provider ${provider} --company … --oauth`,
      ]);
    }
    const app = apps[provider];
    if (!app) {
      const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
      return htmlPage(503, 'OAuth is not set up', [
        `hrgraph has no ${label} application to connect with.`,
        `Set ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET and restart.`,
      ]);
    }
    const { state, nonce } = signer.issue(account.id);
    const location = oauth.authorizeUrl(account, {
      clientId: app.clientId,
      redirectUri: redirectUri(),
      state,
      ...(scopes ? { scopes } : {}),
    });
    return new Response(null, {
      status: 302,
      headers: {
        location,
        'cache-control': 'no-store',
        'set-cookie': `${COOKIE}=${nonce}; Path=/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=600${secure()}`,
      },
    });
  }

  async function callback(request: Request, url: URL): Promise<Response> {
    const clear = {
      'set-cookie': `${COOKIE}=; Path=/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=0${secure()}`,
    };
    const fail = (status: number, ...why: string[]) =>
      htmlPage(status, 'Not connected', why, clear);
    const checked = signer.check(url.searchParams.get('state') ?? '', cookie(request, COOKIE));
    if (!checked.ok) return fail(400, stateProblems[checked.reason], 'Start again from /connect.');
    const id = checked.accountId;
    const account = await service.get(id);
    const { label, oauth } = account
      ? providerDefinition(account.provider)
      : { label: 'The provider', oauth: undefined };
    const again = `Start again from /connect/${account?.provider ?? ''}?account=${id}.`;
    const error = url.searchParams.get('error');
    if (error) {
      return fail(
        400,
        `${label} did not authorise account ${id}: ${error === 'access_denied' ? 'access was denied' : error.slice(0, 64)}.`,
      );
    }
    const code = url.searchParams.get('code');
    const app = account ? apps[account.provider] : undefined;
    if (!code || !account || !app || !oauth)
      return fail(400, `Account ${id} cannot be connected now.`);
    let tokens: OAuthTokens;
    try {
      tokens = await oauth
        .tokenEndpoint(account, { http, app, accountId: id, now })
        .exchangeCode(code, redirectUri());
    } catch (cause) {
      if (cause instanceof OAuthGrantError) {
        return fail(
          502,
          `${label} refused to exchange the code for account ${id} (${cause.code}).`,
          again,
        );
      }
      return fail(502, `${label} could not be reached to finish connecting account ${id}.`);
    }
    const connected = await runtime.connect(id, tokens);
    const lines = [`Account ${id} is connected to the ${label} company "${account.company}".`];
    if (!tokens.refreshToken) {
      lines.push(`${label} gave no refresh token: reconnect when the access token expires.`);
    }
    if (connected.status === 'DISABLED')
      lines.push('The account is disabled: enable it with hrgraph accounts update --enable.');
    else lines.push('You can close this page.');
    return htmlPage(200, 'Connected', lines, clear);
  }

  return function oauthRoute(request, url) {
    if (request.method !== 'GET') return null;
    const connectTo = /^\/connect\/([a-z-]+)$/.exec(url.pathname)?.[1];
    if (connectTo !== undefined && isProviderName(connectTo)) return connect(connectTo, url);
    if (url.pathname === '/oauth/callback') return callback(request, url);
    return null;
  };
}
