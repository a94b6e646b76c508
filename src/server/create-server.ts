/**
 * The hrgraph HTTP app. One route table (routes/route-table.ts) answers every request: GraphQL at
 * /graphql behind the API-token check, GraphiQL's page there for browsers, a health check at
 * /healthz, a page at / pointing to /graphql, the self-governed routes given (the OAuth connect
 * flow), and a 404 for every other path. Yoga runs inside the GraphQL route only, so no path it
 * would also answer (a trailing or double slash, a suffix) reaches it. Around the table: CORS for
 * an allow-list of origins, and compression for clients that accept it.
 *
 * Inside yoga: no request that a page on another site could send without a preflight (CSRF),
 * bounded documents, masked errors (our GraphQLErrors with extensions.code pass through; anything
 * unexpected becomes "Unexpected error."), a deadline per request and upstream accounting on
 * demand.
 */
import { randomBytes } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createServerAdapter, Response } from '@whatwg-node/server';
import { createYoga, type YogaServerOptions } from 'graphql-yoga';
import type { ProviderAdapter } from '../core/contract/index.js';
import { createUpstreamRecorder, type UpstreamRecorder } from '../http/recorder.js';
import {
  createLookupCache,
  createWalkMemory,
  type HrLoaders,
  type LookupCache,
  type WalkMemory,
} from '../loaders/index.js';
import {
  type ConnectionLimits,
  defaultConnectionLimits,
  type HrContext,
} from '../schema/context.js';
import { schema } from '../schema/index.js';
import { graphiqlOptions } from './graphiql.js';
import { maskedErrorLogger, maskHrGraphError } from './mask-errors.js';
import { type BudgetsOptions, useBudgets } from './plugins/budgets/use-budgets.js';
import { createOperationPlanner } from './plugins/explain/operation-planner.js';
import { useExplain } from './plugins/explain/use-explain.js';
import { useCompression } from './plugins/use-compression.js';
import { type CorsAllowListOptions, useCorsAllowList } from './plugins/use-cors-allow-list.js';
import { type CsrfPreventionOptions, useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { type OperationLimitsOptions, useOperationLimits } from './plugins/use-operation-limits.js';
import {
  type PersistedOperationsOptions,
  usePersistedOperations,
} from './plugins/use-persisted-operations.js';
import { useRequestBodyLimit } from './plugins/use-request-body-limit.js';
import { useRequestDeadline } from './plugins/use-request-deadline.js';
import { useUpstreamAccounting } from './plugins/use-upstream-accounting.js';
import { type ApiTokenOptions, apiTokenCheck } from './routes/api-token-check.js';
import { graphiqlPageRoute } from './routes/graphiql-page.js';
import { homeRoute } from './routes/home.js';
import type { Route } from './routes/route.js';
import { createRouter, type Scope, type TableRoute } from './routes/route-table.js';

export interface LoadersInit {
  readonly adapters: readonly ProviderAdapter[];
  readonly signal: AbortSignal;
  readonly recorder: UpstreamRecorder;
  /** When the request must be answered by (epoch ms), for every provider call it makes. */
  readonly deadline?: number;
  /** The server's one lookup cache, shared by every request. */
  readonly lookupCache: LookupCache;
  /** The server's memory of the walks through lists, shared by every request. */
  readonly walks: WalkMemory;
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
  /**
   * Serve GraphiQL's page at /graphql to browsers (a public, static page: its queries carry the
   * token typed into its headers tab). `exampleAccount` fills its tabs' `$account`: give one only
   * where account ids are no secret (demo mode). @default true
   */
  graphiql?: boolean | { readonly exampleAccount?: string };
  /**
   * Browser origins allowed to call hrgraph across origins (CORS), as `https://app.example.com`;
   * a function when known only once the server listens. @default [] (no cross-origin page may)
   */
  corsOrigins?: CorsAllowListOptions['origins'];
  /**
   * Headers that let a GET or a form-encoded, multipart or text/plain POST run GraphQL
   * (plugins/use-csrf-prevention.ts); a JSON POST needs none.
   * @default ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name']
   */
  csrfHeaders?: CsrfPreventionOptions['requestHeaders'];
  /** Page sizes of connections. @default { defaultSize: 50, maxSize: 1000 } */
  limits?: Partial<ConnectionLimits>;
  /**
   * Bounds on documents (plugins/use-operation-limits.ts).
   * @default { maxTokens: 2000, maxDepth: 15, maxAliases: 30, maxDirectives: 50, maxCost: 1000000 }
   */
  operationLimits?: OperationLimitsOptions;
  /**
   * yoga's `logging`: errors reach it described by kind, codes, path and stack, never by message.
   * @default true (yoga's logger at 'info')
   */
  logging?: YogaServerOptions<object, HrContext>['logging'];
  /** The largest request body taken, in bytes (plugins/use-request-body-limit.ts). @default 25000000 */
  maxRequestBodyBytes?: number;
  /** How long one request may wait on providers before their fields fail. @default 30000 */
  requestTimeoutMs?: number;
  /** The clock for default date windows. @default () => new Date() */
  now?: () => Date;
  /**
   * Plain HTTP routes that check their own credential (the OAuth connect flow), offered every
   * request whose path the route table does not serve. @default []
   */
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
   * What the walks through lists returned so far, so a provider repeating someone from an earlier
   * page is caught. @default an in-memory memory of 200,000 records
   */
  walks?: WalkMemory;
  /**
   * hrgraph's own API tokens: every request must carry one and reads only its accounts. Left out
   * only by local demo mode and tests. @default none: every request reads every account
   */
  apiTokens?: ApiTokenOptions;
  /**
   * An allow-list of documents clients name by id (plugins/use-persisted-operations.ts); with
   * `only`, nothing else runs. @default none: clients send documents
   */
  persistedOperations?: PersistedOperationsOptions;
  /**
   * Budgets of provider calls per token and per account (plugins/budgets/use-budgets.ts).
   * @default none: no budget but the providers' own
   */
  budgets?: Omit<BudgetsOptions, 'planner'>;
}

/** What the GraphQL route hands yoga with each request. */
interface GraphQLServerContext {
  /** The accounts the request may read; absent on a request the route did not check. */
  readonly scope?: Scope;
}

const GRAPHQL_PATH = '/graphql';

export function createHrGraphServer(options: HrGraphServerOptions) {
  const {
    adapters,
    createLoaders,
    cursorKey = randomBytes(32),
    development = process.env.NODE_ENV === 'development',
    graphiql = true,
    corsOrigins = [],
    operationLimits = {},
    logging = true,
    now = () => new Date(),
    requestTimeoutMs = 30_000,
    routes = [],
    standing = () => undefined,
    lookupCache = createLookupCache(),
    walks = createWalkMemory(),
  } = options;
  const currentAdapters = typeof adapters === 'function' ? adapters : () => adapters;
  /** The accounts a request may read; fails closed, so a request no route checked reads none. */
  function adaptersFor(scope: Scope | undefined): readonly ProviderAdapter[] {
    const all = currentAdapters();
    if (scope === 'every') return all;
    return all.filter((adapter) => scope?.has(adapter.accountId) === true);
  }
  const deadline = useRequestDeadline({ timeoutMs: requestTimeoutMs });
  // One plan per request, for explain and the budgets alike.
  const planner = createOperationPlanner({ lookupCache });
  const limits: ConnectionLimits = { ...defaultConnectionLimits, ...options.limits };
  const yoga = createYoga<GraphQLServerContext, HrContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    // The route table serves these; yoga sees only requests the GraphQL route let through.
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: false,
    cors: false,
    // No Upload scalar: a multipart body could only cost parsing.
    multipart: false,
    // Bounded by useRequestBodyLimit below, which counts only a body without a Content-Length.
    maxRequestBodySize: false,
    maskedErrors: { isDev: development, maskError: maskHrGraphError },
    // Errors are logged by kind, codes, path and stack, never by message (mask-errors.ts).
    logging: maskedErrorLogger(logging),
    context: function createContext({ request, scope }): HrContext {
      const recorder = createUpstreamRecorder();
      const loaders = createLoaders({
        adapters: adaptersFor(scope),
        signal: request.signal,
        recorder,
        deadline: deadline.deadlineOf(request),
        lookupCache,
        walks,
      });
      return { loaders, cursorKey, limits, now, standing };
    },
    plugins: [
      // First: a request any web page could send is refused before it is parsed.
      useCsrfPrevention(options.csrfHeaders ? { requestHeaders: options.csrfHeaders } : {}),
      useRequestBodyLimit(
        options.maxRequestBodyBytes === undefined ? {} : { maxBytes: options.maxRequestBodyBytes },
      ),
      // Before the limits: a listed id becomes its document, which is then held to them too.
      ...(options.persistedOperations ? [usePersistedOperations(options.persistedOperations)] : []),
      deadline,
      useOperationLimits(operationLimits),
      useExplain({ planner }),
      ...(options.budgets ? [useBudgets({ ...options.budgets, planner })] : []),
      useUpstreamAccounting({ always: development }),
    ],
  });
  const exampleAccount = typeof graphiql === 'object' ? graphiql.exampleAccount : undefined;
  const table: TableRoute[] = [
    {
      name: 'health',
      access: 'public',
      path: '/healthz',
      methods: ['GET', 'HEAD'],
      handle: () => new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } }),
    },
    homeRoute({ graphqlPath: GRAPHQL_PATH, graphiql: graphiql !== false }),
    ...(graphiql === false
      ? []
      : [
          graphiqlPageRoute(GRAPHQL_PATH, {
            // GraphiQL's scripts and styles inlined: the page works with no CDN in reach
            // (air-gapped installs, and every machine this project is built on).
            render: () => renderGraphiQL(graphiqlOptions(exampleAccount)),
          }),
        ]),
    {
      name: 'graphql',
      access: 'token',
      path: GRAPHQL_PATH,
      methods: ['GET', 'POST'],
      handle: (request, _url, scope) => yoga.fetch(request, { scope }),
    },
  ];
  const router = createRouter({
    table,
    selfGoverned: routes,
    ...(options.apiTokens ? { authenticate: apiTokenCheck(options.apiTokens) } : {}),
    onError: (error) => yoga.logger.error(error),
  });
  const app = createServerAdapter(router, {
    plugins: [useCorsAllowList({ origins: corsOrigins }), useCompression()],
  });
  // The process-level safety net logs through the same logger as every request.
  return Object.assign(app, { logger: yoga.logger });
}

export type HrGraphServer = ReturnType<typeof createHrGraphServer>;
