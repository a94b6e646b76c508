/**
 * One scenario's line of the report, built from its samples: calls against the minimum (and
 * the sandbox's own count), round trips, latency medians and ratios, CPU per request,
 * throughput, memory, and the problems that make the run fail.
 */
import type { Minimum } from '../minimums.js';
import type { ScenarioName } from '../options.js';
import type { ContenderName, RunSample } from './alternate.js';
import { cpuMsPerRequest } from './server-meter.js';
import { type LatencySummary, ratio, summarize } from './stats.js';

export interface ContenderResult {
  /** Provider calls of one run (or of one request, where the row says per request). */
  readonly calls: number | null;
  readonly roundTrips: number | null;
  readonly latency: LatencySummary;
  /**
   * The serving process's CPU time per request, ms (hrgraph, the hand-written server and the
   * naive baseline; null for the script, which is no server, and where not measured).
   */
  readonly cpuMsPerRequest?: number | null;
  /** Requests (or people, for the walk) per second, where it applies. */
  readonly throughput?: number | null;
  /** Peak resident set size of the serving process, MiB. */
  readonly peakRssMiB?: number | null;
  /** The JavaScript heap the serving process still held after a full collection, MiB. */
  readonly retainedHeapMiB?: number | null;
}

export interface ScenarioRow {
  readonly scenario: ScenarioName | `walk ${string}`;
  /** What one run is, in words. */
  readonly shape: string;
  /** What `calls` counts: a whole run, or one request. */
  readonly per: 'run' | 'request' | 'walk';
  readonly minimum: Minimum;
  readonly hrgraph: ContenderResult;
  /** The hand-written server: what hrgraph's overhead is measured against. */
  readonly server: ContenderResult;
  /** The hand-written script: fetching and merging only, the floor no server reaches. */
  readonly script: ContenderResult;
  /** Null where the naive baseline is not run (its calls would take hours); see `notes`. */
  readonly naive: ContenderResult | null;
  readonly ratios: {
    /** hrgraph p50 / hand-written server p50: hrgraph's overhead; the goal is ≤ 1.15. */
    readonly p50: number | null;
    /** The same at p95; the goal is ≤ 1.15. */
    readonly p95: number | null;
    /** hrgraph p50 / script p50: against the floor. */
    readonly scriptP50: number | null;
    /** hrgraph CPU per request / the server's. */
    readonly cpu: number | null;
    /** hrgraph throughput / the server's, where measured; the goal is ≥ 0.87. */
    readonly throughput: number | null;
    /** hrgraph peak RSS / the server's; the goal for the wide page is ≤ 2. */
    readonly peakRss: number | null;
    /** naive p50 / hrgraph p50: how much faster hrgraph is than N+1. */
    readonly naiveP50: number | null;
    readonly naiveP95: number | null;
    /** naive calls / hrgraph calls. */
    readonly naiveCalls: number | null;
  };
  /**
   * Server CPU µs per employee and field (CPU per request ÷ employees × fields in a request),
   * tracked for the directory and the wide page.
   */
  readonly cpuUsPerField: {
    readonly hrgraph: number | null;
    readonly server: number | null;
  } | null;
  /**
   * Whether the hand-written server answered the same `data` as hrgraph, byte for byte, on a
   * run before the measured ones (null where not compared).
   */
  readonly sameAnswer: boolean | null;
  /** The CPU profile of hrgraph's process written for this row (`--profile`). */
  readonly cpuProfile?: string;
  /** Everything that makes the run fail (calls off the minimum, baselines disagreeing, …). */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export { mib };

/** The calls every sample made, or null (with a problem) when they varied. */
function steady(
  name: ContenderName,
  samples: readonly RunSample[],
  pick: (s: RunSample) => number,
  problems: string[],
  what: string,
): number | null {
  if (samples.length === 0) return null;
  const values = [...new Set(samples.map(pick))];
  if (values.length > 1)
    problems.push(`${name}: ${what} varied between runs (${values.join(', ')})`);
  return Math.max(...values);
}

export function contenderResult(
  name: ContenderName,
  samples: readonly RunSample[],
  problems: string[],
): ContenderResult {
  for (const s of samples) {
    if (s.sandboxCalls !== s.calls)
      problems.push(`${name}: counted ${s.calls} calls, the sandbox served ${s.sandboxCalls}`);
  }
  return {
    calls: steady(name, samples, (s) => s.calls, problems, 'calls'),
    roundTrips: steady(name, samples, (s) => s.roundTrips, [], 'round trips'),
    latency: summarize(samples.map((s) => s.ms)),
    cpuMsPerRequest: cpuMsPerRequest(samples.map((s) => s.cpu)),
  };
}

/** Every contender must return the same employees in the same order. */
export function checkSameIds(
  samples: ReadonlyMap<ContenderName, readonly RunSample[]>,
  problems: string[],
): void {
  const reference = samples.get('hrgraph')?.[0]?.ids;
  if (!reference) return;
  for (const [name, list] of samples) {
    for (const sample of list) {
      const same =
        sample.ids.length === reference.length && sample.ids.every((id, i) => id === reference[i]);
      if (!same) {
        problems.push(`${name} returned other employees than hrgraph (${sample.ids.length} ids)`);
        break;
      }
    }
  }
}

export function ratiosOf(
  row: Pick<ScenarioRow, 'hrgraph' | 'server' | 'script' | 'naive'>,
): ScenarioRow['ratios'] {
  const { hrgraph, server, script, naive } = row;
  return {
    p50: ratio(hrgraph.latency.p50Ms, server.latency.p50Ms),
    p95: ratio(hrgraph.latency.p95Ms, server.latency.p95Ms),
    scriptP50: ratio(hrgraph.latency.p50Ms, script.latency.p50Ms),
    cpu: ratio(hrgraph.cpuMsPerRequest ?? null, server.cpuMsPerRequest ?? null),
    throughput: ratio(hrgraph.throughput ?? null, server.throughput ?? null),
    peakRss: ratio(hrgraph.peakRssMiB ?? null, server.peakRssMiB ?? null),
    naiveP50: ratio(naive?.latency.p50Ms ?? null, hrgraph.latency.p50Ms),
    naiveP95: ratio(naive?.latency.p95Ms ?? null, hrgraph.latency.p95Ms),
    naiveCalls: ratio(naive?.calls ?? null, hrgraph.calls),
  };
}

/** CPU µs per employee and field, for a request of `employeeFields` (employees × fields). */
export function cpuPerField(
  row: Pick<ScenarioRow, 'hrgraph' | 'server'>,
  employeeFields: number,
): ScenarioRow['cpuUsPerField'] {
  const per = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? null : (ms * 1000) / employeeFields;
  return { hrgraph: per(row.hrgraph.cpuMsPerRequest), server: per(row.server.cpuMsPerRequest) };
}

const who: Readonly<Record<ContenderName, string>> = {
  hrgraph: 'hrgraph',
  server: 'the hand-written server',
  script: 'the hand-written script',
  naive: 'the naive baseline',
};

/**
 * The calls hrgraph must match, and the baselines too: the hand-written plan is meant to be the
 * best one, so off the minimum, the baseline is wrong.
 */
export function checkMinimum(
  minimum: Minimum,
  results: Readonly<Partial<Record<ContenderName, ContenderResult>>>,
  problems: string[],
  per = '',
): void {
  for (const name of ['hrgraph', 'server', 'script'] as const) {
    const calls = results[name]?.calls;
    if (calls !== minimum.calls)
      problems.push(`${who[name]} made ${calls} calls${per}; the minimum is ${minimum.calls}`);
  }
}
