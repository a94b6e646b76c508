/**
 * hrgraph (or the naive baseline: the same schema and server over per-object loaders) served
 * over node:http on an ephemeral loopback port, connected to the sandbox company twice, as the
 * tests connect it: `acme` by API key and `acme-oauth` by OAuth.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountId, providerName } from '../../src/core/ids.js';
import { createHttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import {
  type BambooHrCredentials,
  createBambooHrClient,
} from '../../src/providers/bamboohr/client.js';
import { createAdapter } from '../../src/providers/registry.js';
import { createHrGraphServer, type LoadersFactory } from '../../src/server/create-server.js';
import { HAND_CONNECTIONS } from '../baselines/hand-written/api.js';
import { createNaiveLoaders } from '../baselines/naive-loaders.js';
import { BENCH_CURSOR_KEY } from './hand-host.js';
import type { SandboxEndpoint } from './sandbox-host.js';

export interface LocalGraphServer {
  /** `http://127.0.0.1:PORT/graphql`; the hand-written server's endpoints lie under its `…/PORT`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The http client's limits as the benchmark runs them. The sandbox has no rate limit and the
 * hand-written script keeps no budget, so hrgraph's per-account budget (50 calls a second on
 * average, there to spare a real BambooHR account) is lifted and its calls in flight per account
 * match the script's connection pool; otherwise the concurrent scenario would measure a policy,
 * not software. The naive baseline queues thousands of calls, so its queue is unbounded too.
 */
export const benchHttpOptions: HttpClientOptions = {
  accountLimits: { maxConcurrent: HAND_CONNECTIONS, budget: null, maxQueued: 10_000_000 },
};

/** The naive baseline's wide page takes over a minute of calls; hrgraph's take well under one. */
const REQUEST_TIMEOUT_MS = 15 * 60_000;

export async function startLocalGraphServer(
  kind: 'hrgraph' | 'naive',
  sandbox: SandboxEndpoint,
): Promise<LocalGraphServer> {
  const http = createHttpClient(benchHttpOptions);
  const token = sandbox.accessToken;
  const accounts: { id: string; credentials: BambooHrCredentials }[] = [
    { id: 'acme', credentials: { kind: 'apiKey', apiKey: sandbox.apiKey } },
    { id: 'acme-oauth', credentials: { kind: 'oauth', accessToken: async () => token } },
  ];
  const naive = accounts.map(({ id, credentials }) => {
    const client = createBambooHrClient({
      accountId: accountId(id),
      companyDomain: 'acme',
      baseUrl: sandbox.baseUrl,
      credentials,
      http,
    });
    const adapter = createAdapter(
      {
        id: accountId(id),
        provider: providerName('bamboohr'),
        company: 'acme',
        baseUrl: sandbox.baseUrl,
        credentials,
      },
      { http },
    );
    return { adapter, client };
  });
  const loaders: LoadersFactory =
    kind === 'hrgraph' ? createLoaders : (init) => createNaiveLoaders(naive, init);
  const yoga = createHrGraphServer({
    adapters: naive.map((a) => a.adapter),
    createLoaders: loaders,
    cursorKey: BENCH_CURSOR_KEY,
    development: false,
    graphiql: false,
    logging: false,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  const server = createServer(yoga);
  // Keep-alive from the load generator must outlive the pauses between alternating runs.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await http.close();
    },
  };
}
