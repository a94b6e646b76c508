/**
 * The shape most scenarios share: a unit of work (a directory walk, a wide page, a batch of
 * lookups) run again and again by hrgraph, the hand-written script and the naive baseline in
 * turn, reported as medians, ratios and calls against the minimum.
 */
import type { HandApi } from '../baselines/hand-written/api.js';
import { alternate, type Contender, type RunReport } from '../measure/alternate.js';
import type { GraphQLClient } from '../measure/graphql-client.js';
import {
  checkMinimum,
  checkSameIds,
  contenderResult,
  mib,
  ratiosOf,
  type ScenarioRow,
} from '../measure/row.js';
import type { Minimum } from '../minimums.js';
import type { ScenarioName } from '../options.js';
import type { Stack } from './stack.js';

export interface IteratedSpec {
  readonly scenario: ScenarioName;
  readonly shape: string;
  readonly minimum: Minimum;
  /** Measured runs of hrgraph and of the hand-written script. */
  readonly runs: number;
  /** Measured runs of the naive baseline (0: not run). */
  readonly naiveRuns: number;
  /** One run through a GraphQL server: hrgraph's, or the naive baseline's. */
  graph(client: GraphQLClient): Promise<RunReport>;
  hand(api: HandApi): Promise<RunReport>;
  /** Warms the naive server's caches more cheaply than a whole run. @default a whole run */
  naiveWarm?(client: GraphQLClient): Promise<unknown>;
  readonly notes?: readonly string[];
}

export async function iterated(stack: Stack, spec: IteratedSpec): Promise<ScenarioRow> {
  const contenders: Contender[] = [
    { name: 'hrgraph', runs: spec.runs, run: () => spec.graph(stack.hrgraph) },
    { name: 'hand', runs: spec.runs, run: () => spec.hand(stack.hand) },
  ];
  const naiveClient = stack.naive;
  if (naiveClient && spec.naiveRuns > 0) {
    contenders.push({
      name: 'naive',
      runs: spec.naiveRuns,
      run: () => spec.graph(naiveClient),
      warm: spec.naiveWarm && (() => spec.naiveWarm!(naiveClient)),
    });
  }
  const samples = await alternate({
    contenders,
    sandboxCount: () => stack.sandbox.requestCount(),
    warmupMs: stack.warmupMs,
  });
  const problems: string[] = [];
  const hrgraph = {
    ...contenderResult('hrgraph', samples.get('hrgraph')!, problems),
    peakRssMiB: mib((await stack.hrgraphServer.memory()).peakRssBytes),
  };
  const hand = contenderResult('hand', samples.get('hand')!, problems);
  const naiveSamples = samples.get('naive');
  const naive = naiveSamples ? contenderResult('naive', naiveSamples, problems) : null;
  checkMinimum(spec.minimum, hrgraph, hand, problems);
  checkSameIds(samples, problems);
  return {
    scenario: spec.scenario,
    shape: spec.shape,
    per: 'run',
    minimum: spec.minimum,
    hrgraph,
    hand,
    naive,
    ratios: ratiosOf(hrgraph, hand, naive),
    problems,
    notes: spec.notes ?? [],
  };
}

/** Fresh, empty span lists per run for the hand-written baseline. */
export async function handRun(api: HandApi, work: () => Promise<readonly string[]>) {
  api.take();
  const ids = await work();
  return { spans: api.take(), ids };
}
