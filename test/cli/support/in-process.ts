/**
 * What the CLI tests share in-process: every provider's sandbox over one company, and one
 * `hrgraph accounts|tokens …` run against a store, as bin/hrgraph would run it.
 */
import type { Command } from 'commander';
import type { CliIo } from '../../../src/cli/accounts.js';
import { providerNames } from '../../../src/providers/registry.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { type ProviderSandbox, providerSandboxes } from './provider-sandboxes.js';

/** Each provider's sandbox, started on one synthetic company of `size` people. */
export async function startEveryProvider(size: number, seed: number) {
  const company = createCompany({ size, seed });
  const sandboxes = new Map<string, ProviderSandbox>();
  for (const provider of providerNames) {
    const start = providerSandboxes[provider];
    if (!start)
      throw new Error(`provider-sandboxes.ts does not say how ${provider}'s sandbox is reached`);
    sandboxes.set(provider, await start(company));
  }
  return {
    sandboxes,
    close: () => Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close())),
  };
}

/** Runs one `hrgraph <command> …` on the store in `dataDir` and returns what it printed. */
export async function runCommand(
  command: (io: CliIo) => Command,
  dataDir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  let out = '';
  const io: CliIo = {
    write: (text) => {
      out += text;
    },
    readStdin: async () => '',
    env,
  };
  const cli = command(io);
  for (const c of [cli, ...cli.commands]) c.exitOverride().configureOutput({ writeErr: () => {} });
  await cli.parseAsync(['--data-dir', dataDir, ...args], { from: 'user' });
  return out;
}
