/**
 * Every HTTP request hrgraph answers passes through one table, and is denied unless a route in it
 * names the request's exact path and method and says who may call it:
 *
 * - an unknown path is a 404, whatever the method: `/graphql/`, `//graphql`, `/%67raphql`,
 *   `/GraphQL`, `/graphql;x` and `/x/graphql` are unknown paths, not GraphQL (the URL parser
 *   resolves `.` and `..` segments first, and the comparison is exact on what it leaves);
 * - a known path asked with another method is a 405 naming the methods it has, and OPTIONS is
 *   the CORS preflight's 204 (it carries no credential, so it can run nothing);
 * - a `token` route runs only after the request's API token is checked, with the token's scope.
 *
 * GraphQL is one `token` route: no other path reaches the executor, so no path variant can skip
 * the token check. Routes that carry their own credential (the OAuth connect flow: an admin link,
 * a signed state) are `self`: they check it themselves, and are offered a request only when no
 * route of the table has its path, so none can shadow `/graphql`.
 */
import { Response } from '@whatwg-node/server';
import type { AccountId } from '../../core/ids.js';
import type { Route } from './route.js';

/** The accounts a request may read: a token's, or every account where no tokens are asked for. */
export type Scope = ReadonlySet<AccountId> | 'every';

/** The token check's verdict: the token's scope, or the 401 to answer instead. */
export type Verdict = { readonly scope: Scope } | { readonly refusal: Response };

export type Authenticate = (request: Request) => Promise<Verdict>;

interface RouteBase {
  /** Names the route in tests and in a 405's `Allow`. */
  readonly name: string;
  /** The exact pathname, as the WHATWG URL parser leaves it (no other spelling matches). */
  readonly path: string;
  /** The methods it serves; HEAD is served only where listed. */
  readonly methods: readonly string[];
  /** Narrows the route within its path and methods (GraphiQL: a browser asking for a page). */
  readonly when?: (request: Request) => boolean;
}

/** Holds no data: the health check, the GraphiQL page, the home page. */
export interface PublicRoute extends RouteBase {
  readonly access: 'public';
  handle(request: Request, url: URL): Response | Promise<Response>;
}

/** Needs one of hrgraph's API tokens, when the server asks for them. */
export interface TokenRoute extends RouteBase {
  readonly access: 'token';
  handle(request: Request, url: URL, scope: Scope): Response | Promise<Response>;
}

export type TableRoute = PublicRoute | TokenRoute;

export interface RouterOptions {
  readonly table: readonly TableRoute[];
  /** Routes that check their own credential, offered what the table has no path for. @default [] */
  readonly selfGoverned?: readonly Route[];
  /**
   * Checks a request's API token. Without it no token is asked for and token routes read every
   * account (demo mode, tests).
   */
  readonly authenticate?: Authenticate;
  /** Told of an error a route threw; the client gets a bare 500. @default nothing */
  readonly onError?: (error: unknown) => void;
}

/** A short plain-text answer nobody may cache. */
export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

export function createRouter(options: RouterOptions) {
  const { table, selfGoverned = [], authenticate, onError = () => {} } = options;
  async function routeRequest(request: Request, url: URL): Promise<Response> {
    const onPath = table.filter((route) => route.path === url.pathname);
    if (onPath.length === 0) {
      for (const route of selfGoverned) {
        const response = await route(request, url);
        if (response) return response;
      }
      return text(404, 'Not found. hrgraph answers GraphQL at /graphql.\n');
    }
    const allow = [...new Set(onPath.flatMap((route) => route.methods)), 'OPTIONS'].join(', ');
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: { allow, 'content-length': '0' } });
    }
    const route = onPath.find(
      (candidate) =>
        candidate.methods.includes(request.method) && (candidate.when?.(request) ?? true),
    );
    if (!route) return text(405, `${request.method} is not served here.\n`, { allow });
    if (route.access === 'public') return route.handle(request, url);
    if (!authenticate) return route.handle(request, url, 'every');
    const verdict = await authenticate(request);
    return 'refusal' in verdict ? verdict.refusal : route.handle(request, url, verdict.scope);
  }
  return async function guardedRouteRequest(request: Request): Promise<Response> {
    let url: URL;
    try {
      // An absolute-form target whose Host has a port (`POST http://x/graphql` with
      // `Host: h:4000`) makes a URL the server adapter never checked.
      url = new URL(request.url);
    } catch {
      return text(400, 'The request target is not a path.\n');
    }
    try {
      return await routeRequest(request, url);
    } catch (error) {
      // The server adapter would answer with the error's stack.
      onError(error);
      return text(500, 'Unexpected error.\n');
    }
  };
}
