/**
 * An Apollo Gateway over hrgraph and the inventory, hosted by Apollo Server, forwarding the
 * caller's identity to every subgraph (forward-headers.ts) and handing hrgraph's provider-call
 * accounting back to the caller (upstream-extensions.ts).
 */
import { ApolloGateway, type SupergraphManager } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  type CallerContext,
  createForwardingDataSource,
  type ForwardingDataSourceOptions,
} from './forward-headers.js';
import { upstreamExtensions } from './upstream-extensions.js';

export interface GatewayOptions {
  /**
   * The supergraph: a composed SDL (from `composeServices`, `rover supergraph compose` or a
   * registry), or a manager such as `IntrospectAndCompose` that composes at start-up.
   */
  supergraph: string | SupergraphManager;
  /** Client headers copied onto each subgraph request. @default defaultForwardedHeaders */
  forwardedHeaders?: ForwardingDataSourceOptions['forwardedHeaders'];
  /** How subgraph requests are sent. @default Apollo's node-fetch based fetcher */
  fetcher?: ForwardingDataSourceOptions['fetcher'];
}

/**
 * Apollo Gateway sends usage telemetry to Apollo and, to describe where it runs, probes the AWS,
 * GCP, Azure and Alibaba cloud metadata servers each time a gateway is constructed, unless
 * `APOLLO_TELEMETRY_DISABLED` is set. This example never reports to a third party without being
 * asked: it sets the variable to `true` when you have not set it yourself. To send Apollo that
 * telemetry, start the gateway with `APOLLO_TELEMETRY_DISABLED=false`.
 */
function disableApolloTelemetryUnlessAskedFor(): void {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
}

/** Not started: call `start()` (or hand it to `startStandaloneServer`). */
export function createGateway(options: GatewayOptions): ApolloServer<CallerContext> {
  const { supergraph, forwardedHeaders, fetcher } = options;
  disableApolloTelemetryUnlessAskedFor();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ url }) =>
      createForwardingDataSource({
        url: url ?? '',
        ...(forwardedHeaders ? { forwardedHeaders } : {}),
        ...(fetcher ? { fetcher } : {}),
      }),
  });
  return new ApolloServer<CallerContext>({ gateway, plugins: [upstreamExtensions()] });
}
