/**
 * `GET /oauth/callback`: where the provider sends the browser back. Nothing is stored until the
 * new grant is proven to be the one the account needs: the state is hrgraph's, from this
 * browser, and not used before; the account is still the record the flow was started for; the
 * code exchanges; the grant covers the account's company and every scope hrgraph needs. Until
 * then the account keeps the grant it has, and keeps working with it.
 *
 * Pages never show a code or a token; they name the account and what to do next.
 */
import type { AccountRuntime, OAuthApps } from '../../accounts/account-runtime.js';
import type { AccountService } from '../../accounts/account-service.js';
import type { ConnectLinks } from '../../accounts/connect-links.js';
import type { OAuthStateSigner } from '../../accounts/oauth-state.js';
import type { HttpClient } from '../../http/index.js';
import {
  type ExchangedCode,
  type GrantIdentity,
  OAuthGrantError,
} from '../../providers/auth/oauth.js';
import { providerDefinition } from '../../providers/registry.js';
import { htmlPage } from './route.js';

/** Carries the nonce that ties a flow to the browser that started it. */
export const COOKIE = 'hrgraph_oauth';

export interface OAuthCallbackOptions {
  readonly service: AccountService;
  readonly runtime: AccountRuntime;
  readonly http: HttpClient;
  readonly apps: OAuthApps;
  readonly publicUrl: () => string;
  readonly signer: OAuthStateSigner;
  readonly links: ConnectLinks;
  /** `; Secure` when hrgraph is reached over https. */
  readonly secure: () => string;
  readonly now: () => number;
}

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

const keeps = 'Nothing was stored: the account keeps the connection it had.';
const again = (id: string) => `Start again with a new link: hrgraph accounts connect-link ${id}`;

export function oauthCallback(options: OAuthCallbackOptions) {
  const { service, runtime, http, apps, signer, links, now } = options;

  return async function callback(request: Request, url: URL): Promise<Response> {
    const clear = {
      'set-cookie': `${COOKIE}=; Path=/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=0${options.secure()}`,
    };
    const fail = (status: number, ...why: string[]) =>
      htmlPage(status, 'Not connected', why, clear);
    const checked = signer.check(url.searchParams.get('state') ?? '', cookie(request, COOKIE));
    if (!checked.ok)
      return fail(400, stateProblems[checked.reason], 'Start again from a connect link.');
    const id = checked.accountId;
    // Ended here, once: a replayed callback is refused before any code is exchanged.
    const flow = await links.finishFlow(checked.flowId);
    if (!flow) return fail(400, 'This link back from the provider was already used.', keeps);
    const account = await service.get(flow.accountId);
    if (account?.recordId !== flow.recordId) {
      return fail(
        400,
        `Account ${id} was removed or replaced since this connection started.`,
        keeps,
      );
    }
    const { label, oauth } = providerDefinition(account.provider);
    const error = url.searchParams.get('error');
    if (error) {
      const why = error === 'access_denied' ? 'access was denied' : error.slice(0, 64);
      return fail(400, `${label} did not authorise account ${id}: ${why}.`, keeps);
    }
    const code = url.searchParams.get('code');
    const app = apps[account.provider];
    if (!code || !app || !oauth) return fail(400, `Account ${id} cannot be connected now.`, keeps);
    const endpointOptions = { http, app, accountId: id, now };
    let exchanged: ExchangedCode;
    let identity: GrantIdentity;
    try {
      exchanged = await oauth
        .tokenEndpoint(account, endpointOptions)
        .exchangeCode(code, `${options.publicUrl()}/oauth/callback`);
    } catch (cause) {
      if (cause instanceof OAuthGrantError) {
        return fail(
          502,
          `${label} refused to exchange the code for account ${id} (${cause.code}).`,
          again(id),
        );
      }
      return fail(502, `${label} could not be reached to finish connecting account ${id}.`, keeps);
    }
    try {
      identity = await oauth.identify(exchanged, account, endpointOptions);
    } catch {
      return fail(
        502,
        `${label} did not say which company the new grant for account ${id} covers.`,
        keeps,
      );
    }
    if (identity.company?.toLowerCase() !== account.company.toLowerCase()) {
      return fail(
        403,
        `${label} granted access to ${identity.company ? `the company "${identity.company}"` : 'an unnamed company'}, but account ${id} is for "${account.company}".`,
        keeps,
        'Sign in to the right company and start again.',
      );
    }
    const missing = oauth.requiredScopes.filter((scope) => !identity.scopes.includes(scope));
    if (missing.length > 0) {
      return fail(
        403,
        `${label} granted account ${id} fewer scopes than hrgraph needs (missing: ${missing.join(', ')}).`,
        keeps,
        'Approve every requested scope and start again.',
      );
    }
    let connected: Awaited<ReturnType<AccountRuntime['connect']>>;
    try {
      const tokens = { ...exchanged.tokens, scopes: identity.scopes };
      connected = await runtime.connect(account.id, tokens, flow.recordId);
    } catch {
      return fail(409, `Account ${id} changed while connecting.`, keeps, again(id));
    }
    const lines = [`Account ${id} is connected to the ${label} company "${account.company}".`];
    if (!exchanged.tokens.refreshToken) {
      lines.push(`${label} gave no refresh token: reconnect when the access token expires.`);
    }
    if (connected.status === 'DISABLED')
      lines.push('The account is disabled: enable it with hrgraph accounts update --enable.');
    else lines.push('You can close this page.');
    return htmlPage(200, 'Connected', lines, clear);
  };
}
