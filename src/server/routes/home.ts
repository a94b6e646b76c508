/**
 * `/`: a small public page that points to `/graphql`, instead of an empty 404 for whoever opens
 * hrgraph's address in a browser. It holds nothing about the server's accounts or data.
 */
import { Response } from '@whatwg-node/server';
import type { PublicRoute } from './route-table.js';

export interface HomeRouteOptions {
  /** Where GraphQL is served. @default '/graphql' */
  readonly graphqlPath?: string;
  /** Whether a browser gets GraphiQL there. @default true */
  readonly graphiql?: boolean;
}

export function homeRoute(options: HomeRouteOptions = {}): PublicRoute {
  const { graphqlPath = '/graphql', graphiql = true } = options;
  const where = graphiql
    ? `<a href="${graphqlPath}">${graphqlPath}</a> (GraphiQL in a browser)`
    : `<code>${graphqlPath}</code>`;
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hrgraph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style>
</head><body><h1>hrgraph</h1>
<p>GraphQL is served at ${where}. Requests need an API token (<code>Authorization: Bearer …</code>) unless hrgraph runs in demo mode.</p>
</body></html>
`;
  return {
    name: 'home',
    access: 'public',
    path: '/',
    methods: ['GET', 'HEAD'],
    handle: () =>
      new Response(body, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'public, max-age=3600',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'referrer-policy': 'no-referrer',
        },
      }),
  };
}
