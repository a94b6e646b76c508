/**
 * `hrgraph serve`: connect the configured accounts (or, with `--demo`, the in-process sandbox's
 * two) and serve the GraphQL endpoint over node:http.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AccountLog,
  createAccountRuntime,
  type OAuthApps,
} from '../accounts/account-runtime.js';
import type { AccountService } from '../accounts/account-service.js';
import { createApiTokens } from '../accounts/api-tokens.js';
import { loadAccountsConfig } from '../accounts/config-file.js';
import { openAccounts } from '../accounts/open-accounts.js';
import type { ProviderAdapter } from '../core/contract/index.js';
import type { ProviderName } from '../core/ids.js';
import { createHttpClient } from '../http/index.js';
import { createLoaders } from '../loaders/index.js';
import { providerDefinition, providerNames } from '../providers/registry.js';
import { createHrGraphServer } from '../server/create-server.js';
import { parseOrigins } from '../server/plugins/use-cors-allow-list.js';
import { installProcessSafety } from '../server/process-safety.js';
import { oauthConnectRoutes } from '../server/routes/oauth-connect.js';
import type { Demo } from './demo/index.js';
import { listenError } from './listen-error.js';

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
  /** The account store's directory (not used in demo mode). @default HRGRAPH_DATA_DIR or .hrgraph */
  dataDir?: string;
  /** How often the store is re-read for accounts changed by the CLI. @default 10_000 */
  reloadIntervalMs?: number;
  /** Where account status changes are told. @default stderr */
  log?: AccountLog;
  /** Serve GraphiQL's page at /graphql. @default true */
  graphiql?: boolean;
  /**
   * Browser origins allowed to call hrgraph (CORS), as `https://app.example.com`; demo mode adds
   * its own loopback origins. @default HRGRAPH_CORS_ORIGINS (comma-separated), else none
   */
  corsOrigins?: readonly string[];
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

