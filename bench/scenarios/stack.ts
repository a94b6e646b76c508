/**
 * Everything one scenario runs against: a sandbox company, hrgraph, the hand-written server, the
 * naive baseline (the same server as hrgraph over per-object loaders) and the hand-written
 * script's API client, started together and closed together.
 */

import type { HandEndpointName } from '../baselines/hand-server/server.js';
import { createHandApi, type HandApi } from '../baselines/hand-written/api.js';
import type { GraphHandle, SandboxHandle } from '../hosts/hosts.js';
import type { SandboxSpec } from '../hosts/sandbox-host.js';
import { createGraphQLClient, type GraphQLClient } from '../measure/graphql-client.js';
import type { PerProfile, ScenarioContext } from './types.js';

export interface Stack {
  readonly sandbox: SandboxHandle;
  readonly hrgraph: GraphQLClient;
  readonly hrgraphServer: GraphHandle;
  /** The hand-written server's endpoint for the scenario. */
  readonly server: GraphQLClient;
  readonly handServer: GraphHandle;
  readonly naive: GraphQLClient | null;
  readonly naiveServer: GraphHandle | null;
  readonly script: HandApi;
  /** How long to warm up before measuring (see `alternate`). */
  readonly warmupMs: number;
}

const warmupMs: PerProfile<number> = { full: 5_000, quick: 2_000, tiny: 0 };

export interface StackOptions {
  /** The hand-written server's endpoint the scenario asks. */
  readonly endpoint: HandEndpointName;
  /** Start the naive baseline too. @default true */
  readonly naive?: boolean;
  /** Connections from the load generator to each GraphQL server. @default 64 */
  readonly connections?: number;
}

export async function withStack<T>(
  ctx: ScenarioContext,
  company: Omit<SandboxSpec, 'latencyMs' | 'jitterMs'>,
  options: StackOptions,
  use: (stack: Stack) => Promise<T>,
): Promise<T> {
  const { endpoint, naive = true, connections = 64 } = options;
  const spec: SandboxSpec = {
    ...company,
    latencyMs: ctx.options.latencyMs,
    jitterMs: ctx.options.jitterMs,
  };
  const sandbox = await ctx.hosts.sandbox(spec);
  const [hrgraphServer, handServer, naiveServer] = await Promise.all([
    ctx.hosts.graph('hrgraph', sandbox),
    ctx.hosts.graph('server', sandbox),
    naive ? ctx.hosts.graph('naive', sandbox) : Promise.resolve(null),
  ]);
  const stack: Stack = {
    sandbox,
    hrgraphServer,
    handServer,
    naiveServer,
    hrgraph: createGraphQLClient(hrgraphServer.url, { connections }),
    server: createGraphQLClient(`${handServer.url}/${endpoint}`, { connections }),
    naive: naiveServer && createGraphQLClient(naiveServer.url, { connections }),
    script: createHandApi({ baseUrl: sandbox.baseUrl, accessToken: sandbox.accessToken }),
    warmupMs: warmupMs[ctx.options.profile],
  };
  try {
    return await use(stack);
  } finally {
    await Promise.all([
      stack.hrgraph.close(),
      stack.server.close(),
      stack.naive?.close(),
      stack.script.close(),
    ]);
    await Promise.all([hrgraphServer.close(), handServer.close(), naiveServer?.close()]);
    await sandbox.close();
  }
}
