/**
 * concurrent: 50 clients asking for the directory's first page over and over for 20 seconds.
 * Each contender gets the same clients and the same time, in alternating slices, on the same
 * cores: hrgraph and the hand-written server are one process each, started alike. A request still
 * running when its slice ends (plus a grace period) is abandoned and not counted: the naive
 * baseline's pages take thousands of calls each, and may not finish at all.
 */
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { listPage } from '../baselines/hand-written/directory.js';
import type { ContenderName } from '../measure/alternate.js';
import { compareAnswers } from '../measure/answers.js';
import { criticalPath } from '../measure/critical-path.js';
import { type GraphQLClient, spansOf } from '../measure/graphql-client.js';
import { type ContenderResult, checkMinimum, mib, ratiosOf } from '../measure/row.js';
import { cpuMsPerRequest, type MeterReading, serverMeter } from '../measure/server-meter.js';
import { summarize } from '../measure/stats.js';
import { pagedList, repeated } from '../minimums.js';
import { type DirectoryPage, directoryQuery } from './directory.js';
import { bambooKeysOf, directoryFields } from './fields.js';
import { profiling } from './profiling.js';
import { type Stack, withStack } from './stack.js';
import { ACCOUNT, type PerProfile, type Scenario } from './types.js';

const sizes: PerProfile<{ company: number; pageSize: number; slices: number; graceMs: number }> = {
  full: { company: 1000, pageSize: 100, slices: 2, graceMs: 2000 },
  quick: { company: 200, pageSize: 25, slices: 1, graceMs: 1000 },
  tiny: { company: 30, pageSize: 10, slices: 1, graceMs: 5000 },
};

interface Done {
  readonly ms: number;
  readonly calls: number;
  readonly roundTrips: number;
}

interface Tally {
  readonly done: Done[];
  readonly abandoned: number[];
  /** The serving process's CPU over each slice, µs, and the requests sent to it. */
  readonly cpu: ({ micros: number; requests: number } | null)[];
  elapsedMs: number;
  sandboxCalls: number;
}

const emptyTally = (): Tally => ({
  done: [],
  abandoned: [],
  cpu: [],
  elapsedMs: 0,
  sandboxCalls: 0,
});

type Request = (signal: AbortSignal) => Promise<{ calls: number; roundTrips: number }>;

/** `clients` loops of `request` until `ms` has passed; each client sends at least one. */
async function slice(clients: number, ms: number, graceMs: number, request: Request, tally: Tally) {
  const abort = new AbortController();
  // Every client of the slice listens to it: more than Node's default of ten is the design.
  setMaxListeners(clients + 10, abort.signal);
  const start = performance.now();
  const deadline = start + ms;
  const grace = setTimeout(() => abort.abort(), ms + graceMs);
  let abandoned = 0;
  async function client() {
    do {
      const began = performance.now();
      try {
        const { calls, roundTrips } = await request(abort.signal);
        tally.done.push({ ms: performance.now() - began, calls, roundTrips });
      } catch (error) {
        if (!abort.signal.aborted) throw error;
        abandoned++;
        return;
      }
    } while (performance.now() < deadline);
  }
  await Promise.all(Array.from({ length: clients }, client));
  clearTimeout(grace);
  tally.elapsedMs += Math.min(performance.now() - start, ms + graceMs);
  tally.abandoned.push(abandoned);
}

function graphRequest(client: GraphQLClient, pageSize: number): Request {
  return async (signal) => {
    const reply = await client.query<DirectoryPage>(
      directoryQuery,
      { account: ACCOUNT, first: pageSize },
      { signal },
    );
    return { calls: reply.upstream.calls, roundTrips: criticalPath(spansOf(reply.upstream)) };
  };
}

function scriptRequest(stack: Stack, pageSize: number, keys: readonly string[]): Request {
  return async () => {
    await listPage(stack.script, pageSize, keys, null);
    // The script's request is its one call; its spans are not kept for a run this long.
    stack.script.take();
    return { calls: 1, roundTrips: 1 };
  };
}

function resultOf(tally: Tally, problems: string[], name: ContenderName): ContenderResult {
  const counts = [...new Set(tally.done.map((d) => d.calls))];
  if (counts.length > 1) problems.push(`${name}: calls per request varied (${counts.join(', ')})`);
  const calls = tally.done.reduce((n, d) => n + d.calls, 0);
  if (name !== 'naive' && tally.sandboxCalls !== calls)
    problems.push(`${name}: counted ${calls} calls, the sandbox served ${tally.sandboxCalls}`);
  return {
    calls: counts.length > 0 ? Math.max(...counts) : null,
    roundTrips: tally.done.length > 0 ? Math.max(...tally.done.map((d) => d.roundTrips)) : null,
    latency: summarize(tally.done.map((d) => d.ms)),
    cpuMsPerRequest: tally.cpu.length > 0 ? cpuMsPerRequest(tally.cpu) : null,
    throughput: tally.elapsedMs > 0 ? (tally.done.length / tally.elapsedMs) * 1000 : null,
  };
}

