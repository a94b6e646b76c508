/**
 * A whole supergraph in one process: the BambooHR sandbox, hrgraph over it (real adapters and
 * loaders), the example inventory subgraph holding devices of the sandbox's first employees
 * (imported from hrgraph the way examples/inventory/main.ts does), both
 * composed with @apollo/composition from their own `_service { sdl }`, and one of the example
 * gateways in front: Apollo Gateway (create-gateway.ts) or Hive Gateway (create-hive-gateway.ts).
 * Subgraph requests go to the yoga instances through the gateway's fetch (no ports); every one is
 * recorded with the headers it arrived with, and hrgraph's replies with their provider-call
 * accounting.
 */
import { composeServices } from '@apollo/composition';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import { parse } from 'graphql';
import { exampleEndpoints } from '../../../examples/common/endpoints.js';
import { createGateway } from '../../../examples/gateway/create-gateway.js';
import { createHiveGateway } from '../../../examples/gateway/create-hive-gateway.js';
import type { CallerContext } from '../../../examples/gateway/forward-headers.js';
import { createInventoryServer } from '../../../examples/inventory/create-server.js';
import { type Device, sampleDevices } from '../../../examples/inventory/devices.js';
import { importHolders } from '../../../examples/inventory/import-holders.js';
import type { ProviderAdapter } from '../../../src/core/contract/index.js';
import { accountId, remoteId } from '../../../src/core/ids.js';
import { createLoaders } from '../../../src/loaders/index.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import { createHrGraphServer } from '../../../src/server/create-server.js';
import { type BambooHrFixture, startBambooHr } from '../../support/bamboohr.js';

export const hrgraphUrl = 'http://hrgraph.test/graphql';
export const inventoryUrl = 'http://inventory.test/graphql';

/** One request a subgraph received from the gateway. */
export interface SubgraphRequest {
  readonly subgraph: 'hrgraph' | 'inventory';
  readonly headers: Readonly<Record<string, string>>;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface FederatedGraphOptions {
  /** People in the sandbox company. @default 250 */
  size?: number;
  /** How many of them (from the first, account `acme`) hold a laptop. @default 200 */
  holders?: number;
  /** Custom fields in the sandbox company. @default 150 */
  customFieldCount?: number;
  /** The gateway in front. @default 'apollo' */
  gateway?: GatewayKind;
}

/** The example gateways the federation tests run through, each with the same expectations. */
export const gatewayKinds = ['apollo', 'hive'] as const;
export type GatewayKind = (typeof gatewayKinds)[number];

/** How a test names a gateway. */
export const gatewayNames: Record<GatewayKind, string> = {
  apollo: '@apollo/gateway',
  hive: '@graphql-hive/gateway-runtime',
};

/**
 * Two people after the laptop holders, registered through account `acme-oauth` (as if picked in
 * the directory through that account): each holds a monitor.
 */
const foreignHolderCount = 2;

/** hrgraph as the example inventory's import finds it. */
export const hrgraphEndpoint = exampleEndpoints({ HRGRAPH_URL: hrgraphUrl }).hrgraph;

export function hrgraphFor(adapters: readonly ProviderAdapter[]) {
  return createHrGraphServer({
    adapters,
    createLoaders,
    cursorKey: Buffer.from('fed-cursor-key-fed-cursor-key-!!'),
    development: false,
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
  });
}

/** hrgraph's global ID of a sandbox person, by default in account `acme`. */
export const employeeId = (id: number | string, account = 'acme') =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(String(id)) });

async function post<T>(
  fetchFn: (url: string, init: RequestInit) => Promise<Response> | Response,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLBody<T>> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody<T>;
}

