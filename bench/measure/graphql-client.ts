/**
 * How the load generator speaks to hrgraph, the naive baseline and the hand-written server: a
 * GraphQL POST over a kept-alive undici pool, asking for `extensions.upstream` (the provider
 * calls the request made).
 */
import { Agent, request } from 'undici';
import type { UpstreamSummary } from '../../src/http/recorder.js';
import type { CallSpan } from './critical-path.js';

export interface GraphQLClientOptions {
  /** Connections to the server; the concurrent scenario needs one per client. @default 64 */
  readonly connections?: number;
}

export interface GraphQLReply<T> {
  readonly data: T;
  readonly upstream: UpstreamSummary;
}

export interface GraphQLClient {
  query<T>(
    document: string,
    variables?: Record<string, unknown>,
    options?: { readonly signal?: AbortSignal },
  ): Promise<GraphQLReply<T>>;
  /** Requests sent so far: what a server's CPU time is divided by. */
  requests(): number;
  close(): Promise<void>;
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
}

export function createGraphQLClient(
  url: string,
  { connections = 64 }: GraphQLClientOptions = {},
): GraphQLClient {
  const dispatcher = new Agent({ connections, keepAliveTimeout: 60_000 });
  let sent = 0;
  return {
    async query<T>(
      document: string,
      variables: Record<string, unknown> = {},
      options: { readonly signal?: AbortSignal } = {},
    ) {
      sent++;
      const response = await request(url, {
        method: 'POST',
        dispatcher,
        signal: options.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          'x-hrgraph-upstream': '1',
        },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.body.json()) as {
        data?: T;
        errors?: { message: string; path?: unknown[] }[];
        extensions?: { upstream?: UpstreamSummary };
      };
      if (body.errors?.length || !body.data) {
        const first = body.errors?.[0];
        throw new GraphQLRequestError(
          `GraphQL ${response.statusCode}: ${first?.message ?? 'no data'} at ${JSON.stringify(first?.path ?? [])}`,
        );
      }
      const upstream = body.extensions?.upstream ?? {
        calls: 0,
        retries: 0,
        durationMs: 0,
        entries: [],
      };
      return { data: body.data, upstream };
    },
    requests: () => sent,
    close: () => dispatcher.close(),
  };
}

/** The provider calls of a reply as time spans, for the critical path. */
export function spansOf(upstream: UpstreamSummary): CallSpan[] {
  return upstream.entries.map((entry) => {
    const start = entry.startedAtMs ?? 0;
    return { start, end: start + entry.durationMs };
  });
}
