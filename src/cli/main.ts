/**
 * The `hrgraph` command (bin/hrgraph.js runs its build, dist/cli/main.js). Before parsing it reads
 * only commander and the command table, then loads the one command the arguments name: the
 * server, the account store and the sandboxes load only for the commands that use them.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { commandNamed, commands } from './commands/index.js';
import { reportError } from './commands/report-error.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const program = new Command('hrgraph')
  .description('A GraphQL federation layer over HR providers: exact fields, fewest provider calls.')
  .version(version)
  .option('--debug', 'show the stack trace of any error (also HRGRAPH_DEBUG=1)');

try {
  const invoked = commandNamed(process.argv.slice(2));
  for (const entry of commands) {
    const command = entry.name === invoked ? await entry.load() : new Command(entry.name);
    program.addCommand(command.description(entry.description));
  }
  await program.parseAsync(process.argv);
} catch (error) {
  const debug = program.opts().debug === true || process.env.HRGRAPH_DEBUG === '1';
  reportError(error, { debug, write: (text) => process.stderr.write(text) });
  process.exitCode = 1;
}
