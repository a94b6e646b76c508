/**
 * "A query must still return every record exactly once": walking 5,000 people page by page
 * while the provider answers 30% of calls 503 (half of them with Retry-After, in seconds or as
 * an HTTP date), throws in 429s, resets connections and stalls for 2 s, gives each person
 * exactly once, in order, with the same data as a clean walk. Both list paths are walked at
 * once: the employee dataset (API key) and GET /v1/employees plus a custom report (OAuth).
 *
 * Real time is kept short: stalls outlast a 750 ms headers timeout, backoff starts at a few ms,
 * and every Retry-After (up to 1 s) is capped at 20 ms by maxRetryAfterMs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRate } from '../../src/sandbox/common/faults.js';
import type { GraphQLResult } from '../support/hrgraph.js';
import { type Graph, startGraph } from './support.js';

const people = 5_000;
const pageSize = 100;
const accounts = ['acme', 'acme-oauth'] as const;

/** 30% 503 (half with Retry-After), 5% 429, 4% resets, 2% stalls of 2 s: about 41% of calls. */
const faults: FaultRate[] = [
  { rate: 0.15, fault: { kind: '503' } },
  { rate: 0.075, fault: { kind: '503', retryAfter: { seconds: 1 } } },
  { rate: 0.075, fault: { kind: '503', retryAfter: { httpDate: 1 } } },
  { rate: 0.05, fault: { kind: '429', retryAfter: { seconds: 0 } } },
  { rate: 0.04, fault: { kind: 'reset' } },
  { rate: 0.02, fault: { kind: 'stall', ms: 2_000 } },
];

const page = /* GraphQL */ `
  query Page($account: ID!, $first: Int!, $after: String) {
    employees(account: $account, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id remoteId firstName lastName displayName workEmail jobTitle
          employmentStatus hireDate
          department { name } location { name } manager { remoteId }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface PageData {
  employees: {
    totalCount: number | null;
    edges: { node: { remoteId: string } & Record<string, unknown> }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface Walk {
  readonly ids: number[];
  readonly records: unknown[];
  readonly pages: number;
  readonly calls: number;
  readonly retries: number;
}

async function walk(graph: Graph, account: string): Promise<Walk> {
  const ids: number[] = [];
  const records: unknown[] = [];
  let after: string | null = null;
  let pages = 0;
  let calls = 0;
  let retries = 0;
  for (;;) {
    const result: GraphQLResult<PageData> = await graph.query<PageData>(page, {
      account,
      first: pageSize,
      after,
    });
    expect(result.errors, `page ${pages + 1} of ${account}`).toBeUndefined();
    const { edges, pageInfo, totalCount } = result.data!.employees;
    expect(totalCount).toBe(people);
    for (const { node } of edges) {
      ids.push(Number(node.remoteId));
      records.push(node);
    }
    pages++;
    // Field and list metadata are cached across requests: only the data calls repeat per walk.
    calls += result.upstream.entries.filter((e) => !e.operation.startsWith('bamboohr.meta')).length;
    retries += result.upstream.retries;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  return { ids, records, pages, calls, retries };
}

let graph: Graph;
const clean = new Map<string, Walk>();
const faulty = new Map<string, Walk>();

beforeAll(async () => {
  graph = await startGraph({
    providers: [{ domain: 'acme', company: { size: people, seed: 11 }, auth: ['apiKey', 'oauth'] }],
    http: {
      headersTimeoutMs: 750,
      bodyTimeoutMs: 750,
      maxAttempts: 16,
      backoffBaseMs: 5,
      backoffCapMs: 50,
      maxRetryAfterMs: 20,
    },
    requestTimeoutMs: 120_000,
  });
  const sandbox = graph.sandboxes.get('acme')!;
  const cleanWalks = await Promise.all(accounts.map((account) => walk(graph, account)));
  for (const [i, account] of accounts.entries()) clean.set(account, cleanWalks[i]!);
  sandbox.log.clear();
  sandbox.faults.configure({ seed: 20_260_615, rates: faults });
  const faultyWalks = await Promise.all(accounts.map((account) => walk(graph, account)));
  for (const [i, account] of accounts.entries()) faulty.set(account, faultyWalks[i]!);
  sandbox.faults.clear();
}, 120_000);

afterAll(async () => {
  await graph?.close();
});

describe.each(accounts)('walking 5,000 people under faults (%s)', (account) => {
  it('returns each person exactly once, in order', () => {
    const expected = Array.from({ length: people }, (_, i) => i + 1);
    expect(clean.get(account)!.ids).toEqual(expected);
    expect(faulty.get(account)!.ids).toEqual(expected);
    expect(faulty.get(account)!.pages).toBe(people / pageSize);
  });

  it('returns the same data for every person as a clean walk', () => {
    expect(faulty.get(account)!.records).toEqual(clean.get(account)!.records);
  });

  it('made the same logical calls, the retries hidden inside them', () => {
    expect(faulty.get(account)!.calls).toBe(clean.get(account)!.calls);
    expect(clean.get(account)!.retries).toBe(0);
    expect(faulty.get(account)!.retries).toBeGreaterThan(0);
  });
});

describe('the faults were real', () => {
  it('every kind of fault was served, and each failed attempt was retried', () => {
    const log = graph.sandboxes.get('acme')!.log;
    const served = (fault: string) => log.count({ fault });
    for (const kind of ['503', '429', 'reset', 'stall'])
      expect(served(kind), kind).toBeGreaterThan(0);
    const answered = served('503') + served('429') + served('reset');
    const retries = [...faulty.values()].reduce((sum, w) => sum + w.retries, 0);
    // Stalled attempts are retried too, but the sandbox logs them only when the stall ends.
    expect(retries).toBeGreaterThanOrEqual(answered);
    expect(retries / log.count()).toBeGreaterThan(0.3);
  });
});
