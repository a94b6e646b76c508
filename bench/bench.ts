/**
 * Runs the chosen scenarios one after another and gathers their rows; the CLI (`run.ts`) and
 * the CI smoke test both call this.
 */
import type { Hosts } from './hosts/hosts.js';
import { describeMachine, type Machine } from './machine.js';
import { foreignShare, sampleCpu } from './measure/foreign-cpu.js';
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
   * The share of the machine's CPU that processes other than the benchmark's used, per scenario
   * and for the whole run (null where /proc cannot say).
   */
  readonly foreignCpu: {
    readonly whole: number | null;
    readonly scenarios: readonly {
      readonly scenario: ScenarioName;
      readonly share: number | null;
    }[];
  };
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
  const foreign: { scenario: ScenarioName; share: number | null }[] = [];
  const first = sampleCpu();
  for (const name of options.scenarios) {
    log(`${name}…`);
    const started = Date.now();
    const cpu = sampleCpu();
    rows.push(...(await scenarios[name].run({ options, hosts, log })));
    const share = foreignShare(cpu, sampleCpu());
    foreign.push({ scenario: name, share: share === null ? null : round(share) });
    log(
      `${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (share === null ? '' : `; other processes used ${Math.round(share * 100)}% of the CPU`),
    );
  }
  const whole = foreignShare(first, sampleCpu());
  return {
    startedAt,
    foreignCpu: { whole: whole === null ? null : round(whole), scenarios: foreign },
    options,
    machine: describeMachine(),
    command: commandOf(options),
    rows,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** How much of the CPU other processes took during the run, in words. */
export function foreignCpuText(results: BenchResults): string {
  const { whole, scenarios } = results.foreignCpu;
  if (whole === null) return 'other processes’ share of the CPU unknown';
  const worst = scenarios.reduce((a, b) => ((b.share ?? 0) > (a.share ?? 0) ? b : a));
  const pct = (n: number | null) => `${Math.round((n ?? 0) * 100)}%`;
  return `other processes used ${pct(whole)} of the CPU while it ran (${pct(worst.share)} during ${worst.scenario})`;
}

/** The command that reproduces a run. */
export function commandOf(options: BenchOptions): string {
  const args: string[] = [];
  if (options.profile !== 'full') args.push(`--${options.profile}`);
  if (options.latencyMs !== 40) args.push(`--latency ${options.latencyMs}`);
  if (options.jitterMs !== 0) args.push(`--jitter ${options.jitterMs}`);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
}
