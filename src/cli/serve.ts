/**
 * `hrgraph serve`: connect the configured accounts (or, with `--demo`, the in-process sandbox's
 * two) and serve the GraphQL endpoint over node:http.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAccountsConfig } from '../accounts/config-file.js';
import { createLoaders } from '../loaders/index.js';
import { createHttpClient } from '../providers/http/index.js';
import { type AccountConfig, createAdapter } from '../providers/registry.js';
import { createHrGraphServer } from '../server/create-server.js';
import { type Demo, startDemo } from './demo.js';

export interface ServeOptions {
  /** The accounts file; required unless `demo`. */
  config?: string;
  /** 0 picks a free port. @default 4000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve the sandbox's demo company instead of a config file (loopback only). @default false */
  demo?: boolean;
  /** People in the demo company. @default 200 */
  demoSize?: number;
  /** Where the banner goes. @default process.stdout */
  write?: (text: string) => void;
  /** Stop on SIGINT/SIGTERM. @default true */
  handleSignals?: boolean;
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface ServeHandle {
  /** `http://HOST:PORT/graphql` */
  readonly url: string;
  readonly demo: Demo | undefined;
  stop(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

/** HRGRAPH_CURSOR_KEY (base64, at least 32 bytes) lets replicas honour each other's cursors. */
function cursorKeyFrom(env: Readonly<Record<string, string | undefined>>): Uint8Array | undefined {
  const value = env.HRGRAPH_CURSOR_KEY;
  if (!value) return undefined;
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error('HRGRAPH_CURSOR_KEY must be at least 32 bytes, base64');
  return key;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function banner(url: string, accounts: readonly AccountConfig[], demo: Demo | undefined): string {
  const lines = [
    '',
    `hrgraph is serving GraphQL at ${url}`,
    `  GraphiQL: open ${url} in a browser`,
    `  accounts: ${accounts.map((a) => `${a.id} (${a.provider}, ${a.credentials.kind})`).join(', ')}`,
  ];
  if (demo) {
    const loud = '*'.repeat(72);
    lines.unshift(
      loud,
      '*  DEMO MODE: synthetic data from the in-process BambooHR sandbox.',
      `*  Sandbox: ${demo.sandbox.url} (company host ${demo.accounts[0]?.baseUrl ?? ''})`,
      '*  Its keys and tokens are valid only against the sandbox. Bound to loopback only.',
      loud,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

export async function runServe(options: ServeOptions = {}): Promise<ServeHandle> {
  const {
    port = 4000,
    host = '127.0.0.1',
    demo: demoMode = false,
    write = (text: string) => process.stdout.write(text),
    handleSignals = true,
    env = process.env,
  } = options;
  if (demoMode && !loopback.has(host)) {
    throw new Error(`--demo serves only on loopback; --host ${host} is not allowed with it`);
  }
  if (!demoMode && !options.config) {
    throw new Error('hrgraph serve needs --config FILE (or --demo for the sandbox company)');
  }
  const cursorKey = cursorKeyFrom(env);
  const demo = demoMode ? await startDemo({ size: options.demoSize }) : undefined;
  const accounts = demo ? demo.accounts : await loadAccountsConfig(options.config ?? '', { env });
  const http = createHttpClient();
  const adapters = accounts.map((account) => createAdapter(account, { http }));
  const yoga = createHrGraphServer({
    adapters,
    createLoaders,
    development: demoMode || env.NODE_ENV === 'development',
    ...(cursorKey ? { cursorKey } : {}),
    logging: demoMode ? 'warn' : 'info',
  });
  const server = createServer(yoga);
  const address = await listen(server, port, host);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/graphql`;
  write(banner(url, accounts, demo));

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopping ??= (async function shutDown() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await http.close();
      await demo?.stop();
    })();
    return stopping;
  }
  function onSignal(): void {
    write('\nStopping hrgraph…\n');
    void stop();
  }
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, demo, stop };
}
