/**
 * Hands hrgraph's provider-call accounting to the gateway's client. Apollo Gateway drops every
 * subgraph response's extensions, so forward-headers.ts collects hrgraph's `extensions.upstream`
 * into the request's context, and this Apollo Server plugin puts the total into the gateway
 * response's `extensions.upstream`, in hrgraph's own shape: a client reads `upstream.calls` the
 * same way whether it asks hrgraph or the gateway.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { CallerContext } from './forward-headers.js';

/** hrgraph's `extensions.upstream`, summed over the subgraph requests one client request made. */
export interface GatewayUpstream {
  /** Provider calls, retries and their summed time, as hrgraph counts them. */
  readonly calls: number;
  readonly retries: number;
  readonly durationMs: number;
  /** Every provider call, in the order hrgraph's responses arrived. */
  readonly entries: readonly unknown[];
  /** How many hrgraph requests the gateway made for this client request. */
  readonly requests: number;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Sums hrgraph summaries; a subgraph's reply is not trusted to have the shape it should. */
export function totalUpstream(summaries: readonly unknown[]): GatewayUpstream {
  const total = { calls: 0, retries: 0, durationMs: 0, entries: [] as unknown[], requests: 0 };
  for (const summary of summaries) {
    if (summary === null || typeof summary !== 'object') continue;
    const { calls, retries, durationMs, entries } = summary as Record<string, unknown>;
    total.calls += count(calls);
    total.retries += count(retries);
    total.durationMs += count(durationMs);
    if (Array.isArray(entries)) total.entries.push(...entries);
    total.requests += 1;
  }
  return total;
}

/** Adds `extensions.upstream` to a response when hrgraph reported any provider calls for it. */
export function upstreamExtensions(): ApolloServerPlugin<CallerContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const collected = contextValue.upstream ?? [];
          if (collected.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, upstream: totalUpstream(collected) };
        },
      };
    },
  };
}
