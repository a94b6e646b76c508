/**
 * A Hive Gateway over hrgraph and the inventory (`@graphql-hive/gateway-runtime`, the gateway the
 * `hive-gateway` CLI and Docker image run), doing what create-gateway.ts does for Apollo Gateway:
 * the caller's identity forwarded to every subgraph, and hrgraph's provider-call accounting handed
 * back in the gateway response's `extensions.upstream`, in the same shape.
 *
 * It reports nothing to anyone: Hive Gateway sends usage reports only when `reporting` is
 * configured (a Hive or GraphOS token), and this leaves it out. The supergraph is a composed SDL,
 * so nothing is polled from a registry either.
 */

import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createGatewayRuntime, useCustomFetch } from '@graphql-hive/gateway-runtime';
import { defaultForwardedHeaders } from './forward-headers.js';
import { totalUpstream } from './upstream-extensions.js';

export interface HiveGatewayOptions {
  /** The supergraph SDL (compose.ts, `rover supergraph compose`, or a registry). */
  supergraph: string;
  /** Client headers copied onto each subgraph request. @default defaultForwardedHeaders */
  forwardedHeaders?: readonly string[];
  /** How subgraph requests are sent (tests route them in-process). @default the global fetch */
  fetch?: Parameters<typeof useCustomFetch>[0];
  /** Hive Gateway's logging. @default true */
  logging?: boolean;
}

/**
 * Sums the `extensions.upstream` of each hrgraph response a client request caused into the
 * gateway response, as upstream-extensions.ts does for Apollo Gateway (Hive Gateway, too, drops
 * subgraph extensions). Kept per request in a WeakMap on the request's context.
 */
function useUpstreamTotals(): GatewayPlugin {
  const collected = new WeakMap<object, unknown[]>();
  return {
    onSubgraphExecute({ executionRequest }) {
      const context = executionRequest.context as object | undefined;
      return function collectUpstream({ result }) {
        if (!context || Symbol.asyncIterator in result) return;
        const upstream = result.extensions?.upstream;
        if (upstream === undefined) return;
        const list = collected.get(context) ?? [];
        list.push(upstream);
        collected.set(context, list);
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const list = collected.get(args.contextValue as object);
          if (!list || Symbol.asyncIterator in result) return;
          setResult({
            ...result,
            extensions: { ...result.extensions, upstream: totalUpstream(list) },
          });
        },
      };
    },
  };
}

export function createHiveGateway(options: HiveGatewayOptions) {
  const { supergraph, forwardedHeaders = defaultForwardedHeaders, fetch, logging = true } = options;
  return createGatewayRuntime({
    supergraph,
    logging,
    propagateHeaders: {
      fromClientToSubgraphs({ request }) {
        const headers: Record<string, string> = {};
        for (const name of forwardedHeaders) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return headers;
      },
    },
    plugins: () => [...(fetch ? [useCustomFetch(fetch)] : []), useUpstreamTotals()],
  });
}
