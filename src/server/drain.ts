/**
 * Graceful shutdown of a node:http server. `drain` marks the server draining (/readyz turns 503,
 * so a load balancer stops sending), stops listening, closes idle keep-alive connections, and
 * lets the requests in flight finish, up to `timeoutMs`; then it cuts what is left. Meanwhile a
 * request that arrives on a connection still open is refused with a 503 and `connection: close`,
 * and every response ends its connection, so clients reconnect to another replica.
 *
 * hrgraph has no subscription transport (no WebSocket, no SSE subscriptions): the drain is over
 * open HTTP connections, which would cover a long-lived SSE response the same way.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

export interface Drain {
  /** Whether shutdown has begun. */
  readonly draining: () => boolean;
  /** The server's request listener, refusing new requests once draining. */
  gate(listener: RequestListener): RequestListener;
  /**
   * Drains `server`: resolves `drained` when every connection ended by itself, `cut` when
   * `timeoutMs` passed first and the rest were closed.
   */
  drain(server: Server, timeoutMs: number): Promise<'drained' | 'cut'>;
}

export function createDrain(): Drain {
  let draining = false;
  return {
    draining: () => draining,
    gate(listener) {
      return function gatedRequest(request: IncomingMessage, response: ServerResponse) {
        if (draining) {
          response.writeHead(503, {
            'content-type': 'text/plain; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'close',
            'retry-after': '1',
          });
          response.end('hrgraph is shutting down; send the request again.\n');
          return;
        }
        listener(request, response);
      };
    },
    drain(server, timeoutMs) {
      draining = true;
      return new Promise((resolve) => {
        let settled = false;
        const cut = setTimeout(function cutStragglers() {
          settled = true;
          server.closeAllConnections();
          resolve('cut');
        }, timeoutMs);
        server.close(() => {
          clearTimeout(cut);
          if (!settled) resolve('drained');
        });
        server.closeIdleConnections();
        // A connection whose response is done goes idle: closed as it does, not kept alive.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.once('close', () => clearInterval(sweep));
      });
    },
  };
}
