/**
 * The gateway's subgraph transport: Apollo's RemoteGraphQLDataSource, plus the caller's identity
 * passed on to every subgraph request. A gateway sends subgraphs none of the client's headers by
 * default, so without this hrgraph would see every gateway request as anonymous.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';

/** The gateway's per-request context, built from the client's HTTP request. */
export interface CallerContext {
  /** The client's request headers (lower-case names). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /**
   * When present, each subgraph response's `extensions.upstream` (hrgraph's provider-call
   * summary, sent when `x-hrgraph-upstream: 1` is forwarded) is appended here: the gateway
   * drops subgraph extensions from its own response.
   */
  readonly upstream?: unknown[];
}

/**
 * `authorization` carries the caller's identity (hrgraph's coming bearer tokens scope the accounts
 * a caller may read by it); `x-hrgraph-upstream` asks hrgraph for its provider-call accounting.
 */
export const defaultForwardedHeaders: readonly string[] = ['authorization', 'x-hrgraph-upstream'];

export interface ForwardingDataSourceOptions {
  /** The subgraph's GraphQL endpoint. */
  url: string;
  /** Client headers copied onto each subgraph request. @default defaultForwardedHeaders */
  forwardedHeaders?: readonly string[];
  /** How requests are sent. @default Apollo's node-fetch based fetcher */
  fetcher?: RemoteGraphQLDataSource['fetcher'];
}

/** The caller's headers, narrowed to plain strings (Node gives arrays for repeated headers). */
export function callerHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): CallerContext['headers'] {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The gateway's context for one client request: its headers, and a place for hrgraph's
 * provider-call accounting, which upstream-extensions.ts hands back to the client.
 */
export function callerContext(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): CallerContext & { upstream: unknown[] } {
  return { headers: callerHeaders(headers), upstream: [] };
}

export function createForwardingDataSource(
  options: ForwardingDataSourceOptions,
): RemoteGraphQLDataSource<CallerContext> {
  const { url, forwardedHeaders = defaultForwardedHeaders, fetcher } = options;
  return new RemoteGraphQLDataSource<CallerContext>({
    url,
    ...(fetcher ? { fetcher } : {}),
    willSendRequest({ request, context }) {
      // Schema loading and health checks run outside any client request: no headers to pass.
      const headers = (context as Partial<CallerContext>).headers;
      if (!headers) return;
      for (const name of forwardedHeaders) {
        const value = headers[name];
        if (value !== undefined) request.http?.headers.set(name, value);
      }
    },
    didReceiveResponse({ response, context }) {
      const upstream = response.extensions?.upstream;
      if (upstream !== undefined) context.upstream?.push(upstream);
      return response;
    },
  });
}
