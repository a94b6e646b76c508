/**
 * Google Workspace faults: Google's 403 rate limits (`userRateLimitExceeded`) and injected 429s,
 * 503s (with and without Retry-After), resets and truncated bodies are retried into data;
 * malformed bodies and stalls past the deadline are clear errors, never a wrong or empty page.
 * Waits are a few real milliseconds (they move the sandbox's clock a minute), but a stall.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpstreamRecorder } from '../../../../src/http/index.js';
import type { Fault } from '../../../../src/sandbox/common/faults.js';
import { googleUserId } from '../../../../src/sandbox/google-workspace/index.js';
import { type GoogleFixture, startGoogleWorkspace } from '../../../support/google-workspace.js';

const USERS = '/admin/directory/v1/users';
let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({
    company: { seed: 9, size: 40 },
    queriesPerMinutePerUser: 3,
    http: (clock) => ({
      backoffBaseMs: 1,
      maxRetryAfterMs: 5,
      // Each wait is a few real milliseconds, and a minute on the sandbox's clock: enough for its
      // per-minute quota to start over, far from the token's hour.
      sleep: async (ms) => {
        clock.advance(60_000);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
      circuitBreaker: { failureThreshold: 1_000, openMs: 1 },
    }),
  });
});
afterAll(() => g.close());
beforeEach(() => {
  g.sandbox.faults.clear();
  // A fresh quota minute for each test.
  g.clock.advance(60_000);
});

const page = '{ employees(first: 10) { nodes { remoteId workEmail } } }';
type PageData = { employees: { nodes: { remoteId: string }[] } };
const expected = () => g.sandbox.company.people.slice(0, 10).map((p) => googleUserId(p.id));

describe('Google Workspace: 403 userRateLimitExceeded', () => {
  it('is retried with backoff like a 429, and the page arrives', async () => {
    // Three queries fill this minute's quota; the fourth is refused until its backoff ends.
    for (let i = 0; i < 3; i++) expect((await g.query(page)).errors).toBeUndefined();
    const before = g.sandbox.log.count();
    const result = await g.query<PageData>(page);
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(expected());
    expect(result.upstream.entries.map((e) => [e.operation, e.retries])).toEqual([
      ['google.users.list', 1],
    ]);
    expect(
      g.sandbox.log
        .entries()
        .slice(before)
        .map((e) => e.status),
    ).toEqual([403, 200]);
  });

  it('still over the quota after every attempt: UPSTREAM_RATE_LIMITED', async () => {
    const limited = await startGoogleWorkspace({
      company: { seed: 9, size: 10 },
      queriesPerMinutePerUser: 1,
      http: { backoffBaseMs: 1, maxAttempts: 3, sleep: async () => {} },
    });
    try {
      expect((await limited.query(page)).errors).toBeUndefined();
      const result = await limited.query(page);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_RATE_LIMITED',
        upstreamStatus: 429,
        attempts: 3,
      });
    } finally {
      await limited.close();
    }
  });
});

describe('Google Workspace: injected faults on users.list', () => {
  const retried: [string, Fault][] = [
    ['429 without Retry-After', { kind: '429' }],
    ['429 with Retry-After', { kind: '429', retryAfter: { seconds: 1 } }],
    ['503 without Retry-After', { kind: '503' }],
    ['503 with Retry-After', { kind: '503', retryAfter: { seconds: 1 } }],
    ['a reset connection', { kind: 'reset' }],
    ['a truncated body', { kind: 'truncate', fraction: 0.5 }],
  ];
  it.each(retried)('%s is retried once into the right page', async (_name, fault) => {
    g.sandbox.faults.enqueue(fault, { path: USERS });
    const result = await g.query<PageData>(page);
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(expected());
    expect(
      result.upstream.entries.filter((e) => e.operation === 'google.users.list'),
    ).toMatchObject([{ retries: 1, status: 200 }]);
  });

  it('a malformed body is UPSTREAM_BAD_RESPONSE, never an empty page', async () => {
    g.sandbox.faults.enqueue({ kind: 'malformed' }, { path: USERS });
    const result = await g.query<PageData>(page);
    expect(result.data?.employees ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('503s that outlast the retries are UPSTREAM_UNAVAILABLE', async () => {
    g.sandbox.faults.enqueue({ kind: '503' }, { path: USERS, times: 10 });
    const result = await g.query(page);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('a stall past the request deadline is UPSTREAM_UNAVAILABLE (DEADLINE_EXCEEDED)', async () => {
    expect((await g.query(page)).errors).toBeUndefined(); // a live token
    g.sandbox.faults.enqueue({ kind: 'stall', ms: 1_500 }, { path: USERS });
    const ctx = {
      signal: new AbortController().signal,
      recorder: createUpstreamRecorder(),
      deadline: Date.now() + 200,
    };
    const failure = await g.adapter.employees.list
      .run(
        {
          filter: {},
          order: [],
          page: { direction: 'forward', limit: 5, native: null },
          keys: ['primaryEmail'],
          lookups: { get: () => undefined as never },
        },
        ctx,
      )
      .then(
        () => null,
        (error: { extensions?: Record<string, unknown> }) => error.extensions,
      );
    expect(failure).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: 'DEADLINE_EXCEEDED' });
  });
});
