/**
 * The benchmark harness cannot rot: every scenario runs once at a tiny size with no injected
 * latency, in this process, and must produce its row with hrgraph's calls equal to the computed
 * minimum. Nothing here is timed: benchmarks are not tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type BenchResults, runBench } from '../../bench/bench.js';
import { inProcessHosts } from '../../bench/hosts/hosts.js';
import { type BenchOptions, scenarioNames } from '../../bench/options.js';
import { formatTable } from '../../bench/report/table.js';

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
};

let results: BenchResults;
beforeAll(async () => {
  results = await runBench(tiny, inProcessHosts);
});

describe('npm run bench, every scenario once at a tiny size', () => {
  it.each(scenarioNames)('%s produces its row', (name) => {
    const rows = results.rows.filter((row) => row.scenario.split(' ')[0] === name);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hrgraph.latency.samples).toBeGreaterThan(0);
      expect(row.hand.latency.samples).toBeGreaterThan(0);
    }
  });

  it.each(scenarioNames)(
    '%s: hrgraph’s calls equal the computed minimum, as do the script’s',
    (name) => {
      for (const row of results.rows.filter((r) => r.scenario.split(' ')[0] === name)) {
        expect(row.hrgraph.calls, row.scenario).toBe(row.minimum.calls);
        expect(row.hand.calls, row.scenario).toBe(row.minimum.calls);
      }
    },
  );

  it('the naive baseline makes more calls than hrgraph wherever it runs', () => {
    for (const row of results.rows) {
      if (row.naive?.calls == null || row.minimum.calls === 0) continue;
      expect(row.naive.calls, row.scenario).toBeGreaterThan(row.hrgraph.calls!);
    }
  });

  it('the table has a line per row', () => {
    expect(formatTable(results.rows).split('\n')).toHaveLength(results.rows.length + 2);
  });
});
