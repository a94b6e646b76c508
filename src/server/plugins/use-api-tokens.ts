/**
 * Who may ask: every GraphQL request carries `Authorization: Bearer hrg_…`, and reads only the
 * accounts its token is scoped to. A request without a valid token is answered 401 before any
 * parsing or provider call. The scope is kept per request (a WeakMap on the Request), where the
 * context factory picks it up to build the request's loaders over those accounts only.
 *
 * GraphiQL's page itself (a GET asking for HTML) is served without a token: it holds no data,
 * and its requests carry the token the person enters in its headers tab.
 */
import type { Plugin } from 'graphql-yoga';
import type { AccountId } from '../../core/ids.js';

export interface ApiTokenPluginOptions {
  /** The accounts a bearer token may read, or null when it is not a valid token. */
  verify(token: string): Promise<readonly AccountId[] | null>;
  /** @default '/graphql' */
  graphqlEndpoint?: string;
}

export interface ApiTokenScopes {
  readonly plugin: Plugin;
  /** The accounts the request's token may read (undefined: the request was not checked). */
  scopeOf(request: Request): ReadonlySet<AccountId> | undefined;
}

function unauthenticated(message: string): Response {
  return new Response(
    JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }),
    {
      status: 401,
      headers: {
        'content-type': 'application/graphql-response+json; charset=utf-8',
        'www-authenticate': 'Bearer realm="hrgraph"',
        'cache-control': 'no-store',
      },
    },
  );
}

export function useApiTokens(options: ApiTokenPluginOptions): ApiTokenScopes {
  const { verify, graphqlEndpoint = '/graphql' } = options;
  const scopes = new WeakMap<Request, ReadonlySet<AccountId>>();
  const plugin: Plugin = {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlEndpoint) return;
      const isGraphiQLPage =
        request.method === 'GET' &&
        (request.headers.get('accept') ?? '').includes('text/html') &&
        !url.searchParams.has('query');
      if (isGraphiQLPage) return;
      const header = request.headers.get('authorization') ?? '';
      const [scheme, token] = header.split(/\s+/, 2);
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        endResponse(
          unauthenticated('An API token is required: send Authorization: Bearer <token>.'),
        );
        return;
      }
      const accounts = await verify(token);
      // The same answer for unknown, malformed and revoked tokens: nothing to learn by probing.
      if (!accounts) {
        endResponse(unauthenticated('The API token is not valid.'));
        return;
      }
      scopes.set(request, new Set(accounts));
    },
  };
  return { plugin, scopeOf: (request) => scopes.get(request) };
}
