/**
 * Gusto faults end to end: each fault the sandbox can inject on the employee list ends in the
 * right page or a clear error, never a wrong page. Waits go through an injected sleep that
 * records them, so Retry-After is checked without waiting.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpstreamRecorder } from '../../../../src/http/index.js';
import { gustoEmployeeUuid } from '../../../../src/sandbox/gusto/index.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';

let gusto: GustoFixture;
const waits: number[] = [];
/** A clock only the injected sleep moves, so a Retry-After is "waited" at once. */
let now = Date.now();
const clock = {
  now: () => now,
  sleep: async (ms: number) => {
    waits.push(ms);
    now += ms;
  },
};
beforeAll(async () => {
  gusto = await startGusto({
    company: { seed: 5, size: 120, customFieldCount: 0 },
    http: {
      ...clock,
      headersTimeoutMs: 300,
      circuitBreaker: { failureThreshold: 1_000, openMs: 1 },
    },
  });
});
afterAll(() => gusto.close());
beforeEach(() => {
  waits.length = 0;
  gusto.sandbox.faults.clear();
});

const list = /^\/v1\/companies\/[^/]+\/employees$/;
const page = `{ employees(account: "gusto", first: 10) { nodes { remoteId } } }`;
const firstTen = () =>
  gusto.sandbox.company.people.slice(0, 10).map((p) => gustoEmployeeUuid(p.id));
const ids = (data: unknown) =>
  (data as { employees: { nodes: { remoteId: string }[] } }).employees.nodes.map((n) => n.remoteId);

describe('Gusto faults: data or a clear error, never a wrong page', () => {
  it.each([
    ['429 with Retry-After', { kind: '429', retryAfter: { seconds: 2 } }, 2000],
    ['503 with Retry-After', { kind: '503', retryAfter: { seconds: 1 } }, 1000],
    ['429 without Retry-After', { kind: '429' }, null],
    ['503 without Retry-After', { kind: '503' }, null],
    ['a reset connection', { kind: 'reset' }, null],
    ['a truncated body', { kind: 'truncate', fraction: 0.5 }, null],
  ] as const)('%s once: retried, and the page is right', async (_name, fault, wait) => {
    gusto.sandbox.faults.enqueue(fault, { path: list });
    const result = await gusto.query(page);
    expect(result.errors).toBeUndefined();
    expect(ids(result.data)).toEqual(firstTen());
    expect(result.upstream.retries).toBe(1);
    if (wait !== null) expect(waits).toEqual([wait]);
  });

  it('429 that outlasts the retries: UPSTREAM_RATE_LIMITED with retryAfter', async () => {
    gusto.sandbox.faults.enqueue(
      { kind: '429', retryAfter: { seconds: 3 } },
      { path: list, times: 10 },
    );
    const result = await gusto.query(page);
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      accountId: 'gusto',
      retryAfter: 3,
    });
  });

  it('a malformed body (every attempt): UPSTREAM_BAD_RESPONSE, not an empty page', async () => {
    gusto.sandbox.faults.enqueue({ kind: 'malformed' }, { path: list, times: 10 });
    const result = await gusto.query(page);
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it("the sandbox's own rolling limit: its 429 says when the window frees up, past the client's 30 s cap, so the error carries it", async () => {
    const limited = await startGusto({
      company: { seed: 5, size: 30, customFieldCount: 0 },
      sandbox: { rateLimit: { limit: 2, windowSeconds: 60 } },
      http: clock,
    });
    try {
      await limited.query(page);
      await limited.query(page);
      const result = await limited.query(page);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
      expect(result.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(30);
      expect(limited.sandbox.log.entries({ status: 429 })).toHaveLength(1);
    } finally {
      await limited.close();
    }
  });

  it('a stall past the request deadline: UPSTREAM_UNAVAILABLE DEADLINE_EXCEEDED', async () => {
    gusto.sandbox.faults.enqueue({ kind: 'stall', ms: 2_000 }, { path: list, times: 10 });
    const ctx = {
      signal: new AbortController().signal,
      recorder: createUpstreamRecorder(),
      deadline: Date.now() + 250,
    };
    await expect(
      gusto.adapter.employees.list.run(
        {
          filter: {},
          order: [],
          page: { direction: 'forward', limit: 10, native: null },
          keys: ['first_name'],
          lookups: { get: () => undefined as never },
        },
        ctx,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});
