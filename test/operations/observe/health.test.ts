/**
 * Issue 21 (health and shutdown): /healthz and /readyz on a running hrgraph serve, and a stop
 * that lets a slow request in flight finish while it refuses new ones, within its bound.
 */
import { createServer } from 'node:http';
import { fetch } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { createDrain } from '../../../src/server/drain.js';
import { createReadiness } from '../../../src/server/observe/readiness.js';
import { type Served, startServed } from './served.js';

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const staff = /* GraphQL */ `
  query Staff {
    employees(account: "acme", first: 2) {
      nodes {
        displayName
      }
    }
  }
`;

/** Resolves once the sandbox has taken the queued latency fault: the request is in flight. */
async function inFlight(s: Served): Promise<void> {
  while (s.bamboo.faults.pending() > 0) await new Promise((r) => setTimeout(r, 10));
}

describe('Issue 21: /healthz and /readyz', () => {
  test('/healthz answers 200 with no token; /readyz names each check, all ok, with no token', async () => {
    served = await startServed();
    expect((await served.get('/healthz')).status).toBe(200);
    const ready = await served.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      ready: true,
      checks: { store: 'ok', accounts: 'ok', notDraining: 'ok' },
    });
  });

  test('/readyz is 503 naming the failed check: a store that throws, one that hangs past the bound, draining', async () => {
    const drain = createDrain();
    const readiness = createReadiness({
      timeoutMs: 50,
      checks: {
        store: () => Promise.reject(new Error('SQLITE_CANTOPEN /secret/path')),
        accounts: () => new Promise<boolean>(() => {}),
        notDraining: () => !drain.draining(),
      },
    });
    const server = createServer(drain.gate((_req, res) => res.end('ok')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect((await readiness()).checks.notDraining).toBe('ok');
    await drain.drain(server, 1_000);
    const report = await readiness();
    expect(report).toEqual({
      ready: false,
      checks: { store: 'failed', accounts: 'failed', notDraining: 'failed' },
    });
    expect(JSON.stringify(report)).not.toContain('secret');
  });
});

describe('Issue 21: graceful shutdown', () => {
  test('stopping lets a slow request in flight finish, and a new request is refused', async () => {
    served = await startServed();
    const { origin } = served;
    served.bamboo.faults.enqueue({ kind: 'latency', ms: 1_500 });
    const slow = served.query(staff);
    await inFlight(served);
    const stopped = served.handle.stop();
    // The listener is closed at once: a new connection is refused.
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { employees: { nodes: unknown[] } }).employees.nodes).toHaveLength(
      2,
    );
    await stopped;
    expect(served.lines.find((line) => line.event === 'shutdown')).toMatchObject({
      drained: true,
    });
  });

  test('a request still in flight when --shutdown-timeout ends is cut, and the stop completes', async () => {
    served = await startServed({ serve: { shutdownTimeoutMs: 200 } });
    served.bamboo.faults.enqueue({ kind: 'latency', ms: 5_000 });
    const slow = served.query(staff).then(
      () => 'answered',
      () => 'cut',
    );
    await inFlight(served);
    await served.handle.stop();
    expect(await slow).toBe('cut');
    expect(served.lines.find((line) => line.event === 'shutdown')).toMatchObject({
      drained: false,
    });
  });
});
