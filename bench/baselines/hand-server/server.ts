/**
 * The hand-written server: what a team would write instead of hrgraph, and the baseline hrgraph's
 * overhead is measured against. A plain node:http server with an endpoint per scenario, each
 * taking the same POST hrgraph takes (`{query, variables}`; the query is not read), making the
 * script's calls through undici, and answering the same JSON hrgraph answers — the same `data`,
 * byte for byte — so it pays what hrgraph must pay and the script does not: building the
 * response, serialising it and sending it over HTTP.
 *
 * Like hrgraph, it reports the BambooHR calls a request made in `extensions.upstream` when asked
 * with `x-hrgraph-upstream: 1`, so the runner counts both alike.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  directoryFields,
  nestedManagerFields,
  nestedPageFields,
  standardFields,
  walkFields,
} from '../../scenarios/fields.js';
import { createHandApi } from '../hand-written/api.js';
import { entitiesEndpoint, nodesEndpoint } from './endpoints/by-id.js';
import type { Endpoint } from './endpoints/endpoint.js';
import { nestedEndpoint } from './endpoints/nested.js';
import { pagesEndpoint } from './endpoints/pages.js';
import { wideEndpoint } from './endpoints/wide.js';
import { errorAnswer, HandInputError } from './errors.js';
import { createHandMetadata } from './metadata.js';

/** The endpoints, one per query shape; the scenarios name them. */
export const handEndpoints = {
  directory: pagesEndpoint(directoryFields),
  walk: pagesEndpoint(walkFields),
  wide: wideEndpoint(standardFields),
  nested: nestedEndpoint(nestedPageFields, nestedManagerFields),
  lookups: nodesEndpoint(directoryFields),
  entities: entitiesEndpoint(directoryFields),
} satisfies Readonly<Record<string, Endpoint>>;

export type HandEndpointName = keyof typeof handEndpoints;

export interface HandServerOptions {
  /** `http://acme.localhost:PORT`: the BambooHR company. */
  readonly baseUrl: string;
  /** An OAuth token of the company: the list call takes no API key. */
  readonly accessToken: string;
  /** The account as hrgraph names it, which its IDs and cursors carry. */
  readonly account: string;
  /** The key hrgraph signs cursors with, so either accepts the other's. */
  readonly cursorKey: Uint8Array;
}

export interface HandServer {
  /** `http://127.0.0.1:PORT`; an endpoint is `${url}/${name}`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Requests are ids and names, never megabytes: more is refused before it is buffered. */
const MAX_BODY_BYTES = 1_000_000;

async function readJson(req: IncomingMessage): Promise<{ variables?: unknown }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HandInputError('The request body is too large.');
    parts.push(part as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
    if (body && typeof body === 'object') return body;
  } catch {
    // answered below, as any body that is not a JSON object
  }
  throw new HandInputError('The request body must be a JSON object.');
}

export async function startHandServer(options: HandServerOptions): Promise<HandServer> {
  const api = createHandApi({ baseUrl: options.baseUrl, accessToken: options.accessToken });
  const metadata = createHandMetadata();
  const endpoints: ReadonlyMap<string, Endpoint> = new Map(
    Object.entries(handEndpoints).map(([name, endpoint]) => [`/${name}`, endpoint]),
  );

  const server = createServer(async function answer(req, res) {
    const endpoint = req.method === 'POST' ? endpoints.get(req.url ?? '') : undefined;
    if (!endpoint) {
      res.writeHead(404).end();
      return;
    }
    const calls = api.apart();
    let status = 200;
    let text: string;
    try {
      const { variables = {} } = await readJson(req);
      if (!variables || typeof variables !== 'object')
        throw new HandInputError('`variables` must be an object.');
      const data = await endpoint(variables as Record<string, unknown>, {
        api: calls,
        account: options.account,
        cursorKey: options.cursorKey,
        metadata,
      });
      const upstream = req.headers['x-hrgraph-upstream'] === '1' ? upstreamOf(calls) : undefined;
      text = JSON.stringify(upstream ? { data, extensions: { upstream } } : { data });
    } catch (error) {
      ({ status, body: text } = errorAnswer(error));
    }
    res.writeHead(status, {
      'content-type': 'application/graphql-response+json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  });
  // Keep-alive from the load generator must outlive the pauses between alternating runs.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

/** The calls in hrgraph's `extensions.upstream` shape, as far as the runner reads it. */
function upstreamOf(calls: { take(): { start: number; end: number }[] }) {
  const entries = calls.take().map((span) => ({
    startedAtMs: performance.timeOrigin + span.start,
    durationMs: span.end - span.start,
  }));
  return {
    calls: entries.length,
    retries: 0,
    durationMs: entries.reduce((sum, entry) => sum + entry.durationMs, 0),
    entries,
  };
}
