/**
 * The fuzz loop, shared by the CI test and `npm run fuzz`: each run sends one to four generated
 * cases at once to the served instance, with a `/healthz` probe beside them, and checks:
 *
 * - the process is still there (the child has not exited);
 * - no HTTP 5xx;
 * - every error carries an `extensions.code` that src/errors.ts lists, and none is
 *   INTERNAL_SERVER_ERROR (a bug, whatever the input);
 * - no secret the instance holds appears in a response;
 * - no response, and no `/healthz` answer, takes longer than `boundMs`.
 *
 * The time bound is a safety property, not a benchmark: it is set far above any ordinary answer
 * (seconds, where ordinary cases take milliseconds) so only a pathological case (a blocked event
 * loop, a request that amplifies) can pass it, even on a loaded machine.
 */
import fc from 'fast-check';
import { clientErrorCodes } from '../../../src/core/errors.js';
import type { FaultOptions } from '../../../src/sandbox/common/faults.js';
import { type FuzzCase, fuzzCases } from './documents.js';
import { harvestPools, introspect } from './pools.js';
import { postGraphQL, type ServedHrGraph } from './served-hrgraph.js';

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  /** The slowest answer allowed, in ms. @default 10_000 */
  readonly boundMs?: number;
  /** Faults the sandboxes inject once IDs and cursors are harvested. @default none */
  readonly faults?: FaultOptions;
}

export interface FuzzReport {
  runs: number;
  requests: number;
  /** Responses with data and no error at all. */
  clean: number;
  /** Requests that asked `_entities`. */
  entities: number;
  /** Requests naming each account the token reads (as `"id"` in the document or variables). */
  accounts: Record<string, number>;
  healthChecks: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Errors by extensions.code. */
  codes: Record<string, number>;
  slowestMs: number;
  /** The five slowest cases, slowest first. */
  slowest: { ms: number; query: string }[];
  slowestHealthMs: number;
  /** Response times, for percentiles. */
  times: number[];
}

interface Body {
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** What is wrong with one answer; empty when nothing is. */
export function violations(
  served: ServedHrGraph,
  answer: { status: number; text: string },
  ms: number,
  boundMs: number,
): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`HTTP ${answer.status}`);
  if (ms > boundMs) found.push(`answered in ${Math.round(ms)} ms, over ${boundMs} ms`);
  for (const secret of served.secrets) {
    if (answer.text.includes(secret)) found.push('a secret in the response');
  }
  let body: Body;
  try {
    body = JSON.parse(answer.text) as Body;
  } catch {
    return [...found, `not JSON: ${answer.text.slice(0, 80)}`];
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !clientErrorCodes.includes(code)) {
      found.push(`error without a known code (${String(code)}): ${error.message}`);
    } else if (code === 'INTERNAL_SERVER_ERROR') {
      found.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
    }
  }
  return found;
}

export async function runFuzz(served: ServedHrGraph, options: FuzzOptions): Promise<FuzzReport> {
  const { runs, seed, boundMs = 10_000, faults } = options;
  const schema = await introspect(served);
  const pools = await harvestPools(served);
  if (faults) served.injectFaults(faults);
  const health = served.url.replace(/\/graphql$/, '/healthz');
  const report: FuzzReport = {
    runs: 0,
    requests: 0,
    clean: 0,
    entities: 0,
    accounts: Object.fromEntries(served.accounts.map((account) => [account, 0])),
    healthChecks: 0,
    statuses: {},
    codes: {},
    slowestMs: 0,
    slowest: [],
    slowestHealthMs: 0,
    times: [],
  };
  async function send(fuzzCase: FuzzCase): Promise<string[]> {
    const { value, ms } = await timed(() =>
      postGraphQL(served, fuzzCase.query, fuzzCase.variables),
    );
    report.requests++;
    if (fuzzCase.query.includes('_entities(')) report.entities++;
    const sent = `${fuzzCase.query}${JSON.stringify(fuzzCase.variables)}`;
    for (const account of served.accounts) {
      if (sent.includes(`"${account}"`)) report.accounts[account]!++;
    }
    report.times.push(ms);
    report.statuses[value.status] = (report.statuses[value.status] ?? 0) + 1;
    report.slowestMs = Math.max(report.slowestMs, ms);
    if (report.slowest.length < 5 || ms > report.slowest[4]!.ms) {
      report.slowest = [...report.slowest, { ms: Math.round(ms), query: fuzzCase.query }]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5);
    }
    try {
      const errors = (JSON.parse(value.text) as Body).errors ?? [];
      if (errors.length === 0) report.clean++;
      for (const error of errors) {
        const code = String(error.extensions?.code);
        report.codes[code] = (report.codes[code] ?? 0) + 1;
      }
    } catch {
      // Reported by `violations`.
    }
    return violations(served, value, ms, boundMs);
  }
  async function probe(): Promise<string[]> {
    const { value, ms } = await timed(async () => (await fetch(health)).status);
    report.healthChecks++;
    report.slowestHealthMs = Math.max(report.slowestHealthMs, ms);
    const found = value === 200 ? [] : [`/healthz answered ${value}`];
    return ms > boundMs ? [...found, `/healthz took ${Math.round(ms)} ms`] : found;
  }
  // Shrinking replays cases; once the process has died every replay fails, so the first failure
  // is kept as it was found.
  let first: string | undefined;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fuzzCases(schema, pools), { minLength: 1, maxLength: 4 }),
        async function checkRun(cases) {
          report.runs++;
          const found = (await Promise.all([probe(), ...cases.map(send)])).flat();
          const exit = served.exited();
          if (exit) found.push(`the process exited (${exit.code ?? exit.signal})`);
          if (found.length === 0) return;
          first ??= `${found.join('\n')}\nfirst found with:\n${JSON.stringify(cases, null, 2)}`;
          throw new Error(found.join('\n'));
        },
      ),
      { seed, numRuns: runs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\nFirst failure, before shrinking:\n${first}`);
  }
  return report;
}
