/** Serving the sandbox on a real socket (@hono/node-server), on an ephemeral port by default. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { BambooHrSandbox } from './app.js';

export interface ListenOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Legacy form root of a company: `http://127.0.0.1:PORT/api/gateway.php/acme`. */
  gatewayUrl(domain?: string): string;
  /** Host form root: `http://acme.localhost:PORT/api` (send `Host: acme.localhost:PORT` if your resolver lacks *.localhost). */
  hostUrl(domain?: string): string;
  close(): Promise<void>;
}

export function listen(
  sandbox: BambooHrSandbox,
  options: ListenOptions = {},
): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1' } = options;
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: sandbox.app.fetch, port, hostname: host },
      (info: AddressInfo) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        const url = `http://${shownHost}:${info.port}`;
        const domain = (name?: string) => name ?? sandbox.company.domain;
        resolve({
          url,
          port: info.port,
          gatewayUrl: (name) => `${url}/api/gateway.php/${domain(name)}`,
          hostUrl: (name) => `http://${domain(name)}.localhost:${info.port}/api`,
          close: () =>
            new Promise<void>((done, fail) => {
              // Keep-alive sockets would hold close() open; the sandbox owns them all.
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close((error) => (error ? fail(error) : done()));
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
