/**
 * `npm run fuzz -- --runs 50000 --seed 7`: the schema fuzz of test/fuzz at any length, against
 * `hrgraph serve` in a child process with sandboxes injecting faults, and a report of what it
 * saw: requests, statuses, error codes, and the slowest answers (these are measurements, which
 * the CI test does not make).
 */
import { parseArgs } from 'node:util';
import { faultMix } from '../test/fuzz/support/fault-mix.js';
import { runFuzz } from '../test/fuzz/support/fuzz-run.js';
import { startServedHrGraph } from '../test/fuzz/support/served-hrgraph.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20260615' },
    'bound-ms': { type: 'string', default: '10000' },
    'no-faults': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const boundMs = Number(values['bound-ms']);

const served = await startServedHrGraph();
const started = performance.now();
try {
  const report = await runFuzz(served, {
    runs,
    seed,
    boundMs,
    ...(values['no-faults'] ? {} : { faults: faultMix(seed) }),
  });
  const sorted = [...report.times].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  process.stdout.write(
    `${JSON.stringify(
      {
        seed,
        runs: report.runs,
        requests: report.requests,
        clean: report.clean,
        entities: report.entities,
        accounts: report.accounts,
        healthChecks: report.healthChecks,
        statuses: report.statuses,
        errorCodes: report.codes,
        responseMs: { p50: at(0.5), p99: at(0.99), max: Math.round(report.slowestMs) },
        slowestHealthMs: Math.round(report.slowestHealthMs),
        seconds: Math.round((performance.now() - started) / 1000),
        slowest: report.slowest,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await served.stop();
}
