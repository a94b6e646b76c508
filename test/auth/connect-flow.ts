/**
 * A browser going through hrgraph's connect flow over real HTTP: a connect link (as
 * `hrgraph accounts connect-link` makes one) → /connect → the provider's authorize page → back
 * to /oauth/callback, each hop a real redirect, cookies carried by hand.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import type { AccountService } from '../../src/accounts/account-service.js';
import { createConnectLinks } from '../../src/accounts/connect-links.js';
import { accountId } from '../../src/core/ids.js';
import { localhostAwareLookup } from '../../src/http/localhost-lookup.js';

/** Resolves *.localhost like real browsers do; keeps nothing between calls but what a test carries. */
const browser = new Agent({ connect: { lookup: localhostAwareLookup } });

export const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { redirect: 'manual', dispatcher: browser, headers });

/** Serves `handler` (hrgraph's yoga) on an ephemeral loopback port. */
export async function serveHrgraph(handler: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface FlowOptions {
  /** Appended to the authorize URL (sandbox extras, or a person unticking scopes). */
  readonly authorizeExtra?: string;
  /** Rewrites the authorize URL before the browser opens it. */
  readonly authorize?: (url: URL) => URL;
  /** A link to use instead of a new one. */
  readonly link?: string;
}

/** How the browser reaches hrgraph: over HTTP by default, or in-process (`yoga.fetch`). */
export type HrgraphFetch = (
  url: string,
  headers?: Record<string, string>,
) => Promise<Pick<Response, 'status' | 'headers' | 'text'>>;

export function connectFlow(
  service: AccountService,
  origin: () => string,
  now: () => number,
  provider = 'bamboohr',
  hrgraph: HrgraphFetch = get,
) {
  const links = createConnectLinks(service.store, { now });

  async function linkFor(account: string): Promise<string> {
    const stored = await service.get(accountId(account));
    if (!stored) throw new Error(`no account ${account}`);
    return (await links.create(stored)).link;
  }

  /** /connect with a link → authorize → the URL the provider sends the browser back to. */
  async function start(account: string, options: FlowOptions = {}) {
    const link = options.link ?? (await linkFor(account));
    const start = await hrgraph(
      `${origin()}/connect/${provider}?account=${account}&link=${encodeURIComponent(link)}`,
    );
    const cookie = start.headers.get('set-cookie')?.split(';')[0];
    const location = start.headers.get('location');
    if (!location) return { start, cookie, back: '', authorize: null, approved: null };
    let authorize = new URL(`${location}${options.authorizeExtra ?? ''}`);
    if (options.authorize) authorize = options.authorize(authorize);
    const approved = await get(authorize.toString());
    const back = approved.headers.get('location') ?? '';
    return { start, cookie, authorize, approved, back };
  }

  /** The whole flow; the callback's response. */
  async function complete(account: string, options: FlowOptions = {}) {
    const { back, cookie } = await start(account, options);
    return hrgraph(back, cookie ? { cookie } : {});
  }

  return { linkFor, start, complete };
}
