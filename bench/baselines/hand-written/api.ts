/**
 * The hand-written baseline's whole toolkit: undici against BambooHR's REST API, JSON in and
 * out, the OAuth token, and a stopwatch on every call so its calls and round trips are counted
 * the same way as hrgraph's. It pools as many connections per origin as hrgraph's http client
 * (16), so the two differ by their software, not by a knob.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { localhostAwareLookup } from '../../../src/http/localhost-lookup.js';
import type { CallSpan } from '../../measure/critical-path.js';

/** Connections per origin: undici's pool for the script, and hrgraph's calls in flight per account. */
export const HAND_CONNECTIONS = 16;

export interface HandApiOptions {
  /** `http://acme.localhost:PORT` */
  readonly baseUrl: string;
  readonly accessToken: string;
  /** @default HAND_CONNECTIONS (16): hrgraph's `connectionsPerOrigin` */
  readonly connections?: number;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/** A call BambooHR did not answer with 200; the message names the path, never a value. */
export class BambooHrCallError extends Error {
  override readonly name = 'BambooHrCallError';
  readonly code = 'UPSTREAM_UNAVAILABLE';
}

export interface HandApi {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, query: Query, body: unknown): Promise<T>;
  /** The calls made since the last `take()`, as time spans; clears them. */
  take(): CallSpan[];
  /**
   * The same connections, recording calls apart: the hand-written server's requests run side by
   * side and each reports its own calls. Its `close()` leaves the connections open.
   */
  apart(): HandApi;
  close(): Promise<void>;
}

export function createHandApi({
  baseUrl,
  accessToken,
  connections = HAND_CONNECTIONS,
}: HandApiOptions): HandApi {
  const dispatcher = new Agent({
    connections,
    keepAliveTimeout: 60_000,
    // `acme.localhost` is loopback (RFC 6761), which glibc does not know; hrgraph's client does the same.
    connect: { lookup: localhostAwareLookup },
  });
  const headers = { accept: 'application/json', authorization: `Bearer ${accessToken}` };

  async function call<T>(
    spans: CallSpan[],
    method: 'GET' | 'POST',
    path: string,
    query: Query,
    body?: unknown,
  ) {
    const url = new URL(`${baseUrl}/api${path}`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const start = performance.now();
    const response = await request(url, {
      method,
      dispatcher,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    spans.push({ start, end: performance.now() });
    if (response.statusCode !== 200)
      throw new BambooHrCallError(`BambooHR ${method} ${path}: ${response.statusCode}`);
    return JSON.parse(text) as T;
  }

  function recording(close: () => Promise<void>): HandApi {
    let spans: CallSpan[] = [];
    return {
      get: (path, query = {}) => call(spans, 'GET', path, query),
      post: (path, query, body) => call(spans, 'POST', path, query, body),
      take() {
        const taken = spans;
        spans = [];
        return taken;
      },
      apart: () => recording(async () => {}),
      close,
    };
  }
  return recording(() => dispatcher.close());
}
