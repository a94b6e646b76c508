/**
 * An Okta sandbox on an ephemeral port with hrgraph adapters connected to it: `okta` by SSWS API
 * token and `okta-app` by an API Services app's key (private_key_jwt), both for the org host
 * `acme.okta.com`, and hrgraph's real loaders and schema over them.
 */

import type { AccountCredentials, ProviderAdapter } from '../../src/core/contract/index.js';
import { accountId } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createOktaAdapter } from '../../src/providers/okta/index.js';
import type { Clock } from '../../src/sandbox/common/clock.js';
import type { FaultOptions } from '../../src/sandbox/common/faults.js';
import type { CompanyOptions, SyntheticCompany } from '../../src/sandbox/company/types.js';
import {
  createOktaSandbox,
  type OktaSandbox,
  type RateFamily,
  type ServiceApp,
} from '../../src/sandbox/okta/index.js';
import { graphqlOver, type QueryFn } from './hrgraph.js';

export interface OktaFixture {
  readonly sandbox: OktaSandbox;
  /** The sandbox's org URL: what the adapters use as `baseUrl`. */
  readonly url: string;
  readonly http: HttpClient;
  /** SSWS API token. */
  readonly apiToken: ProviderAdapter;
  /** Service app: OAuth client credentials with private_key_jwt. */
  readonly serviceApp: ProviderAdapter;
  readonly query: QueryFn;
  /** Requests the sandbox served since the last `resetCounts()`, by path. */
  served(path?: string | RegExp): number;
  resetCounts(): void;
  close(): Promise<void>;
}

export interface OktaFixtureOptions {
  readonly company?: CompanyOptions | SyntheticCompany;
  readonly faults?: FaultOptions;
  readonly http?: HttpClientOptions;
  /** The sandbox's clock, which the service app's token expiry reads too. */
  readonly clock?: Clock;
  readonly customAttributeCount?: number;
  readonly rateLimits?: Partial<Record<RateFamily, number>>;
  /** Stands between the adapters and the http client, to forge answers no sandbox fault gives. */
  readonly wrapHttp?: (http: HttpClient) => HttpClient;
}

export const ORG_HOST = 'acme.okta.com';

export async function startOkta(options: OktaFixtureOptions = {}): Promise<OktaFixture> {
  const sandbox = createOktaSandbox({
    company: options.company ?? { size: 200, seed: 42 },
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    customAttributeCount: options.customAttributeCount ?? 5,
  });
  const running = await sandbox.listen();
  const http = createHttpClient(options.http);
  const app = sandbox.serviceApp();
  // Groups and the schema stay cached for the whole file, so exact call counts hold.
  const common = {
    company: ORG_HOST,
    baseUrl: running.url,
    http: options.wrapHttp?.(http) ?? http,
    metadataTtlMs: 3_600_000,
  };
  const apiToken = createOktaAdapter({
    ...common,
    accountId: accountId('okta'),
    credentials: { kind: 'apiKey', apiKey: sandbox.apiToken() },
  });
  const serviceApp = createOktaAdapter({
    ...common,
    accountId: accountId('okta-app'),
    credentials: serviceAppCredentials(app),
    now: () => sandbox.clock.now(),
  });
  let mark = sandbox.log.count();
  return {
    sandbox,
    url: running.url,
    http,
    apiToken,
    serviceApp,
    query: graphqlOver([apiToken, serviceApp]),
    served(path) {
      const entries = sandbox.log.entries().filter((e) => e.seq > mark);
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

/** The credentials of an Okta service app: its private key signs the assertions, acting for itself. */
export function serviceAppCredentials(
  app: ServiceApp,
): Extract<AccountCredentials, { kind: 'serviceAccount' }> {
  return {
    kind: 'serviceAccount',
    key: {
      clientId: app.clientId,
      privateKey: app.privateKeyPem,
      keyId: app.keyId,
      subject: null,
      tokenUrl: null,
    },
  };
}
