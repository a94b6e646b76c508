/**
 * `createGoogleWorkspaceSandbox()`: the Admin SDK Directory API emulator for one tenant, with
 * the service-account token endpoint at `/token`. Call `app.fetch` in-process or `listen()`.
 */
import { Hono } from 'hono';
import { systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector } from '../common/faults.js';
import { listenOn } from '../common/listen.js';
import { createRequestLog } from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import { bearerAuth } from './auth.js';
import { createDirectory } from './directory.js';
import type { GoogleEnv } from './env.js';
import { observe } from './observe.js';
import { createPageTokens } from './page-token.js';
import { createQuota } from './quota.js';
import { googleError } from './respond.js';
import { directoryRoutes } from './routes/index.js';
import type { GoogleWorkspaceSandbox, GoogleWorkspaceSandboxOptions } from './sandbox-types.js';
import { DELEGATED_SCOPES } from './scopes.js';
import { createServiceAccount } from './service-account.js';
import { googleThrottle } from './throttle.js';
import { tokenEndpoint } from './token-endpoint.js';
import { createTokenStore } from './token-store.js';

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createGoogleWorkspaceSandbox(
  options: GoogleWorkspaceSandboxOptions = {},
): GoogleWorkspaceSandbox {
  const clock = options.clock ?? systemClock;
  const source = options.company ?? { seed: 42, size: 200 };
  const company = isSynthetic(source) ? source : createCompany(source);
  const directory = createDirectory(company);
  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const account = createServiceAccount({ projectId: options.projectId });
  const tokens = createTokenStore(clock);
  const quota = createQuota(clock, options.queriesPerMinutePerUser ?? 2400);
  const delegatedScopes = new Set(options.delegatedScopes ?? DELEGATED_SCOPES);

  const app = new Hono<GoogleEnv>();
  app.use('*', observe(log, directory));
  app.use(
    '*',
    faultMiddleware<GoogleEnv>({
      injector: faults,
      clock,
      describe: (c) => ({ method: c.req.method, path: c.req.path, company: company.domain }),
      throttle: googleThrottle,
    }),
  );
  app.route('/', tokenEndpoint({ directory, account, tokens, clock, delegatedScopes }));
  app.use('/admin/*', bearerAuth(tokens, directory));
  app.route(
    '/',
    directoryRoutes({ directory, quota, pageTokens: createPageTokens(clock), maxPageSize: 500 }),
  );
  app.notFound((c) =>
    googleError(c, 404, { message: 'Not Found', domain: 'global', reason: 'notFound' }),
  );
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return googleError(c, 500, {
      message: 'Backend Error',
      domain: 'global',
      reason: 'backendError',
    });
  });

  const sandbox: GoogleWorkspaceSandbox = {
    app,
    company,
    faults,
    log,
    clock,
    domain: directory.domain,
    customerId: directory.customerId,
    adminEmail: directory.admin.workEmail,
    serviceAccountEmail: account.clientEmail,
    serviceAccountKey: (baseUrl) => account.keyFile(baseUrl),
    issueAccessToken(scopes = [...delegatedScopes], subject = directory.admin.workEmail) {
      const person = subject === null ? undefined : directory.personByKey(subject);
      if (subject !== null && !person) throw new Error('issueAccessToken: unknown subject');
      const issued = tokens.issue({
        personId: person?.id ?? null,
        clientEmail: account.clientEmail,
        scopes: new Set(scopes),
      });
      return { accessToken: issued.accessToken, expiresIn: issued.expiresIn };
    },
    listen: (listenOptions) => listenOn(app.fetch, listenOptions),
  };
  return sandbox;
}
