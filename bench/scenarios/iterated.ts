/**
 * The shape most scenarios share: a unit of work (a directory walk, a wide page, a batch of
 * lookups) run again and again by hrgraph, the hand-written server, the hand-written script and
 * the naive baseline in turn, reported as medians, ratios, CPU per request and calls against the
 * minimum.
 */
import type { HandApi } from '../baselines/hand-written/api.js';
import { alternate, type Contender, type RunReport } from '../measure/alternate.js';
import { compareAnswers } from '../measure/answers.js';
import type { GraphQLClient } from '../measure/graphql-client.js';
import {
  checkMinimum,
  checkSameIds,
  contenderResult,
  cpuPerField,
  mib,
  ratiosOf,
  type ScenarioRow,
} from '../measure/row.js';
import { serverMeter } from '../measure/server-meter.js';
import type { Minimum } from '../minimums.js';
import type { ScenarioName } from '../options.js';
import { profiling } from './profiling.js';
import type { Stack } from './stack.js';
import type { ScenarioContext } from './types.js';

export interface IteratedSpec {
  readonly scenario: ScenarioName;
  readonly shape: string;
  readonly minimum: Minimum;
  /** Measured runs of hrgraph and of the hand-written server and script. */
  readonly runs: number;
  /** Measured runs of the naive baseline (0: not run). */
  readonly naiveRuns: number;
  /** One run through a GraphQL server: hrgraph's, the hand-written one, or the naive one. */
  graph(client: GraphQLClient): Promise<RunReport>;
  script(api: HandApi): Promise<RunReport>;
  /** Warms the naive server's caches more cheaply than a whole run. @default a whole run */
  naiveWarm?(client: GraphQLClient): Promise<unknown>;
  /**
   * Employees × fields in one request, where the row tracks CPU µs per employee-field.
   * @default not tracked
   */
  readonly employeeFieldsPerRequest?: number;
  readonly notes?: readonly string[];
}

export async function iterated(
  ctx: ScenarioContext,
  stack: Stack,
  spec: IteratedSpec,
): Promise<ScenarioRow> {
  const contenders: Contender[] = [
    {
      name: 'hrgraph',
      runs: spec.runs,
      run: () => spec.graph(stack.hrgraph),
      meter: serverMeter(stack.hrgraphServer, stack.hrgraph),
    },
    {
      name: 'server',
      runs: spec.runs,
      run: () => spec.graph(stack.server),
      meter: serverMeter(stack.handServer, stack.server),
    },
    { name: 'script', runs: spec.runs, run: () => spec.script(stack.script) },
  ];
  const { naive: naiveClient, naiveServer } = stack;
  if (naiveClient && naiveServer && spec.naiveRuns > 0) {
    contenders.push({
      name: 'naive',
      runs: spec.naiveRuns,
      run: () => spec.graph(naiveClient),
      warm: spec.naiveWarm && (() => spec.naiveWarm!(naiveClient)),
      meter: serverMeter(naiveServer, naiveClient),
    });
  }
  const problems: string[] = [];
  const differs = await compareAnswers(spec.graph, stack.hrgraph, stack.server);
  if (differs) problems.push(differs);
  const profile = profiling(ctx, spec.scenario, stack.hrgraphServer);
  const samples = await alternate({
    contenders,
    sandboxCount: () => stack.sandbox.requestCount(),
    warmupMs: stack.warmupMs,
    onMeasure: () => profile.start(),
  });
  const cpuProfile = await profile.stop();
  const [hrgraphMemory, serverMemory] = await Promise.all([
    stack.hrgraphServer.memory(),
    stack.handServer.memory(),
  ]);
  const results = {
    hrgraph: {
      ...contenderResult('hrgraph', samples.get('hrgraph')!, problems),
      peakRssMiB: mib(hrgraphMemory.peakRssBytes),
    },
    server: {
      ...contenderResult('server', samples.get('server')!, problems),
      peakRssMiB: mib(serverMemory.peakRssBytes),
    },
    script: contenderResult('script', samples.get('script')!, problems),
  };
  const naiveSamples = samples.get('naive');
  const naive = naiveSamples ? contenderResult('naive', naiveSamples, problems) : null;
  checkMinimum(spec.minimum, results, problems);
  checkSameIds(samples, problems);
  return {
    scenario: spec.scenario,
    shape: spec.shape,
    per: 'run',
    minimum: spec.minimum,
    ...results,
    naive,
    ratios: ratiosOf({ ...results, naive }),
    cpuUsPerField:
      spec.employeeFieldsPerRequest === undefined
        ? null
        : cpuPerField(results, spec.employeeFieldsPerRequest),
    sameAnswer: differs === null,
    ...(cpuProfile ? { cpuProfile } : {}),
    problems,
    notes: spec.notes ?? [],
  };
}

/** Fresh, empty span lists per run for the hand-written script. */
export async function scriptRun(api: HandApi, work: () => Promise<readonly string[]>) {
  api.take();
  const ids = await work();
  return { spans: api.take(), ids };
}
