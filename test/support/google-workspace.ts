/**
 * A Google Workspace sandbox on an ephemeral port with an hrgraph adapter connected to it by a
 * service-account key (domain-wide delegation, impersonating the sandbox's admin), the adapter's
 * token clock tied to the sandbox's manual clock, and hrgraph's GraphQL over it.
 */
import { readServiceAccountKey } from '../../src/accounts/service-account-key.js';
import type { ProviderAdapter, ServiceAccountKey } from '../../src/core/contract/index.js';
import { accountId } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createGoogleWorkspaceAdapter } from '../../src/providers/google-workspace/index.js';
import type { FaultOptions } from '../../src/sandbox/common/faults.js';
import type { CompanyOptions } from '../../src/sandbox/company/types.js';
import {
  createGoogleWorkspaceSandbox,
  createManualClock,
  type GoogleWorkspaceSandbox,
  type ManualClock,
} from '../../src/sandbox/google-workspace/index.js';
import { graphqlOver, type QueryFn } from './hrgraph.js';

export interface GoogleFixture {
  readonly sandbox: GoogleWorkspaceSandbox;
  readonly clock: ManualClock;
  readonly url: string;
  readonly http: HttpClient;
  readonly key: ServiceAccountKey;
  /** Account `acme-google`, by customer id `my_customer`. */
  readonly adapter: ProviderAdapter;
  readonly query: QueryFn;
  /** Another adapter on the same sandbox and http client. */
  adapterWith(options: AdapterOverrides): ProviderAdapter;
  close(): Promise<void>;
}

export interface AdapterOverrides {
  readonly id?: string;
  readonly company?: string;
  readonly key?: ServiceAccountKey;
  /** The adapter's token clock. @default the sandbox's manual clock */
  readonly now?: () => number;
}

export interface GoogleFixtureOptions {
  readonly company?: CompanyOptions;
  readonly faults?: FaultOptions;
  /** May read the sandbox's clock (to let injected sleeps move it). */
  readonly http?: HttpClientOptions | ((clock: ManualClock) => HttpClientOptions);
  readonly queriesPerMinutePerUser?: number;
  readonly delegatedScopes?: readonly string[];
}

export async function startGoogleWorkspace(
  options: GoogleFixtureOptions = {},
): Promise<GoogleFixture> {
  const clock = createManualClock();
  const sandbox = createGoogleWorkspaceSandbox({
    company: options.company ?? { seed: 42, size: 200 },
    clock,
    faults: options.faults,
    ...(options.queriesPerMinutePerUser
      ? { queriesPerMinutePerUser: options.queriesPerMinutePerUser }
      : {}),
    ...(options.delegatedScopes ? { delegatedScopes: options.delegatedScopes } : {}),
  });
  const running = await sandbox.listen();
  const http = createHttpClient(
    typeof options.http === 'function' ? options.http(clock) : { ...options.http },
  );
  const key = readServiceAccountKey(
    JSON.stringify(sandbox.serviceAccountKey(running.url)),
    sandbox.adminEmail,
  );
  function adapterWith(o: AdapterOverrides) {
    return createGoogleWorkspaceAdapter({
      accountId: accountId(o.id ?? 'acme-google'),
      company: o.company ?? 'my_customer',
      baseUrl: running.url,
      key: o.key ?? key,
      http,
      now: o.now ?? clock.now,
      // Cached for the whole file: exact call counts must not see it expire on a slow machine.
      metadataTtlMs: 3_600_000,
    });
  }
  const adapter = adapterWith({});
  return {
    sandbox,
    clock,
    url: running.url,
    http,
    key,
    adapter,
    query: graphqlOver([adapter]),
    adapterWith,
    async close() {
      await http.close();
      await running.close();
    },
  };
}

/** Provider calls of a response, by operation, token mints left out. */
export function dataCalls(upstream: { entries: readonly { operation: string }[] }): string[] {
  return upstream.entries.map((e) => e.operation).filter((op) => op !== 'google.token');
}

export function countOf(ops: readonly string[], operation: string): number {
  return ops.filter((op) => op === operation).length;
}
