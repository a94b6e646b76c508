/**
 * `hrgraph sandbox`'s options. The emulators and the synthetic company (with its fake-data
 * library) load only when the command runs; the providers' names come from the registry.
 */
import { Command, Option } from 'commander';
import { providerNames } from '../../providers/registry.js';
import type { RunSandboxOptions } from '../sandbox/index.js';
import { integer } from './integer.js';

/** Every registered provider has a standalone sandbox (its definition's `sandbox` entry). */
export const sandboxProviders: readonly string[] = providerNames;
/** A registered provider's name, as `--provider` takes it. */
export type SandboxProvider = string;

export function sandboxCommand(): Command {
  return new Command('sandbox')
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
    .action(async function sandbox(options: RunSandboxOptions) {
      const { runSandbox } = await import('../sandbox/index.js');
      await runSandbox(options);
    });
}
