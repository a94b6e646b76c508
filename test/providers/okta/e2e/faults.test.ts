/**
 * Okta faults end to end (reference §6 "Rate limits and errors"): each fault the sandbox can
 * inject ends in data or a clear error, never a wrong page. Okta's 429 carries
 * `X-Rate-Limit-Reset` and no `Retry-After`; the adapter hands the http client a reader for it
 * (UpstreamRequest.parseRetryAfter), so the retry waits for the window to reset.
 *
 * Waits are recorded, not slept: the http client's `sleep` writes them down and moves its clock
 * on (the account limiter waits out a throttle's pause with the same clock). The sandbox's clock
 * runs ten minutes ahead of the real one and never moves, so a rate-limit reset is ten to eleven
 * minutes after the response's real `Date` — far from any backoff, and far past a GraphQL
 * request's deadline, so that case is read through the loaders with no deadline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../../../src/core/contract/index.js';
import { accountId } from '../../../../src/core/ids.js';
import type { UpstreamRecorder } from '../../../../src/core/upstream.js';
import { createHttpClient, createUpstreamRecorder } from '../../../../src/http/index.js';
import {
  createLoaders,
  createLookupCache,
  createWalkMemory,
} from '../../../../src/loaders/index.js';
import { createOktaAdapter } from '../../../../src/providers/okta/index.js';
import { createManualClock } from '../../../../src/sandbox/okta/index.js';
import { type OktaFixture, ORG_HOST, startOkta } from '../../../support/okta.js';

const waits: number[] = [];
let elapsed = 0;
let okta: OktaFixture;
const started = Date.now();
beforeAll(async () => {
  okta = await startOkta({
    company: { size: 30, seed: 4, customFieldCount: 0 },
    clock: createManualClock(Date.now() + 600_000),
    http: {
      sleep: async (ms) => {
        waits.push(ms);
        elapsed += ms;
      },
      now: () => started + elapsed,
      random: () => 0,
      maxRetryAfterMs: 3_600_000,
      // Faults here are one-offs: the account's breaker must not open across tests.
      circuitBreaker: { failureThreshold: 1000 },
    },
  });
});
afterAll(() => okta.close());
afterEach(() => {
  okta.sandbox.faults.clear();
  waits.length = 0;
});

const page = /* GraphQL */ `{ employees(account: "okta", first: 10) { nodes { remoteId firstName } } }`;
interface PageData {
  employees: { nodes: { remoteId: string; firstName: string }[] } | null;
}

async function expectTheRightPage() {
  const result = await okta.query<PageData>(page);
  expect(result.errors).toBeUndefined();
  expect(result.data!.employees!.nodes.map((n) => n.firstName)).toEqual(
    okta.sandbox.company.people.slice(0, 10).map((p) => p.firstName),
  );
  return result;
}

const users = { path: '/api/v1/users' };

/** The first ten first names through hrgraph's loaders, outside a GraphQL request. */
async function firstTen(adapter: ProviderAdapter, recorder: UpstreamRecorder, deadline?: number) {
  const loaders = createLoaders({
    adapters: [adapter],
    signal: new AbortController().signal,
    recorder,
    lookupCache: createLookupCache(),
    walks: createWalkMemory(),
    ...(deadline === undefined ? {} : { deadline }),
  });
  const page = await loaders.listEmployees(adapter.accountId, {
    filter: {},
    order: [],
    direction: 'forward',
    limit: 10,
    native: null,
    fields: { unified: ['firstName'], raw: [] },
  });
  return page.records.map((row) => loaders.employeeField(row, 'firstName'));
}

describe('faults that a retry cures', () => {
  it.each([
    ['latency', { kind: 'latency', ms: 30 }, 0, []],
    ['503 without Retry-After (backoff)', { kind: '503' }, 1, [0]],
    ['503 with Retry-After: 2', { kind: '503', retryAfter: { seconds: 2 } }, 1, [2000]],
    ['429 with Retry-After: 1', { kind: '429', retryAfter: { seconds: 1 } }, 1, [1000]],
    ['connection reset', { kind: 'reset' }, 1, [0]],
    ['truncated body', { kind: 'truncate', fraction: 0.5 }, 1, [0]],
  ] as const)('%s → the right page', async (_name, fault, retries, expectedWaits) => {
    okta.sandbox.faults.enqueue(fault, users);
    const result = await expectTheRightPage();
    expect(result.upstream.retries).toBe(retries);
    expect(waits).toEqual(expectedWaits);
  });

  it('429 without Retry-After waits until X-Rate-Limit-Reset, measured from the response Date', async () => {
    // Its own http client: the ten-minute wait moves that client's clock, not the fixture's.
    const own: number[] = [];
    let ownElapsed = 0;
    const http = createHttpClient({
      sleep: async (ms) => {
        own.push(ms);
        ownElapsed += ms;
      },
      now: () => started + ownElapsed,
      random: () => 0,
      maxRetryAfterMs: 3_600_000,
    });
    const adapter = createOktaAdapter({
      accountId: accountId('okta-patient'),
      company: ORG_HOST,
      baseUrl: okta.url,
      http,
      credentials: { kind: 'apiKey', apiKey: okta.sandbox.apiToken() },
    });
    okta.sandbox.faults.enqueue({ kind: '429' }, users);
    const recorder = createUpstreamRecorder();
    const firstNames = await firstTen(adapter, recorder);
    await http.close();
    expect(firstNames).toEqual(okta.sandbox.company.people.slice(0, 10).map((p) => p.firstName));
    expect(recorder.summary().retries).toBe(1);
    expect(own).toHaveLength(1);
    // Reset: the end of the sandbox's minute, 600-660 s after the real Date (1 s resolution).
    expect(own[0]).toBeGreaterThanOrEqual(600_000);
    expect(own[0]).toBeLessThanOrEqual(661_000);
  });
});

describe('faults that end in a clear error', () => {
  it('a malformed body is UPSTREAM_BAD_RESPONSE, not an empty page', async () => {
    okta.sandbox.faults.enqueue({ kind: 'malformed' }, users);
    const result = await okta.query<PageData>(page);
    expect(result.data?.employees ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('503 on every attempt is UPSTREAM_UNAVAILABLE after four', async () => {
    okta.sandbox.faults.enqueue({ kind: '503' }, { ...users, times: 4 });
    const result = await okta.query<PageData>(page);
    expect(result.data?.employees ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      accountId: 'okta',
      attempts: 4,
    });
  });

  it('a stall past the request deadline is UPSTREAM_UNAVAILABLE (DEADLINE_EXCEEDED)', async () => {
    okta.sandbox.faults.enqueue({ kind: 'stall', ms: 5_000 }, users);
    // The deadline is on the http client's clock, which the recorded waits have moved on.
    const deadline = started + elapsed + 300;
    await expect(firstTen(okta.apiToken, createUpstreamRecorder(), deadline)).rejects.toMatchObject(
      {
        // One attempt: the call was sent and cut short, not refused before sending.
        extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'DEADLINE_EXCEEDED', attempts: 1 },
      },
    );
  });

  // Last: the reset pauses the account's calls (the bucket is spent) for ten minutes.
  it('a reset past the request deadline is not waited for: UPSTREAM_RATE_LIMITED with retryAfter', async () => {
    okta.sandbox.faults.enqueue({ kind: '429' }, users);
    const result = await okta.query<PageData>(page);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(result.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(600);
    expect(result.upstream.calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
