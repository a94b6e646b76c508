/**
 * The benchmark harness cannot rot: every scenario runs once at a tiny size with no injected
 * latency, in this process, and must produce its row with hrgraph's calls equal to the computed
 * minimum, and the hand-written server answering exactly what hrgraph answers. Nothing here is
 * timed: benchmarks are not tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type BenchResults, runBench } from '../../bench/bench.js';
import { inProcessHosts } from '../../bench/hosts/hosts.js';
import { type BenchOptions, scenarioNames } from '../../bench/options.js';
import { formatProblems, formatTable } from '../../bench/report/table.js';

const tiny: BenchOptions = {
  latencyMs: 0,
  jitterMs: 0,
  profile: 'tiny',
  scenarios: scenarioNames,
  clients: 3,
  seconds: 0,
  out: '',
  processes: false,
  readme: false,
  cpuProfile: null,
};

let results: BenchResults;
beforeAll(async () => {
  results = await runBench(tiny, inProcessHosts);
});

const rowsOf = (name: string) => results.rows.filter((row) => row.scenario.split(' ')[0] === name);

describe('npm run bench, every scenario once at a tiny size', () => {
  it.each(scenarioNames)('%s produces its row', (name) => {
    const rows = rowsOf(name);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hrgraph.latency.samples).toBeGreaterThan(0);
      expect(row.server.latency.samples).toBeGreaterThan(0);
      expect(row.script.latency.samples).toBeGreaterThan(0);
    }
  });

  it.each(scenarioNames)(
    '%s: hrgraph’s calls equal the computed minimum, as do the hand-written server’s and script’s',
    (name) => {
      for (const row of rowsOf(name)) {
        expect(row.hrgraph.calls, row.scenario).toBe(row.minimum.calls);
        expect(row.server.calls, row.scenario).toBe(row.minimum.calls);
        expect(row.script.calls, row.scenario).toBe(row.minimum.calls);
      }
    },
  );

  it.each(scenarioNames)(
    '%s: the hand-written server answers the same data as hrgraph, byte for byte',
    (name) => {
      for (const row of rowsOf(name)) {
        const mismatch = row.problems.filter((p) => p.includes('answered other data'));
        expect(mismatch, row.scenario).toEqual([]);
        expect(row.sameAnswer, row.scenario).toBe(true);
      }
    },
  );

  it.each(scenarioNames)(
    '%s: the CPU per request of hrgraph and of the hand-written server is read',
    (name) => {
      for (const row of rowsOf(name)) {
        expect(row.hrgraph.cpuMsPerRequest, row.scenario).toBeGreaterThan(0);
        expect(row.server.cpuMsPerRequest, row.scenario).toBeGreaterThan(0);
        expect(row.ratios.cpu, row.scenario).not.toBeNull();
      }
    },
  );

  it.each(['directory', 'wide'])('%s tracks CPU µs per employee-field for both servers', (name) => {
    const [row] = rowsOf(name);
    expect(row?.cpuUsPerField?.hrgraph).toBeGreaterThan(0);
    expect(row?.cpuUsPerField?.server).toBeGreaterThan(0);
  });

  it('throughput under concurrency is measured for hrgraph and the hand-written server', () => {
    const [row] = rowsOf('concurrent');
    expect(row?.hrgraph.throughput).toBeGreaterThan(0);
    expect(row?.server.throughput).toBeGreaterThan(0);
    expect(row?.ratios.throughput).not.toBeNull();
  });

  it('the naive baseline makes more calls than hrgraph wherever it runs', () => {
    for (const row of results.rows) {
      if (row.naive?.calls == null || row.minimum.calls === 0) continue;
      expect(row.naive.calls, row.scenario).toBeGreaterThan(row.hrgraph.calls!);
    }
  });

  it('the run raises no problem', () => {
    expect(formatProblems(results.rows)).toEqual([]);
  });

  it('the table has a line per row', () => {
    expect(formatTable(results.rows).split('\n')).toHaveLength(results.rows.length + 2);
  });
});
