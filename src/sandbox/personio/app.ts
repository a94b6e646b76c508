/**
 * `createPersonioSandbox()`: the Personio API emulator (v1 personnel and auth specs, v2 persons
 * and employments as the developer pages describe them) for one synthetic company, as a Hono
 * app, with its two token endpoints, rate limits, fault injector and request log. Paths are
 * those under `https://api.personio.de`: `/v1/company/employees`, `/v2/persons`.
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
import type { PersonioEnv } from './env.js';
import { bearer, observe, personioThrottle } from './middleware.js';
import { createProjection } from './project.js';
import { createRateLimiter, PERSONIO_RATE_LIMITS, type RateLimits } from './rate-limit.js';
import { v1Error } from './respond.js';
import { registerAbsenceRoutes } from './routes/absences.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerEmployeeRoutes } from './routes/employees.js';
import { registerPersonRoutes } from './routes/persons.js';
import {
  createTokenStore,
  DEFAULT_PERSONIO_CREDENTIAL,
  type PersonioApiCredential,
  type TokenVersion,
} from './tokens.js';

export interface PersonioSandboxOptions {
  /** @default createCompany({ seed: 42, size: 200 }) */
  readonly company?: SyntheticCompany | CompanyOptions;
  /** Token expiry and rate windows read it. @default systemClock */
  readonly clock?: Clock;
  /** @default no faults */
  readonly faults?: FaultOptions;
  /** @default keep the last 100,000 requests */
  readonly log?: RequestLogOptions;
  /** The API credentials the company has issued. @default [DEFAULT_PERSONIO_CREDENTIAL] */
  readonly credentials?: readonly PersonioApiCredential[];
  /** false turns every limit off. @default PERSONIO_RATE_LIMITS */
  readonly rateLimits?: RateLimits | false;
  /** Custom attributes the credential may read. @default 25 */
  readonly customAttributeLimit?: number;
}

export interface PersonioSandbox {
  readonly app: Hono<PersonioEnv>;
  readonly company: SyntheticCompany;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly credentials: readonly PersonioApiCredential[];
  /** A live token of either API version, as its token endpoint would issue it. */
  issueToken(version: TokenVersion, clientId?: string): string;
  /** Ends every issued token. */
  revokeTokens(): void;
  resetRateLimits(): void;
  listen(options?: ListenOptions): Promise<RunningServer>;
}

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createPersonioSandbox(options: PersonioSandboxOptions = {}): PersonioSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? {};
  const company = isSynthetic(source) ? source : createCompany(source);
  const view = createProjection(company, options.customAttributeLimit ?? 25);
  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const credentials = [...(options.credentials ?? [DEFAULT_PERSONIO_CREDENTIAL])];
  const tokens = createTokenStore(clock, credentials);
  const limiter =
    options.rateLimits === false
      ? null
      : createRateLimiter(clock, options.rateLimits ?? PERSONIO_RATE_LIMITS);

  const app = new Hono<PersonioEnv>();
  app.use('*', observe(log, company.domain));
  app.use(
    '*',
    faultMiddleware<PersonioEnv>({
      injector: faults,
      clock,
      describe: (c) => ({
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        company: company.domain,
      }),
      throttle: personioThrottle,
    }),
  );
  app.use('/v1/company/*', bearer(tokens, 'v1'));
  app.use('/v2/persons', bearer(tokens, 'v2'));
  app.use('/v2/persons/*', bearer(tokens, 'v2'));
  registerAuthRoutes(app, tokens, limiter);
  registerEmployeeRoutes(app, { view, limiter, defaultLimit: 50, maxLimit: 100 });
  registerAbsenceRoutes(app, { view });
  registerPersonRoutes(app, { view, defaultLimit: 10, maxLimit: 50 });
  app.notFound((c) => v1Error(c, 404, 'Not found'));
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return v1Error(c, 500, 'Internal error');
  });

  return {
    app,
    company,
    faults,
    log,
    credentials,
    issueToken: (version, clientId = credentials[0]!.clientId) =>
      tokens.issue(version, clientId).token,
    revokeTokens: () => tokens.revokeAll(),
    resetRateLimits: () => limiter?.reset(),
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
}
