/**
 * The `hrgraph` command table: each command's name, its one-line description, and how to load
 * it. A command's module (and all it imports: the server, the account store, the sandboxes) loads
 * only when that command runs or its own help is asked for, so `hrgraph --version` and
 * `hrgraph --help` read nothing but commander and this file.
 */
import type { Command } from 'commander';

export interface CommandEntry {
  readonly name: string;
  /** Shown by `hrgraph --help`, and by the command's own help. */
  readonly description: string;
  /** The command with its options, arguments, subcommands and action. */
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'serve',
    description:
      'Serve the GraphQL endpoint (GraphiQL at /graphql) for the configured accounts, or the demo company with --demo.',
    load: async () => (await import('./serve.js')).serveCommand(),
  },
  {
    name: 'sandbox',
    description:
      "Serve one provider's sandbox alone (synthetic company, sandbox-only credentials).",
    load: async () => (await import('./sandbox.js')).sandboxCommand(),
  },
  {
    name: 'accounts',
    description: 'Connected accounts in the store (credentials sealed with AES-256-GCM).',
    load: async () => (await import('../accounts.js')).accountsCommand(),
  },
  {
    name: 'tokens',
    description: "hrgraph's own API tokens (Authorization: Bearer), each scoped to accounts.",
    load: async () => (await import('../tokens.js')).tokensCommand(),
  },
  {
    name: 'explain',
    description:
      'Print the provider calls an operation would make, per account, without making any (a dry run of a running hrgraph).',
    load: async () => (await import('../explain.js')).explainCommand(),
  },
];

/**
 * The command the arguments name: the first word that is not an option (`hrgraph` itself takes
 * no option with a value), or the one after `help`.
 */
export function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}
