/**
 * Everything one scenario runs against: a sandbox company, hrgraph, the naive baseline (the same
 * server over per-object loaders) and the hand-written baseline's API client, started together
 * and closed together.
 */

import { createHandApi, type HandApi } from '../baselines/hand-written/api.js';
import type { GraphHandle, SandboxHandle } from '../hosts/hosts.js';
import type { SandboxSpec } from '../hosts/sandbox-host.js';
import { createGraphQLClient, type GraphQLClient } from '../measure/graphql-client.js';
import type { PerProfile, ScenarioContext } from './types.js';

export interface Stack {
  readonly sandbox: SandboxHandle;
  readonly hrgraph: GraphQLClient;
  readonly hrgraphServer: GraphHandle;
  readonly naive: GraphQLClient | null;
  readonly naiveServer: GraphHandle | null;
  readonly hand: HandApi;
  /** How long to warm up before measuring (see `alternate`). */
  readonly warmupMs: number;
}

const warmupMs: PerProfile<number> = { full: 5_000, quick: 2_000, tiny: 0 };

export interface StackOptions {
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
  const { naive = true, connections = 64 } = options;
  const spec: SandboxSpec = {
    ...company,
    latencyMs: ctx.options.latencyMs,
    jitterMs: ctx.options.jitterMs,
  };
  const sandbox = await ctx.hosts.sandbox(spec);
  const [hrgraphServer, naiveServer] = await Promise.all([
    ctx.hosts.graph('hrgraph', sandbox),
    naive ? ctx.hosts.graph('naive', sandbox) : Promise.resolve(null),
  ]);
  const stack: Stack = {
    sandbox,
    hrgraphServer,
    naiveServer,
    hrgraph: createGraphQLClient(hrgraphServer.url, { connections }),
    naive: naiveServer && createGraphQLClient(naiveServer.url, { connections }),
    hand: createHandApi({ baseUrl: sandbox.baseUrl, accessToken: sandbox.accessToken }),
    warmupMs: warmupMs[ctx.options.profile],
  };
  try {
    return await use(stack);
  } finally {
    await Promise.all([stack.hrgraph.close(), stack.naive?.close(), stack.hand.close()]);
    await Promise.all([hrgraphServer.close(), naiveServer?.close()]);
    await sandbox.close();
  }
}
