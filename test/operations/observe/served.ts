/**
 * `hrgraph serve` as an operator runs it, in-process: a BambooHR sandbox on a free loopback port,
 * an account store holding one API-key account (`acme`) and one API token, and runServe over it
 * at debug level with every log line kept. Queries go over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { createApiTokens } from '../../../src/accounts/api-tokens.js';
import { openAccounts } from '../../../src/accounts/open-accounts.js';
import { runServe, type ServeHandle, type ServeOptions } from '../../../src/cli/serve.js';
import { accountId, providerName } from '../../../src/core/ids.js';
import { localhostAwareLookup } from '../../../src/http/localhost-lookup.js';
import {
  type BambooHrSandbox,
  createBambooHrSandbox,
  type RunningSandbox,
} from '../../../src/sandbox/bamboohr/index.js';

export const METRICS_TOKEN = 'metrics-token-for-the-scraper-0001';

export interface Served {
  readonly bamboo: BambooHrSandbox;
  readonly handle: ServeHandle;
  readonly origin: string;
  /** The API token's secret. */
  readonly token: string;
  /** The sandbox's API key of account `acme`. */
  readonly apiKey: string;
  /** Every log line written so far, parsed. */
  readonly lines: Record<string, unknown>[];
  /** Every log line written so far, as written. */
  readonly raw: string[];
  /** Posts a document to /graphql with the API token. */
  query(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  get(path: string, headers?: Record<string, string>): Promise<globalThis.Response>;
  close(): Promise<void>;
}

export async function startServed(
  options: { env?: Record<string, string>; serve?: Partial<ServeOptions> } = {},
): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'hrgraph-observe-'));
  const bamboo = createBambooHrSandbox({ companies: [{ domain: 'acme', size: 12 }] });
  const running: RunningSandbox = await bamboo.listen();
  const baseUrl = `http://acme.localhost:${new URL(running.url).port}`;
  const apiKey = bamboo.apiKeyFor('acme');
  const accounts = await openAccounts({ dataDir: dir, env: {} });
  await accounts.add({
    id: accountId('acme'),
    provider: providerName('bamboohr'),
    company: 'acme',
    baseUrl,
    authKind: 'apiKey',
    secrets: { kind: 'apiKey', apiKey },
  });
  const token = (await createApiTokens(accounts.store).create('test', [accountId('acme')])).secret;
  await accounts.close();
  const raw: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const handle = await runServe({
    port: 0,
    dataDir: dir,
    env: { HRGRAPH_METRICS_TOKEN: METRICS_TOKEN, ...options.env },
    handleSignals: false,
    write: () => {},
    log: { info: () => {}, warn: () => {} },
    logLevel: 'debug',
    logDestination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
    ...options.serve,
  });
  const origin = new URL(handle.url).origin;
  // A fresh connection per request: a drain test must see each request as it arrives.
  const agent = new Agent({ connect: { lookup: localhostAwareLookup }, pipelining: 0 });
  return {
    bamboo,
    handle,
    origin,
    token,
    apiKey,
    lines,
    raw,
    async query(document, variables = {}, headers = {}) {
      const response = await fetch(handle.url, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-hrgraph-upstream': '1',
          ...headers,
        },
        body: JSON.stringify({ query: document, variables }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    get: (path, headers = {}) =>
      fetch(`${origin}${path}`, { dispatcher: agent, headers }) as unknown as Promise<Response>,
    async close() {
      await handle.stop();
      await agent.close();
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
