/**
 * The benchmark's knobs, from the command line: `npm run bench -- --latency 40 --quick`.
 * `--tiny` is CI's: the README's bench commands run with it (test/docs/) so they cannot rot.
 */
import { parseArgs } from 'node:util';

export const scenarioNames = [
  'directory',
  'wide',
  'nested',
  'lookups',
  'federation',
  'concurrent',
  'walk',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** `full` is the published run; `quick` a smoke run in seconds; `tiny` what CI runs, untimed. */
export type Profile = 'full' | 'quick' | 'tiny';

export interface BenchOptions {
  /** Latency the sandbox adds to every provider call. @default 40 */
  readonly latencyMs: number;
  /** Extra random latency per call, up to this. @default 0 */
  readonly jitterMs: number;
  /** @default 'full' */
  readonly profile: Profile;
  /** @default every scenario */
  readonly scenarios: readonly ScenarioName[];
  /** Clients of the concurrent scenario. @default 50 (quick: 10) */
  readonly clients: number;
  /** How long the concurrent scenario runs each contender. @default 20 (quick: 3) */
  readonly seconds: number;
  /** Where the JSON goes. @default bench/results/latest.json */
  readonly out: string;
  /** Child processes for the sandbox and the servers, or everything in this process. @default true */
  readonly processes: boolean;
  /** Rewrite the table in README.md's Benchmarks section. @default false */
  readonly readme: boolean;
}

const usage = `npm run bench -- [options]
  --latency <ms>     provider latency per call (default 40)
  --jitter <ms>      extra random latency per call, up to this (default 0)
  --quick            small sizes and short runs, for a smoke run
  --tiny             every scenario once at a tiny size, no latency, no warm-up: what CI runs to
                     keep a command working (overrides --quick, --latency, --jitter, --clients,
                     --seconds); its numbers mean nothing
  --only <a,b>       scenarios to run (${scenarioNames.join(', ')})
  --clients <n>      concurrent clients (default 50)
  --seconds <s>      concurrent run per contender (default 20)
  --out <file>       JSON results (default bench/results/latest.json)
  --in-process       no child processes (numbers then mix the sandbox's CPU in)
  --readme           rewrite the table in README.md's Benchmarks section`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | { help: string } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      latency: { type: 'string', default: '40' },
      jitter: { type: 'string', default: '0' },
      quick: { type: 'boolean', default: false },
      tiny: { type: 'boolean', default: false },
      only: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      'in-process': { type: 'boolean', default: false },
      readme: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: usage };
  const quick = values.quick === true;
  // The harness test's profile (test/bench/harness.test.ts), for running a documented command.
  const tiny = values.tiny === true;
  if (tiny && values.readme)
    throw new Error(`--tiny runs mean nothing: not for the README\n${usage}`);
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...scenarioNames];
  const unknown = only.filter((name) => !(scenarioNames as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown scenario: ${unknown.join(', ')}\n${usage}`);
  return {
    latencyMs: tiny ? 0 : nonNegative(values.latency, 'latency'),
    jitterMs: tiny ? 0 : nonNegative(values.jitter, 'jitter'),
    profile: tiny ? 'tiny' : quick ? 'quick' : 'full',
    scenarios: only as ScenarioName[],
    clients: tiny ? 3 : values.clients ? nonNegative(values.clients, 'clients') : quick ? 10 : 50,
    seconds: tiny ? 0 : values.seconds ? nonNegative(values.seconds, 'seconds') : quick ? 3 : 20,
    out: values.out ?? 'bench/results/latest.json',
    processes: values['in-process'] !== true,
    readme: values.readme === true,
  };
}

function nonNegative(text: string | undefined, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
}
