/**
 * The hrgraph HTTP app: a yoga instance serving the federation subgraph at /graphql (GraphiQL on
 * GET with Accept: text/html), a health check at /healthz, bounded documents, masked errors (our
 * GraphQLErrors with extensions.code pass through; anything unexpected becomes "Unexpected error.")
 * and upstream accounting on demand.
 */
import { randomBytes } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerOptions } from 'graphql-yoga';
import type { ProviderAdapter } from '../core/contract/index.js';
import { createUpstreamRecorder, type UpstreamRecorder } from '../http/recorder.js';
import { createLookupCache, type HrLoaders, type LookupCache } from '../loaders/index.js';
import {
  type ConnectionLimits,
  defaultConnectionLimits,
  type HrContext,
} from '../schema/context.js';
import { schema } from '../schema/index.js';
import { graphiqlOptions } from './graphiql.js';
import { maskHrGraphError } from './mask-errors.js';
import { type ApiTokenPluginOptions, useApiTokens } from './plugins/use-api-tokens.js';
import { type OperationLimitsOptions, useOperationLimits } from './plugins/use-operation-limits.js';
import { useRequestDeadline } from './plugins/use-request-deadline.js';
import { useUpstreamAccounting } from './plugins/use-upstream-accounting.js';
import { type Route, useRoutes } from './routes/route.js';

export interface LoadersInit {
  readonly adapters: readonly ProviderAdapter[];
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /** When the request must be answered by (epoch ms), for every provider call it makes. */
  readonly deadline?: number;
  /** The server's one lookup cache, shared by every request. */
  readonly lookupCache: LookupCache;
}

/** Builds one request's loaders; in production, `createLoaders` from src/loaders. */
export type LoadersFactory = (init: LoadersInit) => HrLoaders;

export interface HrGraphServerOptions {
  /**
   * One adapter per connected account; a function when accounts come and go while serving
   * (the account store), read once per request.
   */
  adapters: readonly ProviderAdapter[] | (() => readonly ProviderAdapter[]);
  createLoaders: LoadersFactory;
  /** Signs pagination cursors. Share one across replicas behind a load balancer. @default 32 random bytes, per server */
  cursorKey?: Uint8Array;
  /**
   * Development mode: upstream accounting on every response and error details in extensions.
   * @default process.env.NODE_ENV === 'development'
   */
  development?: boolean;
  /** Serve GraphiQL at /graphql. @default true */
  graphiql?: boolean;
  /** Page sizes of connections. @default { defaultSize: 50, maxSize: 1000 } */
  limits?: Partial<ConnectionLimits>;
  /** @default { maxDepth: 15, maxAliases: 30 } */
  operationLimits?: OperationLimitsOptions;
  /** @default true (yoga's logger at 'info') */
  logging?: YogaServerOptions<object, HrContext>['logging'];
  /** How long one request may wait on providers before their fields fail. @default 30000 */
  requestTimeoutMs?: number;
  /** The clock for default date windows. @default () => new Date() */
  now?: () => Date;
  /** Plain HTTP routes served beside /graphql (the OAuth connect flow). @default [] */
  routes?: readonly Route[];
  /**
   * Where each account stands (the account runtime's health), for `Account.status`.
   * @default every account ACTIVE
   */
  standing?: HrContext['standing'];
  /**
   * Where lookups (field catalogues, org lists…) are kept between requests: one per server, or one
   * shared by several (a Redis-backed one for replicas). @default an in-memory LRU cache
   */
  lookupCache?: LookupCache;
  /**
   * hrgraph's own API tokens: every request must carry one and reads only its accounts. Left out
   * only by local demo mode and tests. @default none: every request reads every account
   */
  apiTokens?: ApiTokenPluginOptions;
}

export function createHrGraphServer(options: HrGraphServerOptions) {
  const {
    adapters,
    createLoaders,
    cursorKey = randomBytes(32),
    development = process.env.NODE_ENV === 'development',
    graphiql = true,
    operationLimits = {},
    logging = true,
    now = () => new Date(),
    requestTimeoutMs = 30_000,
    routes = [],
    standing = () => undefined,
    lookupCache = createLookupCache(),
  } = options;
  const currentAdapters = typeof adapters === 'function' ? adapters : () => adapters;
  const tokens = options.apiTokens ? useApiTokens(options.apiTokens) : null;
  /** The accounts this request may read: its token's, or (no tokens configured) all. */
  function adaptersFor(request: Request): readonly ProviderAdapter[] {
    const all = currentAdapters();
    if (!tokens) return all;
    // Fails closed: a request the token check did not see reads nothing.
    const scope = tokens.scopeOf(request);
    return all.filter((adapter) => scope?.has(adapter.accountId) === true);
  }
  const deadline = useRequestDeadline({ timeoutMs: requestTimeoutMs });
  const limits: ConnectionLimits = { ...defaultConnectionLimits, ...options.limits };
  const atStart = currentAdapters();
  const exampleAccount = atStart.length > 1 ? atStart[0]?.accountId : undefined;
  return createYoga<object, HrContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: graphiql ? graphiqlOptions(exampleAccount) : false,
    // GraphiQL's scripts and styles inlined: the page works with no CDN in reach (air-gapped
    // installs, and every machine this project is built on).
    renderGraphiQL,
    maskedErrors: { isDev: development, maskError: maskHrGraphError },
    logging,
    context: function createContext({ request }): HrContext {
      const recorder = createUpstreamRecorder();
      const loaders = createLoaders({
        adapters: adaptersFor(request),
        signal: request.signal,
        recorder,
        deadline: deadline.deadlineOf(request),
        lookupCache,
      });
      return { loaders, cursorKey, limits, now, standing };
    },
    plugins: [
      useRoutes(routes),
      ...(tokens ? [tokens.plugin] : []),
      deadline,
      useOperationLimits(operationLimits),
      useUpstreamAccounting({ always: development }),
    ],
  });
}

export type HrGraphServer = ReturnType<typeof createHrGraphServer>;
