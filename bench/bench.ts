/**
 * Runs the chosen scenarios one after another and gathers their rows; the CLI (`run.ts`) and
 * the CI smoke test both call this.
 */
import { loadavg } from 'node:os';
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
  /**
   * The machine's 1-minute load average as each scenario began and as the run ended. The
   * scenarios time CPU-bound work: anything else running on the machine shows up here first.
   */
  readonly loadAverage: readonly { readonly at: string; readonly load: number }[];
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
  const loadAverage: { at: string; load: number }[] = [];
  const sampleLoad = (at: string) => loadAverage.push({ at, load: round(loadavg()[0] ?? 0) });
  for (const name of options.scenarios) {
    sampleLoad(name);
    log(`${name}…`);
    const started = Date.now();
    rows.push(...(await scenarios[name].run({ options, hosts, log })));
    log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  sampleLoad('end');
  return {
    startedAt,
    loadAverage,
    options,
    machine: describeMachine(),
    command: commandOf(options),
    rows,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The highest load average seen during a run. */
export const peakLoad = (results: BenchResults) =>
  Math.max(0, ...results.loadAverage.map((sample) => sample.load));

/** The command that reproduces a run. */
export function commandOf(options: BenchOptions): string {
  const args: string[] = [];
  if (options.profile === 'quick') args.push('--quick');
  if (options.latencyMs !== 40) args.push(`--latency ${options.latencyMs}`);
  if (options.jitterMs !== 0) args.push(`--jitter ${options.jitterMs}`);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
}
