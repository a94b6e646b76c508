/**
 * Carries out the fault the injector chose, on the real socket when there is one. Shared by every
 * provider sandbox; how a provider words a 429 or a 503 is its own `throttle` hook.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from './clock.js';
import type { Fault, FaultInjector, FaultKind, FaultRequest, RetryAfter } from './faults.js';

/** What the fault middleware reads and writes on a request. */
export type FaultEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    fault: FaultKind | null;
    /** Status actually put on the wire when the sandbox answered around Hono (0: reset). */
    sentStatus: number;
  };
};

export interface FaultMiddlewareOptions<E extends FaultEnv> {
  readonly injector: FaultInjector;
  readonly clock: Clock;
  /** Which request this is, for fault matching and per-tenant budgets. */
  describe(c: Context<E>): FaultRequest;
  /**
   * The provider's own answer to a throttle fault. `retryAfter` is the header value to send, or
   * null when the fault asks for none.
   */
  throttle(c: Context<FaultEnv>, status: 429 | 503, retryAfter: string | null): Response;
}

/** What an in-process `app.fetch` rejects with where a socket would have been reset. */
export class ConnectionResetError extends Error {
  readonly code = 'ECONNRESET';
  constructor() {
    super('socket hang up (sandbox fault: reset)');
    this.name = 'ConnectionResetError';
  }
}

export function faultMiddleware<E extends FaultEnv>(
  options: FaultMiddlewareOptions<E>,
): MiddlewareHandler<E> {
  const { injector, clock } = options;
  return async function injectFaults(context, next) {
    const c = context as unknown as Context<FaultEnv>;
    const decision = injector.decide(options.describe(context));
    c.set('fault', decision.label);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const fault = decision.fault;
    if (!fault) return next();
    switch (fault.kind) {
      case '503':
      case '429':
        return options.throttle(
          c,
          fault.kind === '503' ? 503 : 429,
          retryAfterValue(fault.retryAfter, clock),
        );
      case 'reset':
        return reset(c);
      case 'stall':
        await sleep(fault.ms);
        return next();
      case 'truncate':
        await next();
        replaceResponse(c, await truncate(c, fault));
        return;
      case 'malformed':
        await next();
        replaceResponse(c, await malform(c.res));
        return;
      case 'latency':
        return next();
    }
  };
}

/** Hono's `res` setter merges the old headers in; a faulty body must keep its own length. */
function replaceResponse(c: Context<FaultEnv>, res: Response): void {
  c.res = undefined;
  c.res = res;
}

function retryAfterValue(retryAfter: RetryAfter | undefined, clock: Clock): string | null {
  if (!retryAfter) return null;
  if ('seconds' in retryAfter) return String(retryAfter.seconds);
  return new Date(clock.now() + retryAfter.httpDate * 1000).toUTCString();
}

function reset(c: Context<FaultEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new ConnectionResetError();
  c.set('sentStatus', 0);
  socket.destroy();
  return RESPONSE_ALREADY_SENT;
}

async function truncate(
  c: Context<FaultEnv>,
  fault: Extract<Fault, { kind: 'truncate' }>,
): Promise<Response> {
  const res = c.res;
  const body = new Uint8Array(await res.arrayBuffer());
  const sent = body.subarray(0, Math.floor(body.length * (fault.fraction ?? 0.5)));
  const outgoing = c.env?.outgoing;
  if (!outgoing) return cutShort(res, sent);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  // The promised length is the whole body: the client sees the connection close early.
  headers['content-length'] = String(body.length);
  outgoing.writeHead(res.status, headers);
  outgoing.write(sent, function closeEarly() {
    outgoing.socket?.destroy();
  });
  c.set('sentStatus', res.status);
  return RESPONSE_ALREADY_SENT;
}

/** In-process stand-in for a cut connection: the body stream errors after the partial bytes. */
function cutShort(res: Response, sent: Uint8Array): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(sent);
      controller.error(new ConnectionResetError());
    },
  });
  return new Response(stream, { status: res.status, headers: res.headers });
}

async function malform(res: Response): Promise<Response> {
  const text = await res.text();
  const cut = text.length > 1 ? text.slice(0, Math.ceil(text.length / 2)) : '{';
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(cut, { status: res.status, headers });
}
