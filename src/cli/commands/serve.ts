/**
 * `hrgraph serve`'s options. Only commander is imported here: the server (and, with `--demo`, the
 * sandboxes) load when the command runs, so `hrgraph serve --help` answers at once.
 */
import { Command } from 'commander';
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
  persistedOperations?: string;
  persistedOnly?: boolean;
  checkConfig?: boolean;
}

export function serveCommand(): Command {
  return new Command('serve')
    .option('-c, --config <file>', 'accounts file (YAML or JSON); secrets come from env variables')
    .option(
      '-p, --port <port>',
      'port to listen on (0: any free port; env HRGRAPH_PORT)',
      integer(0, 65535),
      4000,
    )
    .option('--host <host>', 'interface to bind (env HRGRAPH_HOST)', '127.0.0.1')
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
      "worker processes sharing the port (node:cluster), one per core at most; each keeps 1/N of every account's request budget (env HRGRAPH_WORKERS)",
      integer(1, 64),
      1,
    )
    .option(
      '--persisted-operations <file>',
      'operations clients may send by id: an Apollo persisted query manifest or a JSON object of sha256 to document (env HRGRAPH_PERSISTED_OPERATIONS)',
    )
    .option(
      '--persisted-only',
      'refuse any document that is not a persisted operation; GraphiQL is not served (env HRGRAPH_PERSISTED_ONLY)',
    )
    .option(
      '--check-config',
      'check the environment, the flags and the files they name, say what to fix, and exit without serving',
    )
    .action(async function serve(given: ServeCommandOptions, command: Command) {
      // graphql-js reads NODE_ENV once, when it loads (with the imports below, never before: the
      // configuration check loads it too), and outside 'production' checks the realm of every
      // schema object it touches (~5% of a request's CPU). An explicit NODE_ENV is the
      // operator's; --demo keeps development's checks. Set before any worker is forked, so
      // workers inherit it.
      if (given.demo !== true) process.env.NODE_ENV ??= 'production';
      // Flags win over the environment; every HRGRAPH_ variable is checked at once, before
      // anything starts (serve-config.ts), and a mistake stops the start with what to fix.
      const { resolveServeOptions } = await import('../serve-config.js');
      const options = resolveServeOptions(
        given,
        (name) => command.getOptionValueSource(name) === 'cli',
        process.env,
        (text) => process.stderr.write(text),
      );
      if (options.checkConfig === true) {
        const { checkConfig } = await import('../check-config.js');
        await checkConfig(options, process.env, (text) => process.stdout.write(text));
        return;
      }
      const { corsOrigin, workers, checkConfig: _check, ...rest } = options;
      const serveOptions = {
        ...rest,
        demo: options.demo === true,
        ...(corsOrigin ? { corsOrigins: corsOrigin } : {}),
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
      await (await import('../cluster.js')).runCluster({ workers, demo: serveOptions.demo });
    });
}
