/** Serving the BambooHR sandbox on a real socket, with the two URL forms of a company's API. */
import { type ListenOptions, listenOn, type RunningServer } from '../common/listen.js';
import type { BambooHrSandbox } from './app.js';

export type { ListenOptions };

export interface RunningSandbox extends RunningServer {
  /** Legacy form root of a company: `http://127.0.0.1:PORT/api/gateway.php/acme`. */
  gatewayUrl(domain?: string): string;
  /** Host form root: `http://acme.localhost:PORT/api` (send `Host: acme.localhost:PORT` if your resolver lacks *.localhost). */
  hostUrl(domain?: string): string;
}

export async function listen(
  sandbox: BambooHrSandbox,
  options: ListenOptions = {},
): Promise<RunningSandbox> {
  const running = await listenOn(sandbox.app.fetch, options);
  const domain = (name?: string) => name ?? sandbox.company.domain;
  return {
    ...running,
    gatewayUrl: (name) => `${running.url}/api/gateway.php/${domain(name)}`,
    hostUrl: (name) => `http://${domain(name)}.localhost:${running.port}/api`,
  };
}