const firstPage = (pageSize: number) => async (client: GraphQLClient) =>
  client.query(directoryQuery, { account: ACCOUNT, first: pageSize });

export const concurrent: Scenario = {
  name: 'concurrent',
  async run(ctx) {
    const size = sizes[ctx.options.profile];
    const { clients } = ctx.options;
    const sliceMs = (ctx.options.profile === 'tiny' ? 0 : ctx.options.seconds * 1000) / size.slices;
    const keys = bambooKeysOf(directoryFields);
    const connections = Math.max(clients, 1);
    const stackOptions = { endpoint: 'directory', connections } as const;
    const company = { people: size.company, customFields: 0 };
    const row = await withStack(ctx, company, stackOptions, async (stack) => {
      const naiveClient = stack.naive!;
      const requests: Record<ContenderName, Request> = {
        hrgraph: graphRequest(stack.hrgraph, size.pageSize),
        server: graphRequest(stack.server, size.pageSize),
        script: scriptRequest(stack, size.pageSize, keys),
        naive: graphRequest(naiveClient, size.pageSize),
      };
      const meters: Partial<Record<ContenderName, () => Promise<MeterReading>>> = {
        hrgraph: serverMeter(stack.hrgraphServer, stack.hrgraph).read,
        server: serverMeter(stack.handServer, stack.server).read,
        naive: serverMeter(stack.naiveServer!, naiveClient).read,
      };
      const problems: string[] = [];
      const differs = await compareAnswers(firstPage(size.pageSize), stack.hrgraph, stack.server);
      if (differs) problems.push(differs);
      const tallies = new Map<ContenderName, Tally>();
      // Warm every contender with one request per client: connections, caches, JIT.
      for (const name of ['hrgraph', 'server', 'script', 'naive'] as const) {
        tallies.set(name, emptyTally());
        if (name !== 'naive') await slice(clients, 0, 60_000, requests[name], emptyTally());
      }
      await graphRequest(naiveClient, 1)(new AbortController().signal);
      async function measureSlice(name: ContenderName) {
        const tally = tallies.get(name)!;
        const before = await stack.sandbox.requestCount();
        const cpuBefore = await meters[name]?.();
        await slice(clients, sliceMs, size.graceMs, requests[name], tally);
        const cpuAfter = await meters[name]?.();
        tally.sandboxCalls += (await stack.sandbox.requestCount()) - before;
        if (cpuBefore && cpuAfter)
          tally.cpu.push({
            micros: cpuAfter.micros - cpuBefore.micros,
            requests: cpuAfter.requests - cpuBefore.requests,
          });
      }
      // hrgraph and the hand-written server and script take turns; the naive baseline runs last,
      // because the calls its abandoned requests leave queued would spill into whatever ran next.
      // Closing its server at the end drops them.
      const profile = profiling(ctx, 'concurrent', stack.hrgraphServer);
      await profile.start();
      const order: ContenderName[] = ['hrgraph', 'server', 'script'];
      for (let s = 0; s < size.slices; s++) {
        for (let i = 0; i < order.length; i++) await measureSlice(order[(i + s) % order.length]!);
      }
      const cpuProfile = await profile.stop();
      for (let s = 0; s < size.slices; s++) await measureSlice('naive');
      const [hrgraphMemory, serverMemory] = await Promise.all([
        stack.hrgraphServer.memory(),
        stack.handServer.memory(),
      ]);
      const results = {
        hrgraph: {
          ...resultOf(tallies.get('hrgraph')!, problems, 'hrgraph'),
          peakRssMiB: mib(hrgraphMemory.peakRssBytes),
        },
        server: {
          ...resultOf(tallies.get('server')!, problems, 'server'),
          peakRssMiB: mib(serverMemory.peakRssBytes),
        },
        script: resultOf(tallies.get('script')!, problems, 'script'),
        naive: resultOf(tallies.get('naive')!, problems, 'naive'),
      };
      const minimum = repeated(1, pagedList(size.pageSize, size.pageSize, keys));
      checkMinimum(minimum, results, problems, ' a request');
      const naiveTally = tallies.get('naive')!;
      const abandoned = naiveTally.abandoned.reduce((a, b) => a + b, 0);
      return {
        scenario: 'concurrent' as const,
        shape: `${clients} clients, each asking the directory's first page (${size.pageSize} × ${keys.length} fields) over and over, ${ctx.options.seconds} s per contender`,
        per: 'request' as const,
        minimum,
        ...results,
        ratios: ratiosOf(results),
        cpuUsPerField: null,
        sameAnswer: differs === null,
        ...(cpuProfile ? { cpuProfile } : {}),
        problems,
        notes: [
          `Throughput is requests per second; hrgraph and the hand-written server are one process each on the same cores. The naive baseline finished ${naiveTally.done.length} request(s) and abandoned ${abandoned} at the end of its slices; it ran after the others rather than between them, so its queued calls could not spill into their slices.`,
        ],
      };
    });
    return [row];
  },
};
