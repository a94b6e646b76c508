/**
 * The federation scenario's supergraph: the example inventory subgraph (examples/inventory) and
 * the example Apollo Gateway (examples/gateway) in front of it and of hrgraph — once over hrgraph,
 * once over the hand-written server and once over the naive baseline, so all take the same path.
 * The hand-written server has no SDL of its own: it is composed with hrgraph's, whose `_entities`
 * request for the scenario's selection it answers. Subgraph requests to
 * hrgraph go over HTTP, as in a deployment; the inventory answers in-process. The gateway drops
 * subgraph extensions, so hrgraph's `extensions.upstream` (collected by the example's data
 * source) is put back on the gateway's response for the runner to count.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import { parse } from 'graphql';
import { createGateway } from '../../examples/gateway/create-gateway.js';
import { type CallerContext, callerHeaders } from '../../examples/gateway/forward-headers.js';
import { createInventoryServer } from '../../examples/inventory/create-server.js';
import { sampleDevices } from '../../examples/inventory/devices.js';
import type { UpstreamSummary } from '../../src/http/recorder.js';

export interface GatewaySpec {
  /** hrgraph's, the hand-written server's and the naive baseline's endpoints. */
  readonly subgraphs: {
    readonly hrgraph: string;
    readonly server: string;
    readonly naive: string | null;
  };
  /** hrgraph global IDs of the employees who hold a laptop, in inventory order. */
  readonly holderIds: readonly string[];
}

export interface GatewayEndpoints {
  /** The gateway over hrgraph. */
  readonly hrgraph: string;
  /** The gateway over the hand-written server. */
  readonly server: string;
  /** The gateway over the naive baseline, when there is one. */
  readonly naive: string | null;
  /** The inventory subgraph alone, for the hand-written script. */
  readonly inventory: string;
}

export interface LocalGateway extends GatewayEndpoints {
  close(): Promise<void>;
}

const INVENTORY_URL = 'http://inventory.internal/graphql';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function merged(summaries: readonly unknown[]): UpstreamSummary {
  const all = summaries as UpstreamSummary[];
  return {
    calls: all.reduce((n, s) => n + s.calls, 0),
    retries: all.reduce((n, s) => n + s.retries, 0),
    durationMs: all.reduce((n, s) => n + s.durationMs, 0),
    entries: all.flatMap((s) => s.entries),
  };
}

export async function startLocalGateway(spec: GatewaySpec): Promise<LocalGateway> {
  const inventory = createInventoryServer({
    devices: sampleDevices(spec.holderIds),
    logging: false,
  });
  const fetcher = async function routeSubgraph(url: string, init?: RequestInit) {
    return url === INVENTORY_URL ? inventory.fetch(new Request(url, init)) : fetch(url, init);
  } as unknown as RemoteGraphQLDataSource['fetcher'];
  const sdlOf = async (url: string) => {
    const response = await (fetcher as unknown as typeof fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    return ((await response.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
  };
  const inventoryTypeDefs = parse(await sdlOf(INVENTORY_URL));
  const hrgraphTypeDefs = parse(await sdlOf(spec.subgraphs.hrgraph));

  async function gatewayOver(url: string) {
    const composition = composeServices([
      { name: 'hrgraph', url, typeDefs: hrgraphTypeDefs },
      { name: 'inventory', url: INVENTORY_URL, typeDefs: inventoryTypeDefs },
    ]);
    if (composition.errors) throw new AggregateError(composition.errors, 'composition failed');
    const gateway = createGateway({ supergraph: composition.supergraphSdl, fetcher });
    await gateway.start();
    return gateway;
  }
  const gateways = {
    hrgraph: await gatewayOver(spec.subgraphs.hrgraph),
    server: await gatewayOver(spec.subgraphs.server),
    naive: spec.subgraphs.naive ? await gatewayOver(spec.subgraphs.naive) : null,
  };

  const front = createServer(async function serveGateway(req, res) {
    const gateway = req.url?.startsWith('/naive')
      ? gateways.naive
      : req.url?.startsWith('/server')
        ? gateways.server
        : gateways.hrgraph;
    if (!gateway) {
      res.writeHead(404).end();
      return;
    }
    const context: CallerContext & { upstream: unknown[] } = {
      headers: callerHeaders(req.headers),
      upstream: [],
    };
    const response = await gateway.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: JSON.parse(await readBody(req)),
      },
      context: async () => context,
    });
    const text = response.body.kind === 'complete' ? response.body.string : '{}';
    const body = JSON.parse(text) as { extensions?: Record<string, unknown> };
    body.extensions = { ...body.extensions, upstream: merged(context.upstream) };
    res.writeHead(response.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  front.keepAliveTimeout = 60_000;
  const inventoryHttp = createServer(inventory);
  const [frontUrl, inventoryUrl] = await Promise.all([listen(front), listen(inventoryHttp)]);
  return {
    hrgraph: `${frontUrl}/hrgraph`,
    server: `${frontUrl}/server`,
    naive: gateways.naive ? `${frontUrl}/naive` : null,
    inventory: `${inventoryUrl}/graphql`,
    async close() {
      for (const server of [front, inventoryHttp]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await Promise.all([gateways.hrgraph.stop(), gateways.server.stop(), gateways.naive?.stop()]);
    },
  };
}
