/**
 * Runs the chosen scenarios one after another and gathers their rows; the CLI (`run.ts`) and
 * the CI smoke test both call this.
 */
import type { Hosts } from './hosts/hosts.js';
import { describeMachine, type Machine } from './machine.js';
import type { ScenarioRow } from './measure/row.js';
import type { BenchOptions, ScenarioName } from './options.js';
import { concurrent } from './scenarios/concurrent.js';
import { directory } from './scenarios/directory.js';
import { federation } from './scenarios/federation.js';
import { lookups } from './scenarios/lookups.js';
import { nested } from './scenarios/nested.js';
import type { Scenario } from './scenarios/types.js';
import { walk } from './scenarios/walk.js';
import { wide } from './scenarios/wide.js';

const scenarios: Readonly<Record<ScenarioName, Scenario>> = {
  directory,
  wide,
  nested,
  lookups,
  federation,
  concurrent,
  walk,
};

export interface BenchResults {
  readonly startedAt: string;
  readonly options: BenchOptions;
  readonly machine: Machine;
  readonly command: string;
  readonly rows: readonly ScenarioRow[];
}

export async function runBench(
  options: BenchOptions,
  hosts: Hosts,
  log: (line: string) => void = () => {},
): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const rows: ScenarioRow[] = [];
  for (const name of options.scenarios) {
    log(`${name}…`);
    const started = Date.now();
    rows.push(...(await scenarios[name].run({ options, hosts, log })));
    log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { startedAt, options, machine: describeMachine(), command: commandOf(options), rows };
}

/** The command that reproduces a run. */
export function commandOf(options: BenchOptions): string {
  const args: string[] = [];
  if (options.profile === 'quick') args.push('--quick');
  if (options.latencyMs !== 40) args.push(`--latency ${options.latencyMs}`);
  if (options.jitterMs !== 0) args.push(`--jitter ${options.jitterMs}`);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
}
