import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApiTokens } from '../../src/accounts/api-tokens.js';
import { createConnectLinks } from '../../src/accounts/connect-links.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { runServe, type ServeHandle } from '../../src/cli/serve.js';
import { accountId, providerName } from '../../src/core/ids.js';
import {
  createBambooHrSandbox,
  DEFAULT_OAUTH_CLIENT,
  type RunningSandbox,
} from '../../src/sandbox/bamboohr/index.js';

let dir: string;
let sandbox: RunningSandbox;
let served: ServeHandle | undefined;
let baseUrl: string;
let token: string;
let link: string;
const env = () => ({
  HRGRAPH_BAMBOOHR_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
  HRGRAPH_BAMBOOHR_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-serve-'));
  const bamboo = createBambooHrSandbox({ companies: [{ domain: 'acme', size: 20 }] });
  sandbox = await bamboo.listen();
  baseUrl = `http://acme.localhost:${new URL(sandbox.url).port}`;
  const accounts = await openAccounts({ dataDir: dir, env: {} });
  await accounts.add({
    id: accountId('acme'),
    provider: providerName('bamboohr'),
    company: 'acme',
    baseUrl,
    authKind: 'apiKey',
    secrets: { kind: 'apiKey', apiKey: bamboo.apiKeyFor('acme') },
  });
  await accounts.add({
    id: accountId('globex'),
    provider: providerName('bamboohr'),
    company: 'acme',
    baseUrl,
    authKind: 'oauth',
    secrets: null,
  });
  token = (await createApiTokens(accounts.store).create('test', [accountId('acme')])).secret;
  const globex = (await accounts.get(accountId('globex')))!;
  link = (await createConnectLinks(accounts.store).create(globex)).link;
  await accounts.close();
});
afterEach(async () => {
  await served?.stop();
  served = undefined;
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hrgraph serve over the account store', () => {
  test('serves the stored accounts to API tokens, and /connect for the OAuth one to a connect link, with no config file', async () => {
    let banner = '';
    served = await runServe({
      port: 0,
      dataDir: dir,
      env: env(),
      handleSignals: false,
      write: (text) => {
        banner += text;
      },
      log: { info: () => {}, warn: () => {} },
    });
    expect(banner).toContain('acme (bamboohr, apiKey)');
    expect(banner).toContain('every request needs an API token');
    const anonymous = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ accounts { id } }' }),
    });
    expect(anonymous.status).toBe(401);
    const response = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ employees(account: "acme", first: 2) { nodes { displayName } } }',
      }),
    });
    const body = (await response.json()) as {
      data?: { employees: { nodes: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.employees.nodes).toHaveLength(2);

    const connectUrl = served.url.replace('/graphql', '/connect/bamboohr?account=globex');
    const anyone = await fetch(connectUrl, { redirect: 'manual' });
    expect(anyone.status).toBe(401);
    expect(anyone.headers.get('location')).toBeNull();
    const connect = await fetch(`${connectUrl}&link=${link}`, { redirect: 'manual' });
    expect(connect.status).toBe(302);
    const location = new URL(connect.headers.get('location')!);
    expect(location.origin).toBe(baseUrl);
    const port = new URL(served.url).port;
    expect(location.searchParams.get('redirect_uri')).toBe(
      `http://localhost:${port}/oauth/callback`,
    );
  });

  test('demo mode needs no token and says so loudly, on loopback only', async () => {
    let banner = '';
    served = await runServe({
      demo: true,
      demoSize: 10,
      port: 0,
      handleSignals: false,
      write: (text) => {
        banner += text;
      },
    });
    expect(banner).toContain('NO API TOKEN IS ASKED FOR');
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const response = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ accounts { id } }' }),
    });
    expect(await response.json()).toMatchObject({
      data: {
        accounts: [
          'acme',
          'acme-oauth',
          'acme-google',
          'acme-gusto',
          'acme-hibob',
          'acme-entra',
          'acme-okta',
          'acme-personio',
        ].map((id) => ({
          id,
        })),
      },
    });
  });
});
