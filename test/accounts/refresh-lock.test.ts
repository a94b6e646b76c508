/**
 * Issue 16, concurrency: the refresh single-flight holds across the processes that share one
 * store (the workers of `hrgraph serve --workers N`). N of them at one expiry make exactly one
 * refresh and the others use the tokens it stores, so Gusto's single-use refresh token is never
 * sent twice; a process killed mid-refresh frees the account within one lease, and the
 * write-ahead it left makes the next refresh a retry of its lost answer.
 *
 * Each "process" below has its own SQLite connection, http client and runtime, as a worker has;
 * the last test kills a real one.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { createAccountRuntime } from '../../src/accounts/account-runtime.js';
import type { AccountService } from '../../src/accounts/account-service.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { openSqlite } from '../../src/accounts/sqlite-driver.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { createHttpClient } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { createGustoSandbox, DEFAULT_GUSTO_OAUTH_CLIENT } from '../../src/sandbox/gusto/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';

const id = accountId('payroll');
const page = /* GraphQL */ `{ employees(account: "payroll", first: 1) { nodes { workEmail } } }`;
const holderScript = fileURLToPath(new URL('./fixtures/refresh-holder.ts', import.meta.url));
const loopbackOnly = new URL('../../bench/loopback-only.ts', import.meta.url).href;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A Gusto sandbox (single-use refresh tokens) and a store whose Gusto account's token expired,
 * reached at `baseUrl` (@default the sandbox).
 */
async function expiredAccount(baseUrl?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'hrgraph-refresh-lock-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const sandbox = createGustoSandbox({ company: { seed: 3, size: 10 }, rateLimit: false });
  const running = await sandbox.listen();
  cleanups.push(() => running.close());
  const admin = await openAccounts({ dataDir: dir, env: {} });
  cleanups.push(() => admin.close());
  await admin.add({
    id,
    provider: providerName('gusto'),
    company: sandbox.companyUuid,
    baseUrl: baseUrl ?? running.url,
    authKind: 'oauth',
    secrets: {
      kind: 'oauth',
      tokens: { ...sandbox.issueTokens(), expiresAt: Date.now() - 1, scopes: [] },
    },
  });
  return {
    dir,
    sandbox,
    sandboxUrl: running.url,
    admin,
    tokenCalls: () => sandbox.log.count({ path: '/oauth/token' }),
  };
}

/** One more process over the store: its own connection, http client, runtime and server. */
async function processOver(dir: string, refreshLeaseMs?: number) {
  const service: AccountService = await openAccounts({ dataDir: dir, env: {} });
  const http = createHttpClient();
  cleanups.push(async () => {
    await http.close();
    await service.close();
  });
  const runtime = createAccountRuntime({
    http,
    service,
    oauthApps: { gusto: DEFAULT_GUSTO_OAUTH_CLIENT },
    ...(refreshLeaseMs ? { refreshLeaseMs } : {}),
  });
  await runtime.reload();
  const yoga = createHrGraphServer({ adapters: runtime.adapters, createLoaders, logging: false });
  return async function query() {
    const response = await yoga.fetch('http://hrgraph/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: page }),
    });
    return (await response.json()) as {
      data?: { employees: { nodes: unknown[] } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
  };
}

/** The claim columns, read as another process would. */
async function claimRow(dir: string) {
  const db = await openSqlite(join(dir, 'accounts.db'));
  try {
    return db.get<{ refresh_claim: string | null; refresh_claim_until: number | null }>(
      'SELECT refresh_claim, refresh_claim_until FROM accounts WHERE id = ?',
      [id],
    );
  } finally {
    db.close();
  }
}

describe('Issue 16: the refresh single-flight across processes sharing the store', () => {
  test('two processes at one expiry make exactly one refresh; every query of both is answered', async () => {
    const hr = await expiredAccount();
    const [first, second] = [await processOver(hr.dir), await processOver(hr.dir)];
    const results = await Promise.all(
      [first, second, first, second, first, second].map((q) => q()),
    );
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.employees.nodes).toHaveLength(1);
    }
    expect(hr.tokenCalls()).toBe(1);
    const after = await hr.admin.get(id);
    expect(after?.status).toBe('ACTIVE');
    expect(after?.secretsVersion).toBe(2);
    expect(after?.refreshStartedAt).toBeNull();
    expect(await claimRow(hr.dir)).toEqual({ refresh_claim: null, refresh_claim_until: null });
  });

  test('fencing: a holder whose lease ran out and was taken over writes nothing ahead, so sends nothing', async () => {
    const hr = await expiredAccount();
    const { store } = hr.admin;
    const at = Date.now();
    expect(await store.claimRefresh(id, 1, 'stalled', at, at + 1_000)).toBe(true);
    // Held: a second claimant is refused until the lease is over.
    expect(await store.claimRefresh(id, 1, 'other', at + 999, at + 2_000)).toBe(false);
    expect(await store.claimRefresh(id, 1, 'other', at + 1_000, at + 2_000)).toBe(true);
    expect(await hr.admin.beginRefresh(id, 1, at + 1_001, 'stalled')).toBeUndefined();
    expect(await store.renewRefresh(id, 'stalled', at + 5_000)).toBe(false);
    expect((await hr.admin.beginRefresh(id, 1, at + 1_001, 'other'))?.refreshStartedAt).toBe(
      at + 1_001,
    );
    // Someone stored new tokens: a claim on the old ones is refused (read the new ones instead).
    await store.releaseRefresh(id, 'other');
    await store.update(id, { secretsVersion: 2 });
    expect(await store.claimRefresh(id, 1, 'late', at + 3_000, at + 4_000)).toBe(false);
  });

  test('a process killed mid-refresh holds the account no longer than its lease; the next refresh retries its lost answer', async () => {
    // Where the killed process sends its refresh: a provider that takes the request and never
    // answers, so the process dies between sending and storing.
    let sent = () => {};
    const arrived = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const silent = createServer((socket) => socket.once('data', () => sent()));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    cleanups.push(async () => {
      silent.close();
      silent.unref();
    });
    const hr = await expiredAccount(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    const leaseMs = 3_000;
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', loopbackOnly, holderScript, hr.dir, String(leaseMs)],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const exited = once(holder, 'exit');
    cleanups.push(async () => {
      holder.kill('SIGKILL');
      await exited;
    });
    await arrived;
    expect((await claimRow(hr.dir))?.refresh_claim).toMatch(new RegExp(`^${holder.pid}\\.`));
    expect((await hr.admin.get(id))?.refreshStartedAt).not.toBeNull();
    holder.kill('SIGKILL');
    await exited;

    // Dead, it still holds the claim: nobody else may send the same refresh token meanwhile.
    const { secretsVersion } = (await hr.admin.update(id, { baseUrl: hr.sandboxUrl }))!;
    const at = Date.now();
    expect(await hr.admin.store.claimRefresh(id, secretsVersion, 'probe', at, at)).toBe(false);
    const query = await processOver(hr.dir, leaseMs);
    const result = await query();
    expect(result.errors).toBeUndefined();
    expect(hr.tokenCalls()).toBe(1);
    const after = await hr.admin.get(id);
    expect(after?.status).toBe('ACTIVE');
    expect(after?.secretsVersion).toBe(secretsVersion + 1);
    expect(after?.refreshStartedAt).toBeNull();
    expect(await claimRow(hr.dir)).toEqual({ refresh_claim: null, refresh_claim_until: null });
  });
});
