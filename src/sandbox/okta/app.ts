/**
 * `createOktaSandbox()`: one Okta org, projected from the synthetic company, as a Hono app with
 * its request log, fault injector, rate limits, SSWS token and API Services app.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Hono } from 'hono';
import { systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector } from '../common/faults.js';
import { listenOn } from '../common/listen.js';
import { createRequestLog } from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import { authMiddleware } from './auth.js';
import type { ServiceClient } from './client-assertion.js';
import { createDirectory } from './directory.js';
import type { OktaEnv } from './env.js';
import { orgObjectId } from './ids.js';
import { observe, rateLimit } from './middleware.js';
import { registerOAuthRoutes } from './oauth.js';
import { createRateLimiter } from './rate-limit.js';
import { oktaError } from './respond.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerMetaRoutes, registerWellKnown } from './routes/meta.js';
import { registerUserRoutes } from './routes/users.js';
import {
  DEFAULT_GRANTED_SCOPES,
  DEFAULT_PAGE_LIMITS,
  type OktaSandbox,
  type OktaSandboxOptions,
  type ServiceApp,
} from './sandbox-types.js';
import { oktaThrottle } from './throttle.js';
import { createTokenStore } from './token-store.js';

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

/** Okta API tokens are 42 characters starting with `00`; fixed per company so demos can print it. */
function apiTokenFor(company: SyntheticCompany): string {
  const digest = createHash('sha256').update(`okta-sandbox:${company.seed}:${company.domain}`);
  return `00${digest.digest('base64url').slice(0, 40)}`;
}

/**
 * The service app's key pair. jose only generates keys asynchronously and the factory is
 * synchronous, so node:crypto makes it; jose verifies with the same KeyObject. It is made on
 * first use: an RSA key costs a few hundred milliseconds, and most sandboxes never see a JWT.
 */
function createServiceApp(clientId: string, grantedScopes: readonly string[]) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha256').update(der).digest('base64url').slice(0, 43);
  const app: ServiceApp = {
    clientId,
    keyId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
  const client: ServiceClient = { clientId, keyId, publicKey, grantedScopes };
  return { app, client };
}

export function createOktaSandbox(options: OktaSandboxOptions = {}): OktaSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? {};
  const company = isSynthetic(source) ? source : createCompany(source);
  const directory = createDirectory(company, options.customAttributeCount ?? 25);
  const limits = { ...DEFAULT_PAGE_LIMITS, ...options.pageLimits };
  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const limiter = createRateLimiter(clock, options.rateLimits);
  const tokens = createTokenStore(clock, options.accessTokenLifetime ?? 3600);
  const grantedScopes = options.grantedScopes ?? DEFAULT_GRANTED_SCOPES;
  const clientId = orgObjectId('00o', `${company.domain}-service-app`).replace(/^00o/, '0oa');
  let service: ReturnType<typeof createServiceApp> | null = null;
  const serviceKeys = () => {
    service ??= createServiceApp(clientId, grantedScopes);
    return service;
  };
  const apiToken = apiTokenFor(company);

  const app = new Hono<OktaEnv>();
  app.use('*', observe(log, directory));
  app.use(
    '*',
    faultMiddleware<OktaEnv>({
      injector: faults,
      clock,
      describe: (c) => ({ method: c.req.method, path: c.req.path, company: company.domain }),
      throttle: oktaThrottle(limiter),
    }),
  );
  app.use('*', rateLimit(limiter, clock));
  registerOAuthRoutes(app, {
    client: (id) => (id === clientId ? serviceKeys().client : undefined),
    tokens,
    clock,
  });
  registerWellKnown(app);
  app.use('/api/*', authMiddleware({ apiToken, tokens }));
  registerUserRoutes(app, limits);
  registerGroupRoutes(app, limits);
  registerMetaRoutes(app);
  app.notFound((c) => oktaError(c, 404, 'notFound', `Resource not found: ${c.req.path}`));
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return oktaError(c, 500, 'unavailable');
  });

  const sandbox: OktaSandbox = {
    app,
    company,
    directory,
    faults,
    log,
    clock,
    apiToken: () => apiToken,
    serviceApp: () => serviceKeys().app,
    issueAccessToken: (scopes = grantedScopes) => tokens.issue(clientId, scopes),
    resetRateLimits: () => limiter.reset(),
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
  return sandbox;
}
