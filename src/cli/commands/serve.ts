/**
 * `hrgraph serve`'s options. Only commander is imported here: the server (and, with `--demo`, the
 * sandboxes) load when the command runs, so `hrgraph serve --help` answers at once.
 */
import { Command, Option } from 'commander';
import { integer } from './integer.js';

export interface ServeCommandOptions {
  config?: string;
  dataDir?: string;
  port: number;
  host: string;
  demo?: boolean;
  demoSize: number;
  graphiql: boolean;
  corsOrigin?: string[];
  workers: number;
  logLevel?: string;
  otlpEndpoint?: string;
  shutdownTimeout?: number;
}

export function serveCommand(): Command {
  return new Command('serve')
    .option('-c, --config <file>', 'accounts file (YAML or JSON); secrets come from env variables')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', integer(0, 65535), 4000)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--data-dir <dir>', 'where the account store and its key live (env HRGRAPH_DATA_DIR)')
    .option(
      '--demo',
      "serve one synthetic company through every provider's in-process sandbox instead (loopback only; development mode)",
    )
    .option('--demo-size <people>', 'people in the demo company', integer(10, 100_000), 200)
    .option('--no-graphiql', 'do not serve GraphiQL at /graphql')
    .option(
      '--cors-origin <origin>',
      'let browser pages from this origin call hrgraph (repeat for more; env HRGRAPH_CORS_ORIGINS, comma-separated)',
      (origin: string, origins: string[] = []) => [...origins, origin],
    )
    .option(
      '-w, --workers <count>',
      "worker processes sharing the port (node:cluster), one per core at most; each keeps 1/N of every account's request budget",
      integer(1, 64),
      1,
    )
    .addOption(
      new Option(
        '--log-level <level>',
        'debug: a line per provider call; info: a line per request (env HRGRAPH_LOG_LEVEL)',
      ).choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    )
    .option(
      '--otlp-endpoint <url>',
      'export traces by OTLP over HTTP to this base URL, as http://localhost:4318 (env OTEL_EXPORTER_OTLP_ENDPOINT; off by default)',
    )
    .option(
      '--shutdown-timeout <seconds>',
      'on SIGTERM or SIGINT, how long requests in flight may take to finish (env HRGRAPH_SHUTDOWN_TIMEOUT)',
      integer(0, 600),
    )
    .action(async function serve(options: ServeCommandOptions) {
      // graphql-js reads NODE_ENV once, when it loads (with the imports below, never before), and
      // outside 'production' checks the realm of every schema object it touches (~5% of a
      // request's CPU). An explicit NODE_ENV is the operator's; --demo keeps development's checks.
      // Set before any worker is forked, so workers inherit it.
      if (options.demo !== true) process.env.NODE_ENV ??= 'production';
      const { corsOrigin, workers, logLevel, shutdownTimeout, ...rest } = options;
      const { logLevelFrom, shutdownTimeoutFrom } = await import('../serve-env.js');
      const shutdownTimeoutMs =
        shutdownTimeout === undefined
          ? (shutdownTimeoutFrom(process.env) ?? 10_000)
          : shutdownTimeout * 1000;
      const serveOptions = {
        ...rest,
        demo: options.demo === true,
        ...(corsOrigin ? { corsOrigins: corsOrigin } : {}),
        ...(logLevel ? { logLevel: logLevelFrom({ HRGRAPH_LOG_LEVEL: logLevel }) } : {}),
        shutdownTimeoutMs,
      };
      if (workers === 1) {
        await (await import('../serve.js')).runServe(serveOptions);
        return;
      }
      // Each worker runs this same command line again (node:cluster's default).
      const { default: cluster } = await import('node:cluster');
      if (cluster.isWorker) {
        await (await import('../cluster-worker.js')).runWorker(serveOptions);
        return;
      }
      await (await import('../cluster.js')).runCluster({
        workers,
        demo: serveOptions.demo,
        // Each worker drains for up to the timeout; the primary kills only after that.
        stopGraceMs: shutdownTimeoutMs + 5_000,
      });
    });
}
