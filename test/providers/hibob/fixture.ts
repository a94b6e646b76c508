/**
 * A HiBob sandbox on an ephemeral port with an hrgraph HiBob adapter connected to it by the
 * sandbox's service user, and hrgraph's GraphQL over it. Counts come from the sandbox's own
 * request log.
 */
import type { ProviderAdapter } from '../../../src/core/contract/index.js';
import { accountId } from '../../../src/core/ids.js';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
} from '../../../src/http/index.js';
import { createHibobAdapter } from '../../../src/providers/hibob/index.js';
import type { LogEntry } from '../../../src/sandbox/common/request-log.js';
import type { CompanyOptions } from '../../../src/sandbox/company/types.js';
import {
  createHibobSandbox,
  type HibobSandbox,
  type HibobSandboxOptions,
} from '../../../src/sandbox/hibob/index.js';
import { graphqlOver, type QueryFn } from '../../support/hrgraph.js';

export interface HibobFixture {
  readonly sandbox: HibobSandbox;
  readonly adapter: ProviderAdapter;
  readonly query: QueryFn;
  /** API requests the sandbox served since the last `resetCounts()`. */
  calls(): LogEntry[];
  resetCounts(): void;
  close(): Promise<void>;
}

export interface HibobFixtureOptions {
  readonly company?: CompanyOptions;
  readonly http?: HttpClientOptions;
  readonly sandbox?: Omit<HibobSandboxOptions, 'company'>;
  /** Wraps the adapter's http client (forged replies). @default none */
  readonly wrapHttp?: (http: HttpClient) => HttpClient;
}

export async function startHibob(options: HibobFixtureOptions = {}): Promise<HibobFixture> {
  const sandbox = createHibobSandbox({
    company: { seed: 7, size: 250, customFieldCount: 8, ...options.company },
    rateLimit: false,
    ...options.sandbox,
  });
  const running = await sandbox.listen();
  const http = createHttpClient(options.http);
  const user = sandbox.serviceUsers[0]!;
  const adapter = createHibobAdapter({
    accountId: accountId('hibob'),
    company: sandbox.company.displayName,
    baseUrl: `${running.url}/v1`,
    serviceUserId: user.id,
    token: user.token,
    http: options.wrapHttp ? options.wrapHttp(http) : http,
    metadataTtlMs: 3_600_000,
  });
  let mark = sandbox.log.count();
  return {
    sandbox,
    adapter,
    query: graphqlOver([adapter]),
    calls: () => sandbox.log.entries().filter((entry) => entry.seq > mark),
    resetCounts: () => {
      mark = sandbox.log.entries().at(-1)?.seq ?? 0;
    },
    async close() {
      await http.close();
      await running.close();
    },
  };
}
