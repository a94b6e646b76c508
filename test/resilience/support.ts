/**
 * hrgraph over one or more BambooHR sandboxes, each on its own ephemeral port with its own fault
 * injector, so one provider can misbehave while another stays well. One shared http client, as
 * at start-up, with the options the test chooses (short timeouts and waits keep the suite fast).
 */

import type { ProviderAdapter } from '../../src/core/contract/index.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { createAdapter } from '../../src/providers/registry.js';
import { type BambooHrSandbox, createBambooHrSandbox } from '../../src/sandbox/bamboohr/app.js';
import type { CompanyOptions } from '../../src/sandbox/company/types.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { type GraphQLResult, queryThrough } from '../support/hrgraph.js';

export interface ProviderSpec {
  /** The company domain; also the API-key account's id (`<domain>-oauth` for the OAuth one). */
  readonly domain: string;
  readonly company?: Omit<CompanyOptions, 'domain'>;
  /** Which accounts to connect to it. @default ['apiKey'] */
  readonly auth?: readonly ('apiKey' | 'oauth')[];
}

export interface GraphOptions {
  readonly providers: readonly ProviderSpec[];
  readonly http?: HttpClientOptions;
  readonly requestTimeoutMs?: number;
  /** Stands between the adapters and the http client, to forge answers no sandbox fault gives. */
  readonly wrapHttp?: (http: HttpClient) => HttpClient;
}

export interface Graph {
  readonly sandboxes: ReadonlyMap<string, BambooHrSandbox>;
  readonly http: HttpClient;
  readonly yoga: ReturnType<typeof createHrGraphServer>;
  query<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export async function startGraph(options: GraphOptions): Promise<Graph> {
  const http = createHttpClient(options.http);
  const adapterHttp = options.wrapHttp?.(http) ?? http;
  const sandboxes = new Map<string, BambooHrSandbox>();
  const closers: (() => Promise<void>)[] = [];
  const adapters: ProviderAdapter[] = [];
  for (const spec of options.providers) {
    const sandbox = createBambooHrSandbox({
      companies: [{ customFieldCount: 0, ...spec.company, domain: spec.domain }],
      lockout: false,
    });
    const running = await sandbox.listen();
    closers.push(running.close);
    sandboxes.set(spec.domain, sandbox);
    const baseUrl = `http://${spec.domain}.localhost:${new URL(running.url).port}`;
    for (const auth of spec.auth ?? ['apiKey']) {
      const token = sandbox.issueAccessToken(spec.domain);
      adapters.push(
        createAdapter(
          {
            id: accountId(auth === 'apiKey' ? spec.domain : `${spec.domain}-oauth`),
            provider: providerName('bamboohr'),
            company: spec.domain,
            baseUrl,
            credentials:
              auth === 'apiKey'
                ? { kind: 'apiKey', apiKey: sandbox.apiKeyFor(spec.domain) }
                : { kind: 'oauth', accessToken: async () => token.accessToken },
          },
          { http: adapterHttp },
        ),
      );
    }
  }
  const yoga = createHrGraphServer({
    adapters,
    createLoaders,
    cursorKey: Buffer.from('resilience-cursor-key-resilience'),
    development: false,
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
    requestTimeoutMs: options.requestTimeoutMs,
  });
  return {
    sandboxes,
    http,
    yoga,
    query: queryThrough(yoga),
    async close() {
      await http.close();
      await Promise.all(closers.map((close) => close()));
    },
  };
}