function banner(
  url: string,
  accounts: readonly ProviderAdapter[],
  demo: Demo | undefined,
  graphiql: boolean,
): string {
  const lines = [
    '',
    `hrgraph is serving GraphQL at ${url}`,
    graphiql ? `  GraphiQL: open ${url} in a browser` : '  GraphiQL: off (--no-graphiql)',
    `  accounts: ${accounts.map((a) => `${a.accountId} (${a.provider}, ${a.authKind})`).join(', ') || 'none yet (hrgraph accounts add …)'}`,
    // What graphql-js saw when it loaded (commands/serve.ts sets it for a serve without --demo).
    process.env.NODE_ENV === 'production'
      ? '  mode: production (NODE_ENV=production)'
      : `  mode: development (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}): graphql-js checks every schema object's realm`,
  ];
  if (!demo) {
    lines.push('  every request needs an API token: hrgraph tokens create --name … --accounts …');
  }
  if (demo) {
    const loud = '*'.repeat(72);
    lines.unshift(
      loud,
      '*  DEMO MODE: one synthetic company, served by four in-process sandboxes:',
      ...demo.sandboxes.map(
        (sandbox) =>
          `*    ${sandbox.label.padEnd(17)} ${sandbox.url}  (${sandbox.accounts.map((a) => a.id).join(', ')})`,
      ),
      '*  Their keys and tokens are valid only against the sandboxes. Bound to loopback only.',
      '*  NO API TOKEN IS ASKED FOR: anyone who can reach this port can read every account.',
      loud,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

const stderrLog: AccountLog = {
  info: (message) => process.stderr.write(`hrgraph: ${message}\n`),
  warn: (message) => process.stderr.write(`hrgraph: ${message}\n`),
};

/**
 * hrgraph's application with each OAuth provider, for connecting and refreshing accounts:
 * HRGRAPH_BAMBOOHR_CLIENT_ID/_SECRET, HRGRAPH_GUSTO_CLIENT_ID/_SECRET, …
 */
function oauthAppsFrom(env: Readonly<Record<string, string | undefined>>): OAuthApps {
  const apps: Partial<Record<ProviderName, { clientId: string; clientSecret: string }>> = {};
  for (const provider of providerNames) {
    if (!providerDefinition(provider).oauth) continue;
    const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (clientId && clientSecret) apps[provider] = { clientId, clientSecret };
  }
  return apps;
}

export async function runServe(options: ServeOptions = {}): Promise<ServeHandle> {
  const { host = '127.0.0.1', demo: demoMode = false } = options;
  if (demoMode && !loopback.has(host)) {
    throw new Error(`--demo serves only on loopback; --host ${host} is not allowed with it`);
  }
  // The sandboxes and their fake-data library load only for the demo: a production serve never
  // reads them (test/cli/what-commands-load.test.ts holds it to that).
  const demo = demoMode
    ? await (await import('./demo/index.js')).startDemo({ size: options.demoSize })
    : undefined;
  try {
    return await serve(options, demo);
  } catch (error) {
    // The demo's sandboxes would keep the process alive after the error is told.
    await demo?.stop();
    throw error;
  }
}

async function serve(options: ServeOptions, demo: Demo | undefined): Promise<ServeHandle> {
  const {
    port = 4000,
    host = '127.0.0.1',
    write = (text: string) => process.stdout.write(text),
    handleSignals = true,
    env = process.env,
  } = options;
  const log = options.log ?? stderrLog;
  const cursorKey = cursorKeyFrom(env);
  const corsOrigins = parseOrigins(
    options.corsOrigins ??
      (env.HRGRAPH_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
  );
  // Demo mode's page may call it from each loopback spelling of its own origin, once it listens.
  let ownOrigins: string[] = [];
  const configAccounts = demo
    ? demo.accounts
    : options.config
      ? await loadAccountsConfig(options.config, { env })
      : [];
  // Demo mode keeps nothing on disk: its accounts live only as long as the process.
  const service: AccountService | undefined = demo
    ? undefined
    : await openAccounts({ dataDir: options.dataDir, env });
  const http = createHttpClient();
  const oauthApps = oauthAppsFrom(env);
  const runtime = createAccountRuntime({
    http,
    configAccounts,
    ...(service ? { service } : {}),
    oauthApps,
    log,
  });
  let publicUrl = env.HRGRAPH_PUBLIC_URL ?? '';
  let server: Server;
  let address: AddressInfo;
  try {
    await runtime.reload();
    const yoga = createHrGraphServer({
      adapters: runtime.adapters,
      standing: (id) => runtime.health(id)?.state(),
      createLoaders,
      development: demo !== undefined || env.NODE_ENV === 'development',
      // Demo accounts are printed in the banner: its tabs may name one.
      graphiql:
        options.graphiql === false
          ? false
          : demo
            ? { exampleAccount: runtime.adapters()[0]?.accountId }
            : true,
      corsOrigins: () => [...ownOrigins, ...corsOrigins],
      ...(cursorKey ? { cursorKey } : {}),
      logging: demo ? 'warn' : 'info',
      // Outside demo mode every request needs one of hrgraph's API tokens (hrgraph tokens create).
      ...(service
        ? {
            apiTokens: {
              verify: createApiTokens(service.store, {
                configAccounts: configAccounts.map((a) => a.id),
              }).verify,
            },
          }
        : {}),
      routes: service
        ? [
            oauthConnectRoutes({
              service,
              runtime,
              http,
              apps: oauthApps,
              // HRGRAPH_PUBLIC_URL when a proxy stands in front; the redirect URI must match exactly.
              publicUrl: () => publicUrl,
            }),
          ]
        : [],
    });
    server = createServer(yoga);
    address = await listen(server, port, host).catch((error: unknown) => {
      throw listenError(error, { port, host, command: 'hrgraph serve', npmScript: 'start', env });
    });
    // A rejection nobody handled is a bug to log and count, never a reason to stop serving.
    installProcessSafety({ server, logger: yoga.logger, onFatal: stop });
  } catch (error) {
    await http.close();
    await service?.close();
    throw error;
  }
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/graphql`;
  publicUrl ||= `http://${loopback.has(host) ? 'localhost' : shownHost}:${address.port}`;
  if (demo)
    ownOrigins = ['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${address.port}`);
  const unwatch = service ? runtime.watch(options.reloadIntervalMs ?? 10_000) : () => {};

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopping ??= (async function shutDown() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      unwatch();
      await http.close();
      await service?.close();
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
  // Only now: whoever reads the banner may press Ctrl+C at once.
  write(banner(url, runtime.adapters(), demo, options.graphiql !== false));
  return { url, demo, stop };
}
