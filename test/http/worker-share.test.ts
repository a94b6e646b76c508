/**
 * Issue 16, concurrency: N processes serving the same accounts (the workers of `hrgraph serve
 * --workers N`) keep together within a provider's published budget, each to its part, and a
 * provider's Retry-After heard by one holds the account's calls in all of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type UpstreamRequest,
} from '../../src/http/index.js';
import { budgetPart, type PauseChannel } from '../../src/http/worker-share.js';
import {
  callContext,
  fakeTime,
  rejectionOf,
  reply,
  startServer,
  type TestServer,
} from './fixtures.js';

const perMinute = (requests: number) => ({ requests, intervalMs: 60_000 });

/** What the cluster's primary does for its workers: every pause told to every other one. */
function pauseHub() {
  const listeners = new Set<(accountId: string, until: number) => void>();
  return function channel(): PauseChannel {
    let own: ((accountId: string, until: number) => void) | undefined;
    return {
      publish(accountId, until) {
        for (const listener of listeners) if (listener !== own) listener(accountId, until);
      },
      subscribe(listener) {
        own = listener;
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  };
}

const open: { servers: TestServer[]; clients: HttpClient[] } = { servers: [], clients: [] };
afterEach(async () => {
  for (const client of open.clients.splice(0)) await client.close();
  for (const server of open.servers.splice(0)) await server.close();
});

/** `count` processes on one clock (one machine), each with its own client. */
async function processes(
  count: number,
  script: Parameters<typeof startServer>,
  options: HttpClientOptions,
  hub?: ReturnType<typeof pauseHub>,
) {
  const time = fakeTime();
  const server = await startServer(...script);
  open.servers.push(server);
  const clients = Array.from({ length: count }, () =>
    createHttpClient({
      now: time.now,
      sleep: time.sleep,
      random: () => 0,
      ...options,
      ...(hub ? { pauses: hub() } : {}),
    }),
  );
  open.clients.push(...clients);
  const get = (accountId = 'gusto'): UpstreamRequest => ({
    accountId,
    operation: 'gusto.employees',
    method: 'GET',
    url: `${server.origin}/v1/employees`,
    budget: perMinute(4),
  });
  return { time, server, clients, get };
}

describe("a provider's published budget split across the processes serving the account", () => {
  it('two processes of a 4-a-minute budget send 2 each: 4 reach the provider, not 8', async () => {
    const { server, clients, get } = await processes(2, [reply(200, '{}')], {
      budgetShare: 1 / 2,
      accountLimits: { whenBudgetSpent: 'fail' },
    });
    for (const client of clients) {
      await client.request(get(), callContext());
      await client.request(get(), callContext());
      const refused = (await rejectionOf(client.request(get(), callContext()))) as {
        extensions: unknown;
      };
      expect(refused.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    }
    expect(server.hits).toHaveLength(4);
  });

  it('parts never add up to more than the whole', () => {
    expect(budgetPart(perMinute(200), 1)).toEqual(perMinute(200));
    expect(budgetPart(perMinute(200), 1 / 3)).toEqual(perMinute(66));
    expect(budgetPart(perMinute(2_400), 1 / 2)).toEqual(perMinute(1_200));
    // Too small to give each of three one request a minute: one each per 90 s, 2 a minute in all.
    expect(budgetPart(perMinute(2), 1 / 3)).toEqual({ requests: 1, intervalMs: 90_000 });
    expect(budgetPart(null, 1 / 2)).toBeNull();
  });

  it('a share outside (0, 1] is refused', () => {
    expect(() => createHttpClient({ budgetShare: 0 })).toThrow(RangeError);
    expect(() => createHttpClient({ budgetShare: 2 })).toThrow(RangeError);
  });
});

describe("a provider's Retry-After heard by one process holds the account in every process", () => {
  async function threeProcesses() {
    const hub = pauseHub();
    return processes(
      3,
      [reply(200, '{}'), reply(503, '', { 'Retry-After': '5' }), reply(200, '{}')],
      { maxAttempts: 1 },
      hub,
    );
  }

  it('a process that had called the account waits the pause out before its next call', async () => {
    const { time, server, clients, get } = await threeProcesses();
    const [heard, other] = clients as [HttpClient, HttpClient];
    expect((await other.request(get(), callContext())).status).toBe(200);
    await rejectionOf(heard.request(get(), callContext()));
    expect(time.waits).toEqual([]);
    expect((await other.request(get(), callContext())).status).toBe(200);
    expect(time.waits).toEqual([5_000]);
    expect(server.hits).toHaveLength(3);
  });

  it('so does one calling the account for the first time; other accounts are not held', async () => {
    const { time, server, clients, get } = await threeProcesses();
    const [first, heard, fresh] = clients as [HttpClient, HttpClient, HttpClient];
    expect((await first.request(get(), callContext())).status).toBe(200);
    await rejectionOf(heard.request(get(), callContext()));
    expect((await fresh.request(get('okta'), callContext())).status).toBe(200);
    expect(time.waits).toEqual([]);
    expect((await fresh.request(get(), callContext())).status).toBe(200);
    expect(time.waits).toEqual([5_000]);
    expect(server.hits).toHaveLength(4);
  });
});
