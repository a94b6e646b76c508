/**
 * Issue 21 (metrics): /metrics in Prometheus's text format, parsed by a Prometheus text parser and
 * checked against what the sandbox saw; labels bounded by an allow-list; its own bearer token.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { METRICS_TOKEN, type Served, startServed } from './served.js';

let served: Served;
beforeAll(async () => {
  served = await startServed();
});
afterAll(async () => {
  await served.close();
});

type Families = ReturnType<typeof parsePrometheusTextFormat>;

async function scrapeText(): Promise<string> {
  const response = await served.get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

async function scrape(): Promise<Families> {
  return parsePrometheusTextFormat(await scrapeText());
}

/** The parser keeps no labels of a histogram: its count, by labels, read from the text. */
function histogramCount(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}_count{${labels}}`));
  return Number(line?.split(' ').at(-1) ?? 0);
}

function samples(families: Families, name: string) {
  return families.find((family) => family.name === name)?.metrics ?? [];
}

function total(families: Families, name: string, labels: Record<string, string> = {}): number {
  return samples(families, name)
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v))
    .reduce((sum, s) => sum + Number(s.value ?? s.buckets?.['+Inf'] ?? 0), 0);
}

const staff = /* GraphQL */ `
  query Staff {
    employees(account: "acme", first: 3) {
      nodes {
        displayName
        workEmail
      }
    }
  }
`;

/** Every label hrgraph's own families may carry, and the values each may take. */
const allowed: Record<string, RegExp> = {
  operationName: /^(Staff|Broken|none|anonymous|other)$/,
  operationType: /^(query|mutation|subscription|none|unknown)$/,
  outcome: /^(success|partial|error|failure)$/,
  provider: /^(bamboohr|other)$/,
  operation: /^(bamboohr(\.[A-Za-z_]+)+|other)$/,
  status: /^([1-5]\d\d|none|ACTIVE|LOCKED_OUT|NEEDS_REAUTH|DISABLED|other)$/,
  cause: /^(circuit_open|budget|deadline)$/,
  state: /^(closed|open|halfOpen)$/,
  phase: /^(parse|validate|context|execute|subscribe|unknown)$/,
  code: /^[A-Z][A-Z0-9_]*$/,
  method: /^(GET|POST)$/,
  statusCode: /^[1-5]\d\d$/,
};

describe('Issue 21: metrics at /metrics', () => {
  test('operations by name and outcome, and provider calls by provider, operation and status, equal to the calls the sandbox saw', async () => {
    const seenBefore = served.bamboo.log.count();
    const answered = await served.query(staff);
    expect(answered.status).toBe(200);
    const upstream = (answered.body.extensions as { upstream: { calls: number } }).upstream;
    const refused = await served.query(/* GraphQL */ `query Broken { nope }`);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    const sandboxCalls = served.bamboo.log.count() - seenBefore;
    expect(sandboxCalls).toBeGreaterThan(0);
    expect(upstream.calls).toBe(sandboxCalls);

    const text = await scrapeText();
    const families = parsePrometheusTextFormat(text);
    expect(
      total(families, 'hrgraph_graphql_operations_total', {
        operationName: 'Staff',
        operationType: 'query',
        outcome: 'success',
      }),
    ).toBe(1);
    // Refused at validation: no operation ran, so none is named.
    expect(
      total(families, 'hrgraph_graphql_operations_total', {
        operationName: 'none',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(
      total(families, 'hrgraph_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(1);
    expect(
      histogramCount(
        text,
        'graphql_envelop_request_duration',
        'operationName="Staff",operationType="query"',
      ),
    ).toBe(1);
    // Every call the sandbox served, by provider and status, and each operation the sandbox saw.
    expect(total(families, 'hrgraph_upstream_calls_total', { provider: 'bamboohr' })).toBe(
      sandboxCalls,
    );
    expect(total(families, 'hrgraph_upstream_calls_total', { status: '200' })).toBe(sandboxCalls);
    expect(total(families, 'hrgraph_upstream_call_duration_seconds')).toBe(sandboxCalls);
    expect(total(families, 'hrgraph_accounts', { provider: 'bamboohr', status: 'ACTIVE' })).toBe(1);
    expect(total(families, 'hrgraph_upstream_circuit_accounts', { state: 'closed' })).toBe(1);
  });

  test('a retried call counts once, its retry apart: calls plus retries equal the requests the sandbox served', async () => {
    const seenBefore = served.bamboo.log.count();
    const before = await scrape();
    served.bamboo.faults.enqueue({ kind: '503', retryAfter: { seconds: 0 } });
    const answered = await served.query(staff, {}, { 'x-uncached': String(Math.random()) });
    expect(answered.status).toBe(200);
    const after = await scrape();
    const calls =
      total(after, 'hrgraph_upstream_calls_total') - total(before, 'hrgraph_upstream_calls_total');
    const retries =
      total(after, 'hrgraph_upstream_retries_total') -
      total(before, 'hrgraph_upstream_retries_total');
    expect(retries).toBe(1);
    expect(calls + retries).toBe(served.bamboo.log.count() - seenBefore);
  });

  test('cardinality is bounded: every label of hrgraph and GraphQL families is on the allow-list, and no value holds an id, a name, an email or a secret', async () => {
    await served.query(staff);
    const text = await scrapeText();
    const families = parsePrometheusTextFormat(text);
    const ours = families.filter((f) => /^(hrgraph_|graphql_)/.test(f.name));
    expect(ours.length).toBeGreaterThan(8);
    // Read from the text, since the parser drops a histogram's labels; `le` is the bucket's bound.
    const series = text.split('\n').filter((line) => /^(hrgraph_|graphql_)\w*\{/.test(line));
    expect(series.length).toBeGreaterThan(20);
    for (const line of series) {
      const [name, labelText] = [line.slice(0, line.indexOf('{')), line.slice(line.indexOf('{'))];
      for (const [, label, value] of labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
        if (label === 'le') continue;
        expect(allowed[label!], `${name}{${label}}`).toBeDefined();
        expect(value, `${name}{${label}}`).toMatch(allowed[label!]!);
      }
    }
    const person = served.bamboo.company.data.people[0]!;
    for (const secret of [served.apiKey, served.token, METRICS_TOKEN, 'acme', person.workEmail]) {
      if (secret) expect(text).not.toContain(secret);
    }
  });

  test('/metrics needs HRGRAPH_METRICS_TOKEN as its bearer token; an API token is not one', async () => {
    expect((await served.get('/metrics')).status).toBe(401);
    expect((await served.get('/metrics', { authorization: `Bearer ${served.token}` })).status).toBe(
      401,
    );
    expect(
      (await served.get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}x` })).status,
    ).toBe(401);
    expect(
      (await served.get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).status,
    ).toBe(200);
  });
});
