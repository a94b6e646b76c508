/**
 * `createGustoSandbox()`: the Gusto API emulator (spec v2025-06-15) for one synthetic company, as
 * a Hono app, with its OAuth server, rate limit, fault injector and request log.
 */
import { Hono } from 'hono';
import { systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector } from '../common/faults.js';
import { listenOn } from '../common/listen.js';
import { createRequestLog } from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { GustoEnv } from './env.js';
import { PAGING_HEADERS } from './list-query.js';
import { apiVersion, bearerAuth, gustoThrottle, observe } from './middleware.js';
import { grantFor, registerOAuthRoutes } from './oauth.js';
import { createGustoOAuthStore } from './oauth-store.js';
import { createGustoView } from './project/view.js';
import { createRateLimiter } from './rate-limit.js';
import { errors, notFound } from './respond.js';
import { registerCompanyRoutes } from './routes/company.js';
import type { RouteDeps } from './routes/deps.js';
import { registerEmployeeRoutes } from './routes/employees.js';
import { registerPeopleRoutes } from './routes/people.js';
import { registerTimeOffRoutes } from './routes/time-off.js';
import { registerTokenInfoRoute } from './routes/token-info.js';
import {
  DEFAULT_GUSTO_OAUTH_CLIENT,
  GUSTO_READ_SCOPES,
  type GustoSandbox,
  type GustoSandboxOptions,
} from './sandbox-types.js';

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createGustoSandbox(options: GustoSandboxOptions = {}): GustoSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? {};
  const company = isSynthetic(source) ? source : createCompany(source);
  const view = createGustoView(company, { customFieldLimit: options.customFieldLimit ?? 25 });
  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const clients = [...(options.oauthClients ?? [DEFAULT_GUSTO_OAUTH_CLIENT])];
  const oauth = createGustoOAuthStore(clock, clients, options.oauth);
  const limiter =
    options.rateLimit === false
      ? null
      : createRateLimiter(clock, {
          limit: options.rateLimit?.limit ?? 200,
          windowSeconds: options.rateLimit?.windowSeconds ?? 60,
        });
  const deps: RouteDeps = {
    view,
    paging: {
      defaultPer: options.defaultPerPage ?? 25,
      maxPer: options.maxPerPage ?? 100,
      headers: new Set(options.pagingHeaders ?? PAGING_HEADERS),
    },
  };

  const app = new Hono<GustoEnv>();
  app.use('*', observe(log));
  app.use(
    '*',
    faultMiddleware<GustoEnv>({
      injector: faults,
      clock,
      describe: (c) => ({
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        company: view.companyUuid,
      }),
      throttle: gustoThrottle,
    }),
  );
  app.use('/v1/*', apiVersion());
  app.use('/oauth/token', apiVersion());
  app.use('/v1/*', bearerAuth(oauth, limiter));
  registerOAuthRoutes(app, oauth, view);
  registerTokenInfoRoute(app);
  registerEmployeeRoutes(app, deps);
  registerCompanyRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerTimeOffRoutes(app, deps);
  app.notFound((c) => notFound(c));
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return errors(c, 500, [
      { error_key: 'base', category: 'internal_error', message: 'Internal error' },
    ]);
  });

  function client(clientId?: string) {
    const found =
      clientId === undefined ? clients[0] : clients.find((x) => x.clientId === clientId);
    if (!found) throw new Error(`No Gusto sandbox OAuth client '${clientId ?? ''}'`);
    return found;
  }

  const sandbox: GustoSandbox = {
    app,
    company,
    companyUuid: view.companyUuid,
    faults,
    log,
    clock,
    oauthClients: clients,
    authorize(authorizeOptions = {}) {
      const chosen = client(authorizeOptions.clientId);
      const redirectUri = authorizeOptions.redirectUri ?? chosen.redirectUris[0] ?? '';
      const grant = grantFor(view, chosen.clientId, chosen.scopes ?? GUSTO_READ_SCOPES);
      return oauth.issueCode(grant, redirectUri);
    },
    issueTokens(scopes, issueOptions = {}) {
      const chosen = client(issueOptions.clientId);
      const issued = oauth.issue(
        grantFor(view, chosen.clientId, scopes ?? chosen.scopes ?? GUSTO_READ_SCOPES),
      );
      return { accessToken: issued.accessToken, refreshToken: issued.refreshToken };
    },
    resetRateLimits: () => limiter?.reset(),
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
  return sandbox;
}
