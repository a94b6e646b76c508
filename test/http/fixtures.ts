/**
 * A scripted node:http upstream on an ephemeral port, a fake clock, and call contexts.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { CallContext } from '../../src/core/contract/index.js';
import {
  createHttpClient,
  createUpstreamRecorder,
  type HttpClient,
  type HttpClientOptions,
  type UpstreamRecorder,
} from '../../src/http/index.js';

export interface Hit {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

/** Answers one request; the script's last handler answers every request past the script. */
export type Handler = (res: ServerResponse, req: IncomingMessage) => void;

export interface TestServer {
  readonly origin: string;
  readonly hits: Hit[];
  close(): Promise<void>;
}

export async function startServer(...script: Handler[]): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = createServer(function handle(req, res) {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', function answer() {
      const index = hits.length;
      hits.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString(),
      });
      const handler = script[Math.min(index, script.length - 1)];
      handler?.(res, req);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export function reply(status: number, body = '', headers: Record<string, string> = {}): Handler {
  return function replyWith(res) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };
}

/** The server drops the connection without answering. */
export const reset: Handler = function resetSocket(_res, req) {
  req.socket.destroy();
};

/** The server never answers (until it is closed). */
export const hang: Handler = function hangForever() {};

export interface FakeTime {
  now(): number;
  /** Records each wait and moves the clock by it; never really waits. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  readonly waits: number[];
}

export function fakeTime(start = Date.parse('2025-03-01T12:00:00Z')): FakeTime {
  let clock = start;
  const waits: number[] = [];
  return {
    now: () => clock,
    async sleep(ms) {
      waits.push(ms);
      clock += ms;
    },
    waits,
  };
}

export interface TestContext extends CallContext {
  readonly recorder: UpstreamRecorder;
  readonly controller: AbortController;
}

export function callContext(deadline?: number): TestContext {
  const controller = new AbortController();
  const base = { signal: controller.signal, recorder: createUpstreamRecorder(), controller };
  return deadline === undefined ? base : { ...base, deadline };
}

/** The rejection of `promise`, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

export interface ManualTime {
  now(): number;
  /** Resolves when `advance` moves the clock past `ms` from now, or when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Moves the clock and wakes the sleepers that are due; settles their continuations. */
  advance(ms: number): Promise<void>;
}

/** A clock that moves only when the test says, for queues that wait on it in the background. */
export function manualTime(start = Date.parse('2025-03-01T12:00:00Z')): ManualTime {
  let clock = start;
  let sleepers: { at: number; wake: () => void }[] = [];
  return {
    now: () => clock,
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        sleepers.push({ at: clock + ms, wake: resolve });
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
    async advance(ms) {
      clock += ms;
      const due = sleepers.filter((s) => s.at <= clock);
      sleepers = sleepers.filter((s) => s.at > clock);
      for (const sleeper of due) sleeper.wake();
      await settle();
    },
  };
}

/** Lets every pending promise continuation run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/**
 * The upstreams and clients a test file opens, closed after each test. `start` makes a scripted
 * upstream and a client on a fake clock with jitter fixed at 0 unless `random` says otherwise.
 */
export function scriptedUpstreams() {
  const open: { server?: TestServer; client?: HttpClient } = {};
  afterEach(async () => {
    await open.client?.close();
    await open.server?.close();
    open.client = undefined;
    open.server = undefined;
  });
  return {
    open,
    async start(script: Handler[], options: HttpClientOptions = {}) {
      const time = fakeTime();
      const server = await startServer(...script);
      const client = createHttpClient({
        now: time.now,
        sleep: time.sleep,
        random: () => 0,
        ...options,
      });
      open.server = server;
      open.client = client;
      return { time, server, client };
    },
  };
}
