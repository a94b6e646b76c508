/** Serving a sandbox on a real socket (@hono/node-server), on an ephemeral loopback port by default. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface ListenOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function listenOn(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            // Keep-alive sockets would hold close() open; the sandbox owns them all.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
    server.once('error', reject);
  });
}
