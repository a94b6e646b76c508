/**
 * The whole stack in one process: the BambooHR sandbox on an ephemeral port, hrgraph's real
 * loaders and BambooHR adapters over it, and the yoga server called through `yoga.fetch`.
 */

import type { ProviderAdapter } from '../../src/core/contract/index.js';
import type { UpstreamSummary } from '../../src/http/recorder.js';
import { createLoaders, type LookupCache } from '../../src/loaders/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { type BambooHrFixture, type FixtureOptions, startBambooHr } from './bamboohr.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors?: readonly {
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
  readonly upstream: UpstreamSummary;
}

export interface HrGraphFixture {
  readonly bamboo: BambooHrFixture;
  query<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export type QueryFn = HrGraphFixture['query'];

/**
 * hrgraph's real loaders and schema over these adapters, called through `yoga.fetch`: what every
 * provider's end-to-end tests query through. Each response says which provider calls it made.
 */
export function graphqlOver(
  adapters: readonly ProviderAdapter[],
  options: { readonly lookupCache?: LookupCache } = {},
): QueryFn {
  const yoga = createHrGraphServer({
    ...options,
    adapters: () => adapters,
    createLoaders,
    cursorKey: Buffer.from('e2e-cursor-key-e2e-cursor-key-!!'),
    development: false,
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
  });
  return queryThrough(yoga);
}

/** Posts documents to a yoga server in-process, asking for the upstream calls each one made. */
export function queryThrough(yoga: {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}): QueryFn {
  return async function query<T>(document: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hrgraph-upstream': '1' },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as {
      data?: T | null;
      errors?: GraphQLResult['errors'];
      extensions?: { upstream?: UpstreamSummary };
    };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      upstream: body.extensions?.upstream ?? { calls: 0, retries: 0, durationMs: 0, entries: [] },
    };
  };
}

/** Accounts: `acme` (API key, pages through the employee dataset) and `acme-oauth` (OAuth, GET /v1/employees). */
export async function startHrGraph(options: FixtureOptions = {}): Promise<HrGraphFixture> {
  const bamboo = await startBambooHr(options);
  return { bamboo, query: graphqlOver([bamboo.apiKey, bamboo.oauth]), close: () => bamboo.close() };
}

/** Operations of the calls a response made, in order. */
export const operations = (upstream: UpstreamSummary) => upstream.entries.map((e) => e.operation);
