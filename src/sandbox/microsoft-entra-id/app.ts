/**
 * `createEntraSandbox()`: one Entra tenant, projected from the synthetic company, as a Hono app
 * serving Microsoft Graph v1.0's directory reads and the tenant's token endpoint, with its request
 * log, fault injector and registered app (client secret and certificate).
 */
import { Hono } from 'hono';
import { type Clock, systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector, type FaultInjector, type FaultOptions } from '../common/faults.js';
import { type ListenOptions, listenOn, type RunningServer } from '../common/listen.js';
import {
  createRequestLog,
  type RequestLog,
  type RequestLogOptions,
} from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import { type EntraApp, registerApp } from './app-registration.js';
import { createDirectory, type Directory } from './directory.js';
import type { EntraEnv } from './env.js';
import { graphThrottle, innerFaults, observe, requireToken } from './middleware.js';
import { graphError } from './respond.js';
import { registerBatchRoute } from './routes/batch.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerTokenRoute } from './routes/token.js';
import { registerUserRoutes } from './routes/users.js';
import { createTokenStore } from './tokens.js';

export interface EntraSandboxOptions {
  /** The company to serve, or options to make one. @default createCompany() */
  readonly company?: SyntheticCompany | CompanyOptions;
  /** Directory extensions registered (from the company's first custom fields). @default 5 */
  readonly extensionCount?: number;
  /** @default systemClock */
  readonly clock?: Clock;
  readonly faults?: FaultOptions;
  readonly log?: RequestLogOptions;
  /** Seconds an access token lives. @default 3599 */
  readonly accessTokenLifetime?: number;
}

export interface EntraSandbox {
  readonly app: Hono<EntraEnv>;
  readonly company: SyntheticCompany;
  readonly directory: Directory;
  /** Faults for every request; an inner `$batch` request meets its throttles alone. */
  readonly faults: FaultInjector;
  /** Every HTTP request served (a `$batch` is one). */
  readonly log: RequestLog;
  /** The inner requests of every `$batch`. */
  readonly innerLog: RequestLog;
  readonly clock: Clock;
  readonly tenantId: string;
  /** The registered app's client id, secret and certificate key. */
  registeredApp(): EntraApp;
  /** Turns the registered app off (token requests then get AADSTS7000112) or on again. */
  setAppEnabled(enabled: boolean): void;
  issueAccessToken(): string;
  listen(options?: ListenOptions): Promise<RunningServer>;
}

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createEntraSandbox(options: EntraSandboxOptions = {}): EntraSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? {};
  const company = isSynthetic(source) ? source : createCompany(source);
  const directory = createDirectory(company, options.extensionCount ?? 5);
  const log = createRequestLog(options.log);
  const innerLog = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const tokens = createTokenStore(clock, options.accessTokenLifetime ?? 3599);
  const registered = registerApp(company.domain, company.seed);
  // Inner `$batch` requests are dispatched in-process; they are known by their Request object.
  const inner = new WeakSet<Request>();
  const isInner = (c: { req: { raw: Request } }) => inner.has(c.req.raw);

  const app = new Hono<EntraEnv>();
  app.use('*', observe({ log, innerLog, directory, isInner }));
  const outerFaults = faultMiddleware<EntraEnv>({
    injector: faults,
    clock,
    describe: (c) => ({ method: c.req.method, path: c.req.path, company: company.domain }),
    throttle: graphThrottle(clock),
  });
  app.use('*', (c, next) => (isInner(c) ? next() : outerFaults(c, next)));
  app.use('*', innerFaults(faults, clock, isInner));
  registerTokenRoute(app, { directory, app: registered, tokens, clock });
  app.use('/v1.0/*', requireToken(tokens));
  registerBatchRoute(app, {
    dispatch: async (request) => {
      inner.add(request);
      return app.fetch(request);
    },
  });
  registerUserRoutes(app, directory);
  registerGroupRoutes(app, directory);
  app.notFound((c) =>
    graphError(
      c,
      400,
      'BadRequest',
      `Resource not found for the segment '${c.req.path.split('/').pop()}'.`,
    ),
  );
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return graphError(c, 500, 'generalException', 'An unexpected error occurred.');
  });

  return {
    app,
    company,
    directory,
    faults,
    log,
    innerLog,
    clock,
    tenantId: directory.tenantId,
    registeredApp: () => registered.credentials(),
    setAppEnabled(enabled) {
      registered.enabled = enabled;
    },
    issueAccessToken: () => tokens.issue(registered.clientId).accessToken,
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
}
