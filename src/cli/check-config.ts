/**
 * `hrgraph serve --check-config`: what a start would find wrong, found without starting. The
 * environment and flags were already checked (serve-config.ts); this reads the files they name
 * (the accounts file with the secrets it takes from the environment, the persisted operations
 * against the schema, the data directory) and prints what is configured, by name, never a value.
 * Nothing is written: a first start's data directory and key are not created.
 */
import { stat } from 'node:fs/promises';
import { loadAccountsConfig } from '../accounts/config-file.js';
import { dataDirFrom } from '../accounts/open-accounts.js';
import { createLoaders } from '../loaders/index.js';
import { createHrGraphServer } from '../server/create-server.js';
import type { ServeCommandOptions } from './commands/serve.js';
import { readPersistedOperations } from './persisted-operations-file.js';
import { ConfigurationError, checkEnvironment } from './serve-config.js';
import type { Env } from './serve-env.js';

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

/** A file's problems, one per line, each naming the file; or the error's own message. */
function problemsOf(error: unknown): string[] {
  const { source, problems } = error as { source?: unknown; problems?: unknown };
  if (Array.isArray(problems)) return problems.map((problem) => `${String(source)}: ${problem}`);
  return [(error as Error).message];
}

export async function checkConfig(
  options: ServeCommandOptions,
  env: Env,
  write: (text: string) => void,
): Promise<void> {
  const problems: string[] = [];
  const lines: string[] = [];
  lines.push(`listen on ${options.host}:${options.port}, ${options.workers} worker(s)`);
  if (options.demo) {
    if (!loopback.has(options.host)) {
      problems.push(
        `--demo serves only on loopback; --host ${options.host} is not allowed with it`,
      );
    }
    if (options.workers > 1) problems.push('--demo runs in one process; leave out --workers');
    lines.push('accounts: the demo company (in-process sandboxes)');
  } else {
    if (options.config) {
      try {
        const accounts = await loadAccountsConfig(options.config, { env });
        lines.push(`accounts file ${options.config}: ${accounts.length} account(s)`);
      } catch (error) {
        problems.push(...problemsOf(error));
      }
    }
    const dataDir = dataDirFrom(options.dataDir, env);
    const found = await stat(dataDir).catch(() => undefined);
    if (found && !found.isDirectory()) {
      problems.push(
        `the data directory ${dataDir} is a file: give --data-dir (HRGRAPH_DATA_DIR) a directory`,
      );
    } else {
      lines.push(`account store in ${dataDir}${found ? '' : ' (created at the first start)'}`);
    }
  }
  if (options.persistedOperations) {
    try {
      const operations = await readPersistedOperations(options.persistedOperations);
      // The server checks each document as it is created: with its schema and operation limits.
      createHrGraphServer({
        adapters: [],
        createLoaders,
        logging: false,
        persistedOperations: { operations, source: options.persistedOperations },
      });
      lines.push(
        `persisted operations ${options.persistedOperations}: ${operations.size}${options.persistedOnly ? ', and nothing else runs' : ''}`,
      );
    } catch (error) {
      problems.push(...problemsOf(error));
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  const { set } = checkEnvironment(env);
  write(
    `hrgraph: the configuration is sound\n${[...lines, ...set.map((s) => `set: ${s}`)]
      .map((line) => `  ${line}\n`)
      .join('')}`,
  );
}
