/**
 * Issue 13's "done when": a seeded fuzz suite generated from the schema's introspection (random
 * fields, arguments, variables, fragments, aliases, `_entities` representations, IDs and cursors:
 * real, foreign, tampered and made up) against `hrgraph serve` in its own process, with an API
 * token, while the sandboxes behind it inject faults. It asserts what test/fuzz/support/fuzz-run.ts
 * lists: no process exit, no 5xx, a listed code on every error and never INTERNAL_SERVER_ERROR, no
 * secret in a response, and no answer (nor `/healthz`, probed beside every run) slower than a
 * generous safety bound. `npm run fuzz -- --runs N --seed S` runs it longer and reports timings.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { faultMix } from './support/fault-mix.js';
import { runFuzz } from './support/fuzz-run.js';
import { type ServedHrGraph, startServedHrGraph } from './support/served-hrgraph.js';

let served: ServedHrGraph;
beforeAll(async () => {
  served = await startServedHrGraph();
});
afterAll(async () => {
  await served?.stop();
});

const seed = 20_260_615;

describe('Issue 13: the schema fuzz against a served instance with tokens and provider faults', () => {
  // Over a minute on a 2-core machine busy with other work; the timeout leaves room for that.
  test('800 runs (about 2,000 cases): no exit, no 5xx, every error coded, nothing past the bound', {
    timeout: 240_000,
  }, async () => {
    const report = await runFuzz(served, { runs: 800, seed, faults: faultMix(seed) });
    expect(served.exited()).toBeNull();
    // The generators must reach every outcome, or the properties say little.
    expect(report.requests).toBeGreaterThan(1800);
    expect(report.clean).toBeGreaterThan(report.requests * 0.1);
    expect(report.entities).toBeGreaterThan(80);
    // One budget shared by every provider's accounts (20 to 40 requests name each), not runs
    // added per account.
    for (const account of served.accounts) {
      expect(report.accounts[account], account).toBeGreaterThan(5);
    }
    for (const code of ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'UPSTREAM_BAD_RESPONSE']) {
      expect(report.codes[code], code).toBeGreaterThan(0);
    }
    expect(report.statuses['400']).toBeGreaterThan(0);
  });

  test('the process logged no unhandled rejection or uncaught exception, and no secret', () => {
    const output = served.output();
    expect(output).toContain('serving GraphQL');
    expect(output).not.toMatch(/unhandled promise rejection|uncaught exception/);
    for (const secret of served.secrets) expect(output).not.toContain(secret);
  });
});
