/**
 * `hrgraph serve`: connect the configured accounts (or, with `--demo`, the in-process sandbox's
 * two) and serve the GraphQL endpoint over node:http; as one process, or as each worker of
 * `--workers N` (cluster.ts, cluster-worker.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AccountLog,
  type AccountRuntime,
  createAccountRuntime,
} from '../accounts/account-runtime.js';
import type { AccountService } from '../accounts/account-service.js';
import { createApiTokens } from '../accounts/api-tokens.js';
import { budgetHolders } from '../accounts/budget-holders.js';
import { loadAccountsConfig } from '../accounts/config-file.js';
import { createOAuthStateSigner } from '../accounts/oauth-state.js';
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
import type { WorkerShare } from './cluster-worker.js';
import type { Demo } from './demo/index.js';
import { listenError } from './listen-error.js';
import { readPersistedOperations } from './persisted-operations-file.js';
import { banner } from './serve-banner.js';
import { cursorKeyFrom, oauthAppsFrom } from './serve-env.js';

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
  /**
   * This process is one worker of `hrgraph serve --workers N`: what it shares with the others
   * (cluster-worker.ts). Not with `demo`. @default a process on its own
   */
  worker?: WorkerShare;
  /**
   * A file of persisted operations clients may name by id (persisted-operations-file.ts).
   * @default none
   */
  persistedOperations?: string;
  /** Run only the persisted operations: documents are refused, GraphiQL is not served. @default false */
  persistedOnly?: boolean;
}

export interface ServeHandle {
  /** `http://HOST:PORT/graphql` */
  readonly url: string;
  readonly demo: Demo | undefined;
  stop(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

const stderrLog: AccountLog = {
  info: (message) => process.stderr.write(`hrgraph: ${message}\n`),
  warn: (message) => process.stderr.write(`hrgraph: ${message}\n`),
};

/** The runtime, telling the other workers of each account connected through it. */
function announcingConnections(runtime: AccountRuntime, worker: WorkerShare): AccountRuntime {
  return {
    ...runtime,
    async connect(id, tokens, recordId) {
      const connected = await runtime.connect(id, tokens, recordId);
      worker.accountsChanged.publish();
      return connected;
    },
  };
}

export async function runServe(options: ServeOptions = {}): Promise<ServeHandle> {
  const { host = '127.0.0.1', demo: demoMode = false } = options;
  if (demoMode && !loopback.has(host)) {
    throw new Error(`--demo serves only on loopback; --host ${host} is not allowed with it`);
  }
  // The primary refuses --demo with --workers (cluster.ts says why); this only guards the API.
  if (demoMode && options.worker) throw new Error('--demo does not run as a worker of --workers');
  // The sandboxes and their fake-data library load only for the demo: a production serve never
  // reads them (test/cli/what-commands-load.test.ts holds it to that).
  const demo = demoMode ? await startDemo(options.demoSize) : undefined;
  try {
    return await serve(options, demo);
  } catch (error) {
    // The demo's sandboxes would keep the process alive after the error is told.
    await demo?.stop();
    throw error;
  }
}

/**
 * The demo, whose sandboxes a production container image leaves out (the Dockerfile's `runtime`
 * target): there `--demo` says so rather than fail on a missing module.
 */
async function startDemo(size: number | undefined): Promise<Demo> {
  let demoModule: typeof import('./demo/index.js');
  try {
    demoModule = await import('./demo/index.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      "this build of hrgraph has no sandbox, so no --demo: build the container image's demo target (npm run docker:build -- --demo) or run from a clone",
    );
  }
  return demoModule.startDemo({ size });
}

async function serve(options: ServeOptions, demo: Demo | undefined): Promise<ServeHandle> {
  const {
    port = 4000,
    host = '127.0.0.1',
    write = (text: string) => process.stdout.write(text),
    handleSignals = true,
    env = process.env,
  } = options;
  const { worker } = options;
  const log = options.log ?? stderrLog;
  const cursorKey = worker?.cursorKey ?? cursorKeyFrom(env);
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
  const http = createHttpClient(
    worker ? { budgetShare: 1 / worker.count, pauses: worker.pauses } : {},
  );
  const oauthApps = oauthAppsFrom(env);
  const runtime = createAccountRuntime({
    http,
    configAccounts,
    ...(service ? { service } : {}),
    oauthApps,
    log,
  });
  // A connection made at one worker is at work in the others at once, not at their next reload.
  const unhear = worker?.accountsChanged.subscribe(function reloadAccounts() {
    runtime
      .reload()
      .catch((error: unknown) => log.warn(`reloading accounts failed: ${(error as Error).name}`));
  });
  let publicUrl = env.HRGRAPH_PUBLIC_URL ?? '';
  let server: Server;
  let address: AddressInfo;
  const tokens = service
    ? createApiTokens(service.store, { configAccounts: configAccounts.map((a) => a.id) })
    : undefined;
  try {
    const persisted = options.persistedOperations
      ? {
          operations: await readPersistedOperations(options.persistedOperations),
          only: options.persistedOnly === true,
          source: options.persistedOperations,
        }
      : undefined;
    await runtime.reload();
    const yoga = createHrGraphServer({
      adapters: runtime.adapters,
      standing: (id) => runtime.health(id)?.state(),
      createLoaders,
      development: demo !== undefined || env.NODE_ENV === 'development',
      // Demo accounts are printed in the banner: its tabs may name one.
      // GraphiQL sends documents, which --persisted-only refuses: its page would only show errors.
      graphiql:
        options.graphiql === false || persisted?.only
          ? false
          : demo
            ? { exampleAccount: runtime.adapters()[0]?.accountId }
            : true,
      corsOrigins: () => [...ownOrigins, ...corsOrigins],
      ...(cursorKey ? { cursorKey } : {}),
      ...(persisted ? { persistedOperations: persisted } : {}),
      logging: demo ? 'warn' : 'info',
      // Outside demo mode every request needs one of hrgraph's API tokens (hrgraph tokens create).
      ...(service && tokens
        ? {
            apiTokens: { verify: tokens.verify },
            // Per-minute budgets are counted per process: under --workers N, per worker.
            budgets: { holdersOf: budgetHolders({ tokens, store: service.store }) },
          }
        : {}),
      routes: service
        ? [
            oauthConnectRoutes({
              service,
              runtime: worker ? announcingConnections(runtime, worker) : runtime,
              http,
              ...(worker ? { signer: createOAuthStateSigner({ key: worker.stateKey }) } : {}),
              apps: oauthApps,
              // HRGRAPH_PUBLIC_URL when a proxy stands in front; the redirect URI must match exactly.
              publicUrl: () => publicUrl,
            }),
          ]
        : [],
    });
    server = createServer(yoga);
    if (worker) {
      // Which process answered: a log line, a failure or a cursor can be followed to its worker.
      server.prependListener('request', function nameWorker(_request, response) {
        response.setHeader('hrgraph-worker', String(worker.id));
      });
    }
    address = await listen(server, port, host).catch((error: unknown) => {
      throw listenError(error, { port, host, command: 'hrgraph serve', npmScript: 'start', env });
    });
    // A rejection nobody handled is a bug to log and count, never a reason to stop serving.
    installProcessSafety({ server, logger: yoga.logger, onFatal: stop });
  } catch (error) {
    unhear?.();
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
      unhear?.();
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
  const graphiql = options.graphiql !== false && options.persistedOnly !== true;
  write(banner(url, runtime.adapters(), demo, graphiql, worker?.count ?? 1));
  return { url, demo, stop };
}
