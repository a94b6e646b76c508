/**
 * The measurement loop: hrgraph and its baselines take turns, one run each per round, the order
 * rotating every round, so drift in the machine (a noisy neighbour, a GC, a warming JIT) lands
 * on all of them alike. Every run is also counted at the sandbox, as a cross-check of the
 * calls each contender says it made, and a contender served by a process of its own has that
 * process's CPU time read around each run.
 */
import { performance } from 'node:perf_hooks';
import { type CallSpan, criticalPath } from './critical-path.js';
import type { ServerMeter } from './server-meter.js';

/**
 * hrgraph; the hand-written server (the baseline its overhead is measured against); the
 * hand-written script (fetch and merge only, the floor); the naive per-object resolvers.
 */
export type ContenderName = 'hrgraph' | 'server' | 'script' | 'naive';

/** What one run of a contender reports about itself. */
export interface RunReport {
  /** Provider calls, with their time spans (from hrgraph's recorder or the baseline's own). */
  readonly spans: readonly CallSpan[];
  /** Ids of the employees the run returned, in order: every contender must return the same. */
  readonly ids: readonly string[];
}

export interface Contender {
  readonly name: ContenderName;
  run(): Promise<RunReport>;
  /** Measured runs. */
  readonly runs: number;
  /**
   * What to run to warm up, when a whole run is too dear (the naive baseline's wide run is a
   * minute of calls): something that fills the same caches. @default run
   */
  warm?(): Promise<unknown>;
  /** The serving process, where there is one (not for the script, which is the runner). */
  readonly meter?: ServerMeter;
}

export interface RunSample {
  readonly ms: number;
  readonly calls: number;
  readonly sandboxCalls: number;
  readonly roundTrips: number;
  readonly ids: readonly string[];
  /** The serving process's CPU time during the run, µs, and the requests it served. */
  readonly cpu: { readonly micros: number; readonly requests: number } | null;
}

export interface AlternateOptions {
  readonly contenders: readonly Contender[];
  /** Requests the sandbox has served so far. */
  readonly sandboxCount: () => Promise<number>;
  /**
   * Unmeasured runs first (caches, connections, and above all the JIT: hrgraph's first hundred
   * requests run several times slower than the rest). Each contender warms at least once, and
   * the repeatable contenders keep taking turns until this much time has passed.
   * @default 0
   */
  readonly warmupMs?: number;
  /** Called between the warm-up and the first measured run (a CPU profile starts there). */
  readonly onMeasure?: () => Promise<void>;
}

async function once(contender: Contender, sandboxCount: () => Promise<number>) {
  const before = await sandboxCount();
  const cpuBefore = await contender.meter?.read();
  const start = performance.now();
  const report = await contender.run();
  const ms = performance.now() - start;
  const cpuAfter = await contender.meter?.read();
  const sandboxCalls = (await sandboxCount()) - before;
  return {
    ms,
    calls: report.spans.length,
    sandboxCalls,
    roundTrips: criticalPath(report.spans),
    ids: report.ids,
    cpu:
      cpuBefore && cpuAfter
        ? {
            micros: cpuAfter.micros - cpuBefore.micros,
            requests: cpuAfter.requests - cpuBefore.requests,
          }
        : null,
  };
}

export async function alternate({
  contenders,
  sandboxCount,
  warmupMs = 0,
  onMeasure,
}: AlternateOptions): Promise<Map<ContenderName, RunSample[]>> {
  const samples = new Map<ContenderName, RunSample[]>(contenders.map((c) => [c.name, []]));
  const warmUntil = performance.now() + warmupMs;
  for (const c of contenders) await (c.warm ?? c.run)();
  const repeatable = contenders.filter((c) => !c.warm);
  while (performance.now() < warmUntil) for (const c of repeatable) await c.run();
  await onMeasure?.();
  const rounds = Math.max(...contenders.map((c) => c.runs));
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      const taken = samples.get(contender.name)!;
      if (taken.length >= contender.runs) continue;
      taken.push(await once(contender, sandboxCount));
    }
  }
  return samples;
}
