/** Carries out the fault the injector chose, on the real socket when there is one. */
import { setTimeout as sleep } from 'node:timers/promises';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import type { CoreEnv } from './core-env.js';
import type { Clock } from './env.js';
import type { Fault, FaultInjector, RetryAfter } from './faults.js';
import { ERROR_HEADER } from './respond.js';

/** What an in-process `app.fetch` rejects with where a socket would have been reset. */
export class ConnectionResetError extends Error {
  readonly code = 'ECONNRESET';
  constructor() {
    super('socket hang up (sandbox fault: reset)');
    this.name = 'ConnectionResetError';
  }
}

export function faultMiddleware(injector: FaultInjector, clock: Clock): MiddlewareHandler<CoreEnv> {
  return async function injectFaults(c, next) {
    const info = c.get('requestInfo');
    const decision = injector.decide({
      method: c.req.method,
      path: info.path,
      company: info.domain,
    });
    c.set('fault', decision.label);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const fault = decision.fault;
    if (!fault) return next();
    switch (fault.kind) {
      case '503':
      case '429':
        return throttle(c, fault.kind === '503' ? 503 : 429, fault.retryAfter, clock);
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
function replaceResponse(c: Context<CoreEnv>, res: Response): void {
  c.res = undefined;
  c.res = res;
}

function throttle(
  c: Context<CoreEnv>,
  status: 503 | 429,
  retryAfter: RetryAfter | undefined,
  clock: Clock,
): Response {
  if (retryAfter && 'seconds' in retryAfter) c.header('Retry-After', String(retryAfter.seconds));
  if (retryAfter && 'httpDate' in retryAfter)
    c.header('Retry-After', new Date(clock.now() + retryAfter.httpDate * 1000).toUTCString());
  c.header(ERROR_HEADER, status === 503 ? 'Service Unavailable' : 'Too Many Requests');
  return c.body(null, status);
}

function reset(c: Context<CoreEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new ConnectionResetError();
  c.set('sentStatus', 0);
  socket.destroy();
  return RESPONSE_ALREADY_SENT;
}

async function truncate(
  c: Context<CoreEnv>,
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
