/**
 * An Entra sandbox on an ephemeral loopback port with hrgraph adapters connected to it: `entra`
 * by the app's certificate and `entra-secret` by its client secret, and hrgraph's real loaders
 * and schema over them. Calls are counted from the sandbox's own request log.
 */
import type { ProviderAdapter } from '../../../../src/core/contract/index.js';
import { accountId } from '../../../../src/core/ids.js';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
} from '../../../../src/http/index.js';
import { createEntraAdapter } from '../../../../src/providers/microsoft-entra-id/index.js';
import type { CompanyOptions } from '../../../../src/sandbox/company/types.js';
import {
  createEntraSandbox,
  type EntraSandbox,
} from '../../../../src/sandbox/microsoft-entra-id/index.js';
import { graphqlOver, type QueryFn } from '../../../support/hrgraph.js';
import { certificateCredentials, secretCredentials } from '../support.js';

export interface EntraFixture {
  readonly sandbox: EntraSandbox;
  readonly url: string;
  readonly certificate: ProviderAdapter;
  readonly secret: ProviderAdapter;
  readonly query: QueryFn;
  /** Graph requests served since the last `resetCounts()` (token requests left out), by path. */
  served(path?: string | RegExp): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export async function startEntra(
  options: {
    company?: CompanyOptions;
    http?: HttpClientOptions;
    /** Stands between the adapters and the http client, to forge answers no sandbox fault gives. */
    wrapHttp?: (http: HttpClient) => HttpClient;
  } = {},
): Promise<EntraFixture> {
  const sandbox = createEntraSandbox({
    company: options.company ?? { size: 200, seed: 42, customFieldCount: 3 },
    extensionCount: 3,
  });
  const running = await sandbox.listen();
  const http: HttpClient = createHttpClient(options.http);
  const app = sandbox.registeredApp();
  const common = {
    tenant: sandbox.tenantId,
    baseUrl: running.url,
    http: options.wrapHttp?.(http) ?? http,
    metadataTtlMs: 3_600_000,
  };
  const certificate = createEntraAdapter({
    ...common,
    accountId: accountId('entra'),
    credentials: certificateCredentials(app),
  });
  const secret = createEntraAdapter({
    ...common,
    accountId: accountId('entra-secret'),
    credentials: secretCredentials(app),
  });
  let mark = sandbox.log.count();
  return {
    sandbox,
    url: running.url,
    certificate,
    secret,
    query: graphqlOver([certificate, secret]),
    served(path) {
      const entries = sandbox.log
        .entries()
        .filter((e) => e.seq > mark && e.path.startsWith('/v1.0/'));
      if (path === undefined) return entries.length;
      return entries.filter((e) => (typeof path === 'string' ? e.path === path : path.test(e.path)))
        .length;
    },
    resetCounts() {
      mark = sandbox.log.count();
    },
    async close() {
      await http.close();
      await running.close();
    },
  };
}
