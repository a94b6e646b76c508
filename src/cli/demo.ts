/**
 * `hrgraph serve --demo` (what `npm start` runs): the BambooHR sandbox in-process on a free
 * loopback port, and two accounts on its company: `acme` with the sandbox's API key and
 * `acme-oauth` with a token from the sandbox's OAuth flow. Production code never imports the
 * sandbox; only this start-up wiring does.
 */
import { accountId } from '../providers/ids.js';
import type { AccountConfig } from '../providers/registry.js';
import { createBambooHrSandbox, type RunningSandbox } from '../sandbox/index.js';
import { sandboxAccessToken } from './demo-oauth.js';

export interface DemoOptions {
  /** People in the synthetic company. @default 200 */
  size?: number;
  /** @default 42 */
  seed?: number;
}

export interface Demo {
  readonly accounts: readonly AccountConfig[];
  readonly sandbox: RunningSandbox;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { size = 200, seed = 42 } = options;
  const sandbox = createBambooHrSandbox({ companies: [{ size, seed }] });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const domain = sandbox.company.domain;
  // The sandbox serves company hosts as `{company}.localhost:PORT`, standing in for
  // `{company}.bamboohr.com`; the http client resolves *.localhost to loopback itself.
  const baseUrl = `http://${domain}.localhost:${running.port}`;
  const accessToken = await sandboxAccessToken(sandbox, baseUrl);
  const accounts: AccountConfig[] = [
    {
      id: accountId('acme'),
      provider: 'bamboohr',
      company: domain,
      baseUrl,
      credentials: { kind: 'apiKey', apiKey: sandbox.apiKeyFor(domain) },
    },
    {
      id: accountId('acme-oauth'),
      provider: 'bamboohr',
      company: domain,
      baseUrl,
      credentials: { kind: 'oauth', accessToken },
    },
  ];
  return { accounts, sandbox: running, stop: () => running.close() };
}
