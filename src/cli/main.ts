/**
 * The `hrgraph` command. `npm start` runs `hrgraph serve --demo`; bin/hrgraph.js runs this file
 * through tsx.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { providerDefinitions } from '../providers/registry.js';
import { accountsCommand } from './accounts.js';
import { runSandbox, type SandboxProvider, sandboxProviders } from './sandbox/index.js';
import { runServe } from './serve.js';
import { tokensCommand } from './tokens.js';

function integer(min: number, max: number) {
  return function parseInteger(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return n;
  };
}

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** "BambooHR, Okta and Gusto", from the registry. */
const providerLabels = new Intl.ListFormat('en', { type: 'conjunction' }).format(
  providerDefinitions.map((definition) => definition.label),
);

const program = new Command('hrgraph')
  .description('A GraphQL federation layer over HR providers: exact fields, fewest provider calls.')
  .version(version);

program
  .command('serve')
  .description('Serve the GraphQL endpoint (GraphiQL at /graphql) for the configured accounts.')
  .option('-c, --config <file>', 'accounts file (YAML or JSON); secrets come from env variables')
  .option('-p, --port <port>', 'port to listen on (0: any free port)', integer(0, 65535), 4000)
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--data-dir <dir>', 'where the account store and its key live (env HRGRAPH_DATA_DIR)')
  .option(
    '--demo',
    `serve one synthetic company through the in-process ${providerLabels} sandboxes instead (loopback only)`,
  )
  .option('--demo-size <people>', 'people in the demo company', integer(10, 100_000), 200)
  .action(
    async (options: {
      config?: string;
      dataDir?: string;
      port: number;
      host: string;
      demo?: boolean;
      demoSize: number;
    }) => {
      await runServe({ ...options, demo: options.demo === true });
    },
  );

program
  .command('sandbox')
  .description("Serve one provider's sandbox alone (synthetic company, sandbox-only credentials).")
  .addOption(
    new Option('--provider <name>', 'which provider to emulate')
      .choices(sandboxProviders)
      .default(sandboxProviders[0]),
  )
  .option('-p, --port <port>', 'port to listen on (0: any free port)', integer(0, 65535), 4010)
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--size <people>', 'people in the company', integer(10, 100_000), 200)
  .option('--seed <n>', 'seed of the synthetic company', integer(0, 2 ** 31), 42)
  .option('--custom-fields <n>', 'custom fields per person', integer(0, 1000), 150)
  .option('--domain <name>', 'company domain', 'acme')
  .action(
    async (options: {
      provider: SandboxProvider;
      port: number;
      host: string;
      size: number;
      seed: number;
      customFields: number;
      domain: string;
    }) => {
      await runSandbox(options);
    },
  );

program.addCommand(accountsCommand());
program.addCommand(tokensCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Configuration mistakes are the user's to fix: say what, without a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`hrgraph: ${message}\n`);
  process.exitCode = 1;
}
