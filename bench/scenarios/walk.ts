/**
 * walk: every person of a company, page by page, at two sizes (10,000 and 100,000). hrgraph
 * holds nothing between pages, so its memory must stay flat as the company grows: a fresh hrgraph
 * process per size, and its peak RSS reported for each. hrgraph and the hand-written server and
 * script walk in lockstep, a page each in turn; the naive baseline walks only its first pages (a page of
 * 1,000 people costs it thousands of calls) and its whole walk is extrapolated from them.
 */
import { performance } from 'node:perf_hooks';
import { listPage } from '../baselines/hand-written/directory.js';
import type { ContenderName } from '../measure/alternate.js';
import { compareAnswers } from '../measure/answers.js';
import { criticalPath } from '../measure/critical-path.js';
import { type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import {
  type ContenderResult,
  checkMinimum,
  mib,
  ratiosOf,
  type ScenarioRow,
} from '../measure/row.js';
import { cpuMsPerRequest, type ServerMeter, serverMeter } from '../measure/server-meter.js';
import { summarize } from '../measure/stats.js';
import { pagedList } from '../minimums.js';
import { bambooKeysOf, selectionOf, walkFields } from './fields.js';
import { profiling } from './profiling.js';
import { type Stack, withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario, type ScenarioContext } from './types.js';

const sizes: PerProfile<{ people: readonly number[]; pageSize: number; naivePages: number }> = {
  full: { people: [10_000, 100_000], pageSize: 1000, naivePages: 1 },
  quick: { people: [2_000, 10_000], pageSize: 1000, naivePages: 1 },
  tiny: { people: [30, 60], pageSize: 10, naivePages: 1 },
};

/** Peak RSS may grow this much from the smallest company to the largest and still be flat. */
const FLAT = { factor: 1.25, slackMiB: 16 };

export const walkQuery = /* GraphQL */ `
  query Walk($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { remoteId ${selectionOf(walkFields)} }
    }
  }
`;

interface WalkPage {
  readonly employees: {
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly { readonly remoteId: string }[];
  };
}

/** One contender's walk: a page per `step()`, timed, until the end. */
interface Walker {
  readonly name: ContenderName;
  readonly pageMs: number[];
  calls: number;
  roundTrips: number;
  people: number;
  done: boolean;
  step(): Promise<void>;
}

function graphWalker(name: ContenderName, client: GraphQLClient, pageSize: number): Walker {
  let after: string | null = null;
  const walker: Walker = {
    name,
    pageMs: [],
    calls: 0,
    roundTrips: 0,
    people: 0,
    done: false,
    async step() {
      const start = performance.now();
      const reply = await client.query<WalkPage>(walkQuery, {
        account: ACCOUNT,
        first: pageSize,
        after,
      });
      walker.pageMs.push(performance.now() - start);
      walker.calls += reply.upstream.calls;
      walker.roundTrips += criticalPath(spansOf(reply.upstream));
      walker.people += reply.data.employees.nodes.length;
      after = reply.data.employees.pageInfo.endCursor;
      walker.done = !reply.data.employees.pageInfo.hasNextPage;
    },
  };
  return walker;
}

function scriptWalker(stack: Stack, pageSize: number, keys: readonly string[]): Walker {
  let after: string | null = null;
  const walker: Walker = {
    name: 'script',
    pageMs: [],
    calls: 0,
    roundTrips: 0,
    people: 0,
    done: false,
    async step() {
      stack.script.take();
      const start = performance.now();
      const page = await listPage(stack.script, pageSize, keys, after);
      walker.pageMs.push(performance.now() - start);
      const spans = stack.script.take();
      walker.calls += spans.length;
      walker.roundTrips += criticalPath(spans);
      walker.people += page.data.length;
      after = page.meta.page.nextCursor;
      walker.done = after === null;
    },
  };
  return walker;
}

function resultOf(walker: Walker, extra: Partial<ContenderResult> = {}): ContenderResult {
  const totalMs = walker.pageMs.reduce((a, b) => a + b, 0);
  return {
    calls: walker.calls,
    roundTrips: walker.roundTrips,
    latency: summarize(walker.pageMs),
    throughput: totalMs > 0 ? (walker.people / totalMs) * 1000 : null,
    ...extra,
  };
}

/** A server's CPU time over the walk, per page it served. */
async function cpuOver<T>(meters: readonly ServerMeter[], work: () => Promise<T>) {
  const before = await Promise.all(meters.map((m) => m.read()));
  const result = await work();
  const after = await Promise.all(meters.map((m) => m.read()));
  const perRequest = after.map((reading, i) =>
    cpuMsPerRequest([
      {
        micros: reading.micros - before[i]!.micros,
        requests: reading.requests - before[i]!.requests,
      },
    ]),
  );
  return { result, perRequest };
}

async function walkOnce(
  ctx: ScenarioContext,
  people: number,
  first: boolean,
): Promise<ScenarioRow> {
  const { pageSize, naivePages } = sizes[ctx.options.profile];
  const keys = bambooKeysOf(walkFields);
  const stackOptions = { endpoint: 'walk', naive: first } as const;
  return withStack(ctx, { people, customFields: 0 }, stackOptions, async (stack) => {
    const problems: string[] = [];
    // The first two pages through hrgraph and the hand-written server: the second follows the
    // first's cursor, so the cursors must agree too.
    const differs = await compareAnswers(
      async (client) => {
        const walker = graphWalker('hrgraph', client, pageSize);
        await walker.step();
        if (!walker.done) await walker.step();
      },
      stack.hrgraph,
      stack.server,
    );
    if (differs) problems.push(differs);
    // Warm (field metadata, connections, the JIT) on the first pages, then note the memory the
    // walk starts from.
    const warmUntil = performance.now() + stack.warmupMs;
    do {
      await graphWalker('hrgraph', stack.hrgraph, pageSize).step();
      await graphWalker('server', stack.server, pageSize).step();
      await scriptWalker(stack, pageSize, keys).step();
    } while (performance.now() < warmUntil);
    const before = await stack.hrgraphServer.memoryAfterGc();
    const hrgraph = graphWalker('hrgraph', stack.hrgraph, pageSize);
    const server = graphWalker('server', stack.server, pageSize);
    const script = scriptWalker(stack, pageSize, keys);
    const naive = stack.naive ? graphWalker('naive', stack.naive, pageSize) : null;
    const walkers = [hrgraph, server, script];
    const sandboxBefore = await stack.sandbox.requestCount();
    const profile = profiling(ctx, `walk ${people}`, stack.hrgraphServer);
    await profile.start();
    const meters = [
      serverMeter(stack.hrgraphServer, stack.hrgraph),
      serverMeter(stack.handServer, stack.server),
    ];
    const { perRequest: cpu } = await cpuOver(meters, async () => {
      while (walkers.some((w) => !w.done)) for (const w of walkers) if (!w.done) await w.step();
    });
    const cpuProfile = await profile.stop();
    const served = (await stack.sandbox.requestCount()) - sandboxBefore;
    const counted = walkers.reduce((n, w) => n + w.calls, 0);
    if (served !== counted)
      problems.push(
        `the sandbox served ${served} calls; hrgraph and the hand-written server and script counted ${counted}`,
      );
    if (naive) for (let page = 0; page < naivePages && !naive.done; page++) await naive.step();
    const after = await stack.hrgraphServer.memory();
    const retained = await stack.hrgraphServer.memoryAfterGc();
    const serverMemory = await stack.handServer.memory();
    const minimum = pagedList(people, pageSize, keys);
    const results = {
      hrgraph: resultOf(hrgraph, {
        cpuMsPerRequest: cpu[0],
        peakRssMiB: mib(after.peakRssBytes),
        retainedHeapMiB: mib(retained.heapUsedBytes),
      }),
      server: resultOf(server, {
        cpuMsPerRequest: cpu[1],
        peakRssMiB: mib(serverMemory.peakRssBytes),
      }),
      script: resultOf(script),
    };
    const pages = Math.ceil(people / pageSize);
    const naiveResult = naive
      ? {
          ...resultOf(naive),
          calls: Math.round((naive.calls / naive.pageMs.length) * pages),
          roundTrips: null,
        }
      : null;
    checkMinimum(minimum, results, problems);
    const walked = walkers.filter((w) => w.people !== people);
    if (walked.length > 0)
      problems.push(
        `walked ${walked.map((w) => `${w.people} (${w.name})`).join(', ')} of ${people} people`,
      );
    const notes = [
      `Latency is per page; throughput is people per second; CPU is per page. hrgraph's RSS was ${mib(before.rssBytes)} MiB before the walk; after it, a full garbage collection left ${mib(retained.heapUsedBytes)} MiB of heap in use (${mib(before.heapUsedBytes)} MiB before).`,
    ];
    if (naive)
      notes.push(
        `The naive baseline walked ${naive.pageMs.length} page(s) (${naive.calls.toLocaleString('en-US')} calls); its calls for the whole walk are extrapolated.`,
      );
    return {
      scenario: `walk ${people.toLocaleString('en-US')}`,
      shape: `every one of ${people.toLocaleString('en-US')} people × ${keys.length} fields, pages of ${pageSize}`,
      per: 'walk',
      minimum,
      ...results,
      naive: naiveResult,
      ratios: ratiosOf({ ...results, naive: naiveResult }),
      cpuUsPerField: null,
      sameAnswer: differs === null,
      ...(cpuProfile ? { cpuProfile } : {}),
      problems,
      notes,
    };
  });
}

export const walk: Scenario = {
  name: 'walk',
  async run(ctx) {
    const rows: ScenarioRow[] = [];
    const { people } = sizes[ctx.options.profile];
    for (const [i, size] of people.entries()) {
      ctx.log(`walk over ${size.toLocaleString('en-US')} people`);
      rows.push(await walkOnce(ctx, size, i === 0));
    }
    // Memory is judged only where hrgraph has a process of its own: in-process, the figures are
    // the whole runner's (sandbox, load generator, baselines, a test runner's other work), which
    // say nothing of what hrgraph keeps, and are reported but not judged.
    if (!ctx.options.processes) return rows;
    const [smallest, largest] = [rows[0]!, rows[rows.length - 1]!];
    const low = smallest.hrgraph.peakRssMiB ?? 0;
    const high = largest.hrgraph.peakRssMiB ?? 0;
    const problems: string[] = [];
    if (high > low * FLAT.factor + FLAT.slackMiB)
      problems.push(
        `hrgraph's peak RSS grew from ${low} MiB to ${high} MiB as the company grew: not flat`,
      );
    const kept = [smallest, largest].map((row) => row.hrgraph.retainedHeapMiB ?? 0);
    if (kept[1]! > kept[0]! + FLAT.slackMiB)
      problems.push(
        `hrgraph kept ${kept[1]} MiB of heap after the larger walk, ${kept[0]} MiB after the smaller`,
      );
    if (problems.length > 0)
      rows[rows.length - 1] = { ...largest, problems: [...largest.problems, ...problems] };
    return rows;
  },
};
