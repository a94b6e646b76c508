/**
 * A BambooHR sandbox on an ephemeral port with hrgraph adapters connected to it: one by API key,
 * one by OAuth, both for the company `acme`.
 */

import type { ProviderAdapter } from '../../src/core/contract/index.js';
import { accountId } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createBambooHrAdapter } from '../../src/providers/bamboohr/index.js';
import { type BambooHrSandbox, createBambooHrSandbox } from '../../src/sandbox/bamboohr/app.js';
import type { FaultOptions } from '../../src/sandbox/common/faults.js';
import type { CompanyOptions } from '../../src/sandbox/company/types.js';

export interface BambooHrFixture {
  readonly sandbox: BambooHrSandbox;
  /** `http://acme.localhost:PORT`: the company host, as hrgraph would call acme.bamboohr.com. */
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly apiKey: ProviderAdapter;
  readonly oauth: ProviderAdapter;
  /** Requests the sandbox served under /api since the last `resetCounts()`. */
  apiCalls(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly company?: CompanyOptions;
  readonly faults?: FaultOptions;
  readonly http?: HttpClientOptions;
}

export async function startBambooHr(options: FixtureOptions = {}): Promise<BambooHrFixture> {
  const sandbox = createBambooHrSandbox({
    companies: [{ domain: 'acme', ...options.company }],
    faults: options.faults,
  });
  const running = await sandbox.listen();
  const port = new URL(running.url).port;
  const baseUrl = `http://acme.localhost:${port}`;
  const http = createHttpClient(options.http);
  const token = sandbox.issueAccessToken('acme');
  // Metadata stays cached for the whole file: tests that warm it once then count exact calls
  // must not see it expire when a loaded machine stretches a file past the default five minutes.
  const metadataTtlMs = 3_600_000;
  const apiKey = createBambooHrAdapter({
    accountId: accountId('acme'),
    companyDomain: 'acme',
    baseUrl,
    credentials: { kind: 'apiKey', apiKey: sandbox.apiKeyFor('acme') },
    http,
    metadataTtlMs,
  });
  const oauth = createBambooHrAdapter({
    accountId: accountId('acme-oauth'),
    companyDomain: 'acme',
    baseUrl,
    credentials: { kind: 'oauth', accessToken: async () => token.accessToken },
    http,
    metadataTtlMs,
  });
  let mark = sandbox.log.count();
  return {
    sandbox,
    baseUrl,
    http,
    apiKey,
    oauth,
    apiCalls: () => sandbox.log.count() - mark,
    resetCounts: () => {
      mark = sandbox.log.count();
    },
    async close() {
      await http.close();
      await running.close();
    },
  };
}