export async function startFederatedGraph(options: FederatedGraphOptions = {}) {
  const { size = 250, holders = 200, customFieldCount = 150, gateway: kind = 'apollo' } = options;
  const bamboo: BambooHrFixture = await startBambooHr({
    company: { size, customFieldCount, seed: 7 },
  });
  const everything = hrgraphFor([bamboo.apiKey, bamboo.oauth]);
  // Stand-in for the later bearer-token issue: the token the gateway forwards picks the
  // accounts the caller may read. hrgraph itself only ever sees its adapters.
  const scoped = new Map([['Bearer acme-only', hrgraphFor([bamboo.apiKey])]]);
  // The inventory imports everyone from hrgraph, as examples/inventory/main.ts does; the first
  // `holders` of them get laptops.
  const imported = await importHolders(hrgraphEndpoint, {
    fetch: async (url, init) => everything.fetch(url, init),
  });
  const holderIds = imported.holderIds.slice(0, holders);
  const foreignHolderIds = bamboo.sandbox.company.data.people
    .slice(holders, holders + foreignHolderCount)
    .map((p) => employeeId(p.id, 'acme-oauth'));
  const foreignDevices = foreignHolderIds.map(
    (holderId, i): Device => ({
      serial: `MO-F${i}`,
      kind: 'MONITOR',
      model: 'LG 27UP850',
      assignedOn: '2026-01-01',
      holderId,
    }),
  );
  const inventory = createInventoryServer({
    devices: [...sampleDevices(holderIds), ...foreignDevices],
    sameAs: imported.sameAs,
    logging: false,
  });

  const requests: SubgraphRequest[] = [];
  /** hrgraph's `extensions.upstream` in each of its replies that carried one, in order. */
  const upstreams: unknown[] = [];
  const inProcessFetch = async function inProcessFetch(url: string, init?: RequestInit) {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = JSON.parse(String(init?.body ?? '{}')) as SubgraphRequest;
    const subgraph = url === hrgraphUrl ? 'hrgraph' : 'inventory';
    requests.push({ subgraph, headers, query: body.query, variables: body.variables ?? {} });
    const request = new Request(url, init);
    if (subgraph === 'inventory') return inventory.fetch(request);
    const response = await (scoped.get(headers.authorization ?? '') ?? everything).fetch(request);
    const reply = (await response.clone().json()) as GraphQLBody<unknown>;
    if (reply.extensions?.upstream !== undefined) upstreams.push(reply.extensions.upstream);
    return response;
  };
  const fetcher = inProcessFetch as unknown as RemoteGraphQLDataSource['fetcher'];

  const sdl = async (fetchFn: typeof everything.fetch, url: string) =>
    (await post<{ _service: { sdl: string } }>(fetchFn, url, '{ _service { sdl } }')).data!._service
      .sdl;
  const subgraphs = [
    { name: 'hrgraph', url: hrgraphUrl, typeDefs: parse(await sdl(everything.fetch, hrgraphUrl)) },
    {
      name: 'inventory',
      url: inventoryUrl,
      typeDefs: parse(await sdl(inventory.fetch, inventoryUrl)),
    },
  ];
  const composition = composeServices(subgraphs);
  if (composition.errors) throw new AggregateError(composition.errors, 'composition failed');
  const sendToGateway =
    kind === 'apollo'
      ? await apolloGateway(composition.supergraphSdl, fetcher)
      : hiveGateway(composition.supergraphSdl, inProcessFetch);

  /**
   * Sends a client request to the gateway: its response, and the provider-call accounting hrgraph
   * put in each of its replies to the gateway for it (one per hrgraph request).
   */
  async function query<T = Record<string, unknown>>(
    document: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    const before = upstreams.length;
    const body = (await sendToGateway.send(document, variables, headers)) as GraphQLBody<T>;
    return { body, upstream: upstreams.slice(before) };
  }

  return {
    bamboo,
    composition,
    subgraphs,
    /** Holders of a laptop, account `acme`, in inventory order. */
    holderIds,
    /** What the inventory's import found: everyone, and their IDs in other accounts. */
    imported,
    /** Holders of one monitor each, through account `acme-oauth`. */
    foreignHolderIds,
    requests,
    query,
    /** Straight to hrgraph (all accounts), bypassing the gateway. */
    hrgraph: <T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>) =>
      post<T>(everything.fetch, hrgraphUrl, document, variables, { 'x-hrgraph-upstream': '1' }),
    async close() {
      await sendToGateway.stop();
      await bamboo.close();
    },
  };
}

interface InProcessGateway {
  send(
    document: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<unknown>;
  stop(): Promise<void>;
}

/** The example Apollo Gateway, hosted by Apollo Server, asked in-process. */
async function apolloGateway(
  supergraph: string,
  fetcher: RemoteGraphQLDataSource['fetcher'],
): Promise<InProcessGateway> {
  const gateway = createGateway({ supergraph, fetcher });
  await gateway.start();
  async function send(
    document: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ) {
    const context: CallerContext & { upstream: unknown[] } = {
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      upstream: [],
    };
    const response = await gateway.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap(
          Object.entries({ 'content-type': 'application/json', ...context.headers }) as [
            string,
            string,
          ][],
        ),
        search: '',
        body: { query: document, variables },
      },
      context: async () => context,
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete response');
    return JSON.parse(response.body.string) as unknown;
  }
  return { send, stop: () => gateway.stop() };
}

/** The example Hive Gateway, asked through its fetch (a WHATWG server, like yoga). */
function hiveGateway(
  supergraph: string,
  fetch: (url: string, init?: RequestInit) => Promise<Response>,
): InProcessGateway {
  const gateway = createHiveGateway({ supergraph, fetch, logging: false });
  async function send(
    document: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ) {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as unknown;
  }
  return {
    send,
    async stop() {
      await gateway.dispose();
    },
  };
}

export type FederatedGraph = Awaited<ReturnType<typeof startFederatedGraph>>;
