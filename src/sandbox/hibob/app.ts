/**
 * `createHibobSandbox()`: the HiBob (Bob) API emulator for one synthetic company, as a Hono app
 * under `/v1`: people search, employee tables (per person and bulk with cursors), field metadata
 * and named lists, who's out; HTTP Basic auth with service users, the WAF's block after repeated
 * failures, per-endpoint rate limits, faults and a request log.
 */
import { Hono } from 'hono';
import { systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector } from '../common/faults.js';
import { listenOn } from '../common/listen.js';
import { createRequestLog } from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { HibobEnv } from './env.js';
import { hibobCompanyId } from './ids.js';
import { basicAuth, hibobThrottle, observe } from './middleware.js';
import { createRateLimiter } from './rate-limit.js';
import { bobError, notFound } from './respond.js';
import { registerMetadataRoutes } from './routes/metadata.js';
import { registerSearchRoute } from './routes/search.js';
import { registerTableRoutes } from './routes/tables.js';
import { registerTimeOffRoutes } from './routes/time-off.js';
import {
  DEFAULT_HIBOB_SERVICE_USER,
  type HibobSandbox,
  type HibobSandboxOptions,
} from './sandbox-types.js';
import { createHibobView } from './view.js';

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createHibobSandbox(options: HibobSandboxOptions = {}): HibobSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? {};
  const company = isSynthetic(source) ? source : createCompany(source);
  const view = createHibobView(company, options.customFieldLimit ?? 25);
  const companyId = String(hibobCompanyId(company.seed));
  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const users = [...(options.serviceUsers ?? [DEFAULT_HIBOB_SERVICE_USER])];
  const limiter =
    options.rateLimit === false ? null : createRateLimiter(clock, options.rateLimit ?? {});
  const auth = basicAuth({ users, clock, limiter, ...options.waf });

  const app = new Hono<HibobEnv>();
  app.use('*', observe(log, companyId));
  app.use(
    '*',
    faultMiddleware<HibobEnv>({
      injector: faults,
      clock,
      describe: (c) => ({
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        company: companyId,
      }),
      throttle: hibobThrottle,
    }),
  );
  app.use('/v1/*', auth.middleware);
  registerSearchRoute(app, view);
  registerTableRoutes(app, view);
  registerMetadataRoutes(app, view);
  registerTimeOffRoutes(app, view);
  app.notFound((c) => notFound(c));
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return bobError(c, 500, 'INTERNAL_ERROR', 'Internal error');
  });

  return {
    app,
    company,
    companyId,
    serviceUsers: users,
    faults,
    log,
    clock,
    resetRateLimits: () => limiter?.reset(),
    resetBlocks: () => auth.reset(),
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
}
