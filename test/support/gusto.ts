/**
 * A Gusto sandbox on an ephemeral port with an hrgraph Gusto adapter connected to it by OAuth
 * (a token pair the sandbox issued), and hrgraph's GraphQL over it.
 */

import type { ProviderAdapter } from '../../src/core/contract/index.js';
import { accountId } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createGustoAdapter } from '../../src/providers/gusto/index.js';
import type { FaultOptions } from '../../src/sandbox/common/faults.js';
import type { CompanyOptions } from '../../src/sandbox/company/types.js';
import {
  createGustoSandbox,
  type GustoSandbox,
  type GustoSandboxOptions,
} from '../../src/sandbox/gusto/index.js';
import { graphqlOver, type QueryFn } from './hrgraph.js';

export interface GustoFixture {
  readonly sandbox: GustoSandbox;
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly adapter: ProviderAdapter;
  readonly query: QueryFn;
  /** API requests (under /v1) the sandbox served since the last `resetCounts()`. */
  apiCalls(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export interface GustoFixtureOptions {
  readonly company?: CompanyOptions;
  readonly faults?: FaultOptions;
  readonly http?: HttpClientOptions;
  readonly sandbox?: Omit<GustoSandboxOptions, 'company' | 'faults'>;
  /** @default 'gusto' */
  readonly accountId?: string;
  /** Wraps the adapter's http client (forged replies). @default none */
  readonly wrapHttp?: (http: HttpClient) => HttpClient;
}

export async function startGusto(options: GustoFixtureOptions = {}): Promise<GustoFixture> {
  const sandbox = createGustoSandbox({
    company: { seed: 7, size: 250, ...options.company },
    rateLimit: false,
    ...options.sandbox,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const running = await sandbox.listen();
  const http = createHttpClient(options.http);
  const tokens = sandbox.issueTokens();
  const adapter = createGustoAdapter({
    accountId: accountId(options.accountId ?? 'gusto'),
    company: sandbox.companyUuid,
    baseUrl: running.url,
    accessToken: async () => tokens.accessToken,
    http: options.wrapHttp ? options.wrapHttp(http) : http,
    metadataTtlMs: 3_600_000,
  });
  let mark = sandbox.log.count({ path: /^\/v1\// });
  return {
    sandbox,
    baseUrl: running.url,
    http,
    adapter,
    query: graphqlOver([adapter]),
    apiCalls: () => sandbox.log.count({ path: /^\/v1\// }) - mark,
    resetCounts: () => {
      mark = sandbox.log.count({ path: /^\/v1\// });
    },
    async close() {
      await http.close();
      await running.close();
    },
  };
}
