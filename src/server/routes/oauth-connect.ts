/**
 * The OAuth 2.0 authorization-code flow for BambooHR accounts in the store:
 *
 * - `GET /connect/bamboohr?account=ID` redirects the browser to the company's authorize.php with
 *   a signed, expiring state and the scopes hrgraph needs (always `offline_access`);
 * - `GET /oauth/callback` checks the state, exchanges the code (with the exact redirect URI),
 *   stores the tokens sealed, and shows a page that says it worked, or why not.
 *
 * Pages never show a code or a token; they name the account and what to do next.
 */
import type { AccountRuntime } from '../../accounts/account-runtime.js';
import type { AccountService } from '../../accounts/account-service.js';
import {
  bambooHrAuthorizeUrl,
  bambooHrTokenEndpoint,
  type OAuthApp,
} from '../../accounts/bamboohr-oauth.js';
import { OAuthGrantError } from '../../accounts/oauth-errors.js';
import { createOAuthStateSigner, type OAuthStateSigner } from '../../accounts/oauth-state.js';
import type { OAuthTokens } from '../../accounts/types.js';
import type { HttpClient } from '../../providers/http/index.js';
import { isAccountId } from '../../providers/ids.js';
import { htmlPage, type Route } from './route.js';

export interface OAuthRoutesOptions {
  readonly service: AccountService;
  readonly runtime: AccountRuntime;
  readonly http: HttpClient;
  /** hrgraph's BambooHR application; without it /connect explains how to set one up. */
  readonly app: OAuthApp | null;
  /**
   * Where browsers reach hrgraph: the redirect URI is `${publicUrl}/oauth/callback`, exactly as
   * registered with BambooHR. A function when it is known only once the server listens.
   */
  readonly publicUrl: string | (() => string);
  /** @default scopes from bamboohr-oauth.ts */
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
  malformed: 'The link back from BambooHR is incomplete.',
  forged: 'The link back from BambooHR was not started by this hrgraph in this browser.',
  'other-browser': 'This browser did not start the connection (its cookie is missing).',
  expired: 'The connection took too long and its link expired.',
} as const;

export function oauthConnectRoutes(options: OAuthRoutesOptions): Route {
  const { service, runtime, http, app, scopes, now = Date.now } = options;
  const publicUrl = () =>
    (typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl).replace(
      /\/+$/,
      '',
    );
  const redirectUri = () => `${publicUrl()}/oauth/callback`;
  const signer = options.signer ?? createOAuthStateSigner({ now });
  const secure = () => (publicUrl().startsWith('https:') ? '; Secure' : '');

  async function connect(url: URL): Promise<Response> {
    const id = url.searchParams.get('account') ?? '';
    const account = isAccountId(id) ? await service.get(id) : undefined;
    if (account?.provider !== 'bamboohr') {
      return htmlPage(404, 'No such account', [
        `There is no BambooHR account${isAccountId(id) ? ` "${id}"` : ''} in the store.`,
        'Add it first: hrgraph accounts add ID --company SUBDOMAIN --oauth',
      ]);
    }
    if (!app) {
      return htmlPage(503, 'OAuth is not set up', [
        'hrgraph has no BambooHR application to connect with.',
        'Set HRGRAPH_BAMBOOHR_CLIENT_ID and HRGRAPH_BAMBOOHR_CLIENT_SECRET and restart.',
      ]);
    }
    const { state, nonce } = signer.issue(account.id);
    const location = bambooHrAuthorizeUrl(account, {
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
    if (!checked.ok)
      return fail(400, stateProblems[checked.reason], 'Start again from /connect/bamboohr.');
    const id = checked.accountId;
    const error = url.searchParams.get('error');
    if (error) {
      return fail(
        400,
        `BambooHR did not authorise account ${id}: ${error === 'access_denied' ? 'access was denied' : error.slice(0, 64)}.`,
      );
    }
    const code = url.searchParams.get('code');
    const account = await service.get(id);
    if (!code || !account || !app) return fail(400, `Account ${id} cannot be connected now.`);
    let tokens: OAuthTokens;
    try {
      tokens = await bambooHrTokenEndpoint(account, { http, app, accountId: id, now }).exchangeCode(
        code,
        redirectUri(),
      );
    } catch (cause) {
      if (cause instanceof OAuthGrantError) {
        return fail(
          502,
          `BambooHR refused to exchange the code for account ${id} (${cause.code}).`,
          'Start again from /connect/bamboohr.',
        );
      }
      return fail(502, `BambooHR could not be reached to finish connecting account ${id}.`);
    }
    const connected = await runtime.connect(id, tokens);
    const lines = [`Account ${id} is connected to the BambooHR company "${account.company}".`];
    if (!tokens.refreshToken) {
      lines.push(
        'BambooHR gave no refresh token (offline_access was not granted): reconnect when the hour is up.',
      );
    }
    if (connected.status === 'DISABLED')
      lines.push('The account is disabled: enable it with hrgraph accounts update --enable.');
    else lines.push('You can close this page.');
    return htmlPage(200, 'Connected', lines, clear);
  }

  return function oauthRoute(request, url) {
    if (request.method !== 'GET') return null;
    if (url.pathname === '/connect/bamboohr') return connect(url);
    if (url.pathname === '/oauth/callback') return callback(request, url);
    return null;
  };
}
