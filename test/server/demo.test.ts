import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runServe, type ServeHandle } from '../../src/cli/serve.js';

let served: ServeHandle;
let banner = '';
const utcDay = () => new Date().toISOString().slice(0, 10);
let startedOn = '';

beforeAll(async () => {
  startedOn = utcDay();
  served = await runServe({
    demo: true,
    port: 0,
    demoSize: 30,
    handleSignals: false,
    write: (text) => {
      banner += text;
    },
  });
});

afterAll(() => served?.stop());

async function post(document: string) {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: unknown[];
    extensions?: { upstream?: { calls: number } };
  };
}

describe('hrgraph serve --demo', () => {
  test('says loudly that it is demo mode, on loopback, with the GraphiQL URL', () => {
    expect(banner).toContain('DEMO MODE');
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(banner).toContain(served.url);
  });

  test('dates the synthetic company by the current UTC day, so "this month" is the company\'s month', () => {
    // Started on `startedOn`; a start that straddled midnight may be dated by either day.
    expect([startedOn, utcDay()]).toContain(served.demo?.today);
  });

  test('refuses a non-loopback host', async () => {
    await expect(
      runServe({ demo: true, host: '0.0.0.0', port: 0, handleSignals: false, write: () => {} }),
    ).rejects.toThrow(/loopback/);
  });

  test('connects an API-key account and an OAuth account to the same sandbox company', async () => {
    const body = await post(/* GraphQL */ `{
      accounts { id authKind }
      key: employees(account: "acme", first: 3) { totalCount nodes { remoteId displayName department { name } } }
      oauth: employees(account: "acme-oauth", first: 3) { totalCount nodes { remoteId displayName department { name } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect((body.data?.accounts as unknown[] | undefined)?.slice(0, 2)).toEqual([
      { id: 'acme', authKind: 'API_KEY' },
      { id: 'acme-oauth', authKind: 'OAUTH' },
    ]);
    const key = body.data?.key as {
      totalCount: number;
      nodes: { remoteId: string; displayName: string }[];
    };
    expect(key.totalCount).toBe(30);
    expect(key.nodes).toHaveLength(3);
    // The same people, whichever credential reads them.
    expect(body.data?.oauth).toEqual(body.data?.key);
    // Development mode: upstream accounting on every response.
    expect(body.extensions?.upstream?.calls).toBeGreaterThan(0);
  });

  test('connects every provider to the same company: one person, one work email, eight accounts', async () => {
    const body = await post(/* GraphQL */ `{
      accounts { id provider authKind employees(first: 30) { nodes { workEmail lastName } } }
    }`);
    expect(body.errors).toBeUndefined();
    const accounts = body.data?.accounts as {
      id: string;
      provider: string;
      authKind: string;
      employees: { nodes: { workEmail: string; lastName: string }[] };
    }[];
    // In the registry's order: the demo starts every registered provider's demo entry.
    expect(accounts.map(({ id, provider, authKind }) => ({ id, provider, authKind }))).toEqual([
      { id: 'acme', provider: 'BAMBOOHR', authKind: 'API_KEY' },
      { id: 'acme-oauth', provider: 'BAMBOOHR', authKind: 'OAUTH' },
      { id: 'acme-google', provider: 'GOOGLE_WORKSPACE', authKind: 'SERVICE_ACCOUNT' },
      { id: 'acme-gusto', provider: 'GUSTO', authKind: 'OAUTH' },
      { id: 'acme-hibob', provider: 'HIBOB', authKind: 'CLIENT_SECRET' },
      { id: 'acme-entra', provider: 'MICROSOFT_ENTRA_ID', authKind: 'SERVICE_ACCOUNT' },
      { id: 'acme-okta', provider: 'OKTA', authKind: 'API_KEY' },
      { id: 'acme-personio', provider: 'PERSONIO', authKind: 'CLIENT_SECRET' },
    ]);
    // Given names may differ (Google's givenName is the name people go by); emails and family
    // names may not.
    const byEmail = (nodes: { workEmail: string; lastName: string }[]) =>
      new Map(nodes.map((n) => [n.workEmail, n.lastName]));
    const bamboo = byEmail(accounts[0]!.employees.nodes);
    // Okta leaves deprovisioned people out of a plain list, so compare what each one shows.
    for (const account of accounts.slice(2)) {
      const seen = byEmail(account.employees.nodes);
      expect(seen.size, account.id).toBeGreaterThan(20);
      for (const [email, name] of seen)
        expect([account.id, bamboo.get(email)]).toEqual([account.id, name]);
    }
  });
});
