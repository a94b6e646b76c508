/**
 * One scenario's line of the report, built from its samples: calls against the minimum (and
 * the sandbox's own count), round trips, latency medians and ratios, throughput, memory, and
 * the problems that make the run fail.
 */
import type { Minimum } from '../minimums.js';
import type { ScenarioName } from '../options.js';
import type { ContenderName, RunSample } from './alternate.js';
import { type LatencySummary, ratio, summarize } from './stats.js';

export interface ContenderResult {
  /** Provider calls of one run (or of one request, where the row says per request). */
  readonly calls: number | null;
  readonly roundTrips: number | null;
  readonly latency: LatencySummary;
  /** Requests (or pages) per second, where it applies. */
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
  readonly hand: ContenderResult;
  /** Null where the naive baseline is not run (its calls would take hours); see `notes`. */
  readonly naive: ContenderResult | null;
  readonly ratios: {
    /** hrgraph p50 / hand-written p50: hrgraph's overhead; the goal is ≤ 1.15. */
    readonly p50: number | null;
    readonly p95: number | null;
    /** naive p50 / hrgraph p50: how much faster hrgraph is than N+1. */
    readonly naiveP50: number | null;
    readonly naiveP95: number | null;
    /** naive calls / hrgraph calls. */
    readonly naiveCalls: number | null;
  };
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
  hrgraph: ContenderResult,
  hand: ContenderResult,
  naive: ContenderResult | null,
): ScenarioRow['ratios'] {
  return {
    p50: ratio(hrgraph.latency.p50Ms, hand.latency.p50Ms),
    p95: ratio(hrgraph.latency.p95Ms, hand.latency.p95Ms),
    naiveP50: ratio(naive?.latency.p50Ms ?? null, hrgraph.latency.p50Ms),
    naiveP95: ratio(naive?.latency.p95Ms ?? null, hrgraph.latency.p95Ms),
    naiveCalls: ratio(naive?.calls ?? null, hrgraph.calls),
  };
}

/** The calls and round trips hrgraph must match. */
export function checkMinimum(
  minimum: Minimum,
  hrgraph: ContenderResult,
  hand: ContenderResult,
  problems: string[],
): void {
  if (hrgraph.calls !== minimum.calls)
    problems.push(`hrgraph made ${hrgraph.calls} calls; the minimum is ${minimum.calls}`);
  // The hand-written plan is meant to be the best one: off the minimum, the baseline is wrong.
  if (hand.calls !== minimum.calls)
    problems.push(
      `the hand-written baseline made ${hand.calls} calls; the minimum is ${minimum.calls}`,
    );
}
