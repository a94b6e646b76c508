/** Serving the Okta sandbox on a real socket (@hono/node-server), on an ephemeral port by default. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ListenOptions, RunningSandbox } from './sandbox-types.js';

export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ListenOptions = {},
): Promise<RunningSandbox> {
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
