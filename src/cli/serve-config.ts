/**
 * Every environment variable `hrgraph serve` reads, in one table, checked together at start-up:
 * a mistake in any of them stops the start with one line per problem, each saying what to fix and
 * never a value (some are secrets). A variable named like hrgraph's that hrgraph does not read
 * (a typo, or one from another version) is a warning, with the nearest known name.
 *
 * Adding a variable is one entry in `serveSettings`: its names and the reader in serve-env.ts.
 */

import { providerDefinition, providerNames } from '../providers/registry.js';
import type { ServeCommandOptions } from './commands/serve.js';
import {
  accountsKeyFrom,
  corsOriginsFrom,
  cursorKeyFrom,
  dataDirFrom,
  debugFrom,
  type Env,
  hostFrom,
  newAccountsKeyFrom,
  oauthAppFrom,
  oauthPrefix,
  persistedOnlyFrom,
  persistedOperationsFrom,
  portFrom,
  publicUrlFrom,
  workersFrom,
} from './serve-env.js';

export interface EnvSetting {
  /** The variables it reads. */
  readonly variables: readonly string[];
  /** What it sets, for `serve --check-config` (never its value). */
  readonly about: string;
  /** Reads and checks it; throws an Error that says what to fix. */
  readonly read: (env: Env) => unknown;
}

/** The variables `hrgraph serve` understands. */
export const serveSettings: readonly EnvSetting[] = [
  { variables: ['HRGRAPH_PORT'], about: 'the port (--port)', read: portFrom },
  { variables: ['HRGRAPH_HOST'], about: 'the interface to bind (--host)', read: hostFrom },
  { variables: ['HRGRAPH_WORKERS'], about: 'worker processes (--workers)', read: workersFrom },
  { variables: ['HRGRAPH_DATA_DIR'], about: 'the account store (--data-dir)', read: dataDirFrom },
  { variables: ['HRGRAPH_ACCOUNTS_KEY'], about: 'the credentials key', read: accountsKeyFrom },
  {
    variables: ['HRGRAPH_ACCOUNTS_NEW_KEY'],
    about: 'the key of a rotation (hrgraph accounts rotate-key)',
    read: newAccountsKeyFrom,
  },
  {
    variables: ['HRGRAPH_CURSOR_KEY'],
    about: 'the cursor key replicas share',
    read: cursorKeyFrom,
  },
  {
    variables: ['HRGRAPH_CORS_ORIGINS'],
    about: 'browser origins (--cors-origin)',
    read: corsOriginsFrom,
  },
  {
    variables: ['HRGRAPH_PUBLIC_URL'],
    about: 'the URL callers and OAuth redirects use',
    read: publicUrlFrom,
  },
  {
    variables: ['HRGRAPH_PERSISTED_OPERATIONS'],
    about: 'the persisted operations file (--persisted-operations)',
    read: persistedOperationsFrom,
  },
  {
    variables: ['HRGRAPH_PERSISTED_ONLY'],
    about: 'refuse documents that are not persisted (--persisted-only)',
    read: persistedOnlyFrom,
  },
  { variables: ['HRGRAPH_DEBUG'], about: 'stack traces on every error', read: debugFrom },
  ...providerNames
    .filter((provider) => providerDefinition(provider).oauth)
    .map(
      (provider): EnvSetting => ({
        variables: [`${oauthPrefix(provider)}_CLIENT_ID`, `${oauthPrefix(provider)}_CLIENT_SECRET`],
        about: `hrgraph's ${providerDefinition(provider).label} OAuth application`,
        read: (env) => oauthAppFrom(env, provider),
      }),
    ),
];

export interface EnvironmentReport {
  /** One line per mistake, saying what to fix; the start stops if there is any. */
  readonly problems: readonly string[];
  /** HRGRAPH_ variables hrgraph does not read. */
  readonly warnings: readonly string[];
  /** What the environment sets, by variable name (values are never shown). */
  readonly set: readonly string[];
}

/** Every problem with the environment at once, rather than the first one a reader meets. */
export function checkEnvironment(
  env: Env,
  settings: readonly EnvSetting[] = serveSettings,
): EnvironmentReport {
  const problems: string[] = [];
  const set: string[] = [];
  for (const setting of settings) {
    try {
      setting.read(env);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const named = setting.variables.filter((name) => env[name] !== undefined && env[name] !== '');
    if (named.length > 0) set.push(`${named.join(', ')}: ${setting.about}`);
  }
  const known = settings.flatMap((setting) => setting.variables);
  const warnings = Object.keys(env)
    .filter((name) => name.startsWith('HRGRAPH_') && !known.includes(name))
    .map((name) => {
      const near = nearest(name, known);
      return `${name} is not a variable hrgraph reads${near ? ` (did you mean ${near}?)` : ''}`;
    });
  return { problems, warnings, set };
}

/** The known name within two edits of `name`, if any: most unknown variables are typos. */
function nearest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The start-up's refusal: every problem found, one per line. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `the configuration has ${problems.length} problem(s); fix them and start again:\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigurationError';
  }
}

/** A reader's value, or undefined when it threw (its problem is already in the report). */
function readOrUndefined<T>(read: (env: Env) => T, env: Env): T | undefined {
  try {
    return read(env);
  } catch {
    return undefined;
  }
}

/**
 * `hrgraph serve`'s options with the environment's defaults filled in (a flag given on the
 * command line wins), once the environment and the flags together are found sound. Warnings go to
 * `warn`; problems, all of them, are one ConfigurationError.
 */
export function resolveServeOptions<T extends ServeCommandOptions>(
  given: T,
  fromCommandLine: (option: keyof ServeCommandOptions & string) => boolean,
  env: Env,
  warn: (text: string) => void,
): T {
  const report = checkEnvironment(env);
  for (const warning of report.warnings) warn(`hrgraph: warning: ${warning}\n`);
  const problems = [...report.problems];
  function pick<K extends keyof ServeCommandOptions & string>(
    option: K,
    read: (env: Env) => T[K] | undefined,
  ): T[K] {
    return fromCommandLine(option) ? given[option] : (readOrUndefined(read, env) ?? given[option]);
  }
  const options: T = {
    ...given,
    port: pick('port', portFrom),
    host: pick('host', hostFrom),
    workers: pick('workers', workersFrom),
    persistedOperations: pick('persistedOperations', persistedOperationsFrom),
    persistedOnly: pick('persistedOnly', persistedOnlyFrom),
  };
  if (options.persistedOnly && !options.persistedOperations) {
    problems.push(
      '--persisted-only (HRGRAPH_PERSISTED_ONLY) needs the operations it allows: give --persisted-operations FILE (or HRGRAPH_PERSISTED_OPERATIONS)',
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return options;
}
