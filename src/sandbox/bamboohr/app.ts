/**
 * `createBambooHrSandbox()`: the BambooHR emulator as a Hono app, with its companies, request
 * log, fault injector, clock and credentials. Serve it with `listen()` or call `app.fetch`
 * in-process.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { systemClock } from '../common/clock.js';
import { ConnectionResetError, faultMiddleware } from '../common/fault-middleware.js';
import { createFaultInjector } from '../common/faults.js';
import { createRequestLog } from '../common/request-log.js';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import { authMiddleware } from './auth.js';
import { createCompanyCache } from './company-cache.js';
import type { CoreEnv } from './core-env.js';
import { createApiKeyStore, createLockout, DEFAULT_LOCKOUT } from './credentials.js';
import type { SandboxCompany, SandboxEnv, SpecSwitches } from './env.js';
import { createFieldCatalog } from './fields.js';
import { type CompanyRuntime, observe, resolveCompany } from './middleware.js';
import { registerOAuthRoutes } from './oauth.js';
import { createOAuthStore, type OAuthClient } from './oauth-store.js';
import { legacyError } from './respond.js';
import { registerRoutes } from './routes/index.js';
import {
  type BambooHrSandbox,
  type BambooHrSandboxOptions,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_SCOPES,
  DEFAULT_SWITCHES,
} from './sandbox-types.js';
import { listen } from './server.js';
import { bambooHrThrottle } from './throttle.js';
import { createWebhookStore } from './webhook-store.js';

export {
  type BambooHrSandbox,
  type BambooHrSandboxOptions,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_SWITCHES,
  type IssueTokenOptions,
} from './sandbox-types.js';

function isSynthetic(source: SyntheticCompany | CompanyOptions): source is SyntheticCompany {
  return 'people' in source && Array.isArray((source as SyntheticCompany).people);
}

export function createBambooHrSandbox(options: BambooHrSandboxOptions = {}): BambooHrSandbox {
  const clock = options.clock ?? systemClock;
  const switches: SpecSwitches = { ...DEFAULT_SWITCHES, ...options.switches };
  const runtimes = new Map<string, CompanyRuntime>();
  for (const source of options.companies ?? [{}]) {
    const data = isSynthetic(source) ? source : createCompany(source);
    const company: SandboxCompany = { domain: data.domain, data, webhooks: createWebhookStore() };
    runtimes.set(data.domain, {
      company,
      fields: createFieldCatalog(data),
      cache: createCompanyCache(),
    });
  }
  const first = runtimes.values().next().value;
  if (!first) throw new Error('createBambooHrSandbox: at least one company is needed');

  const log = createRequestLog(options.log);
  const faults = createFaultInjector(clock, options.faults);
  const keys = createApiKeyStore(options.keySecret ?? 'sandbox');
  const lockout = createLockout(
    options.lockout === false ? null : { ...DEFAULT_LOCKOUT, ...options.lockout },
    clock,
  );
  const oauth = createOAuthStore(clock, options.oauth);
  const clients: OAuthClient[] = [];
  function registerOAuthClient(client: OAuthClient): OAuthClient {
    clients.push(client);
    return oauth.registerClient(client);
  }
  for (const client of options.oauthClients ?? [DEFAULT_OAUTH_CLIENT]) registerOAuthClient(client);

  const app = new Hono<CoreEnv>();
  app.use('*', observe(log));
  app.use('*', resolveCompany({ companies: runtimes, switches, clock }));
  app.use(
    '*',
    faultMiddleware<CoreEnv>({
      injector: faults,
      clock,
      describe(c) {
        const info = c.get('requestInfo');
        return { method: c.req.method, path: info.path, company: info.domain };
      },
      throttle: bambooHrThrottle,
    }),
  );
  app.use('/api/*', authMiddleware({ keys, oauth, lockout, switches }));
  registerOAuthRoutes(app, oauth);
  const api = new Hono<SandboxEnv>();
  registerRoutes(api);
  // Hono merges the sub-app's routes under each prefix; the core's middleware above runs first.
  const routed = api as unknown as Hono<CoreEnv>;
  app.route('/api/gateway.php/:companyDomain', routed);
  app.route('/api', routed);
  app.notFound((c) => legacyError(c, 404, 'Not found'));
  app.onError(function answerError(error, c) {
    // A reset fault must surface as a failed fetch, not as a 500.
    if (error instanceof ConnectionResetError) throw error;
    return legacyError(c, 500, 'Internal error');
  });

  const companies = new Map([...runtimes].map(([domain, runtime]) => [domain, runtime.company]));
  function domainOf(domain?: string): string {
    const name = domain ?? first!.company.domain;
    if (!runtimes.has(name)) throw new Error(`No sandbox company '${name}'`);
    return name;
  }
  function apiKeyFor(domain?: string, employeeId = 1): string {
    return keys.issue(domainOf(domain), employeeId);
  }

  const sandbox: BambooHrSandbox = {
    app,
    companies,
    company: first.company,
    log,
    faults,
    clock,
    switches,
    apiKeyFor,
    basicAuthFor: (domain, employeeId) =>
      `Basic ${Buffer.from(`${apiKeyFor(domain, employeeId)}:x`).toString('base64')}`,
    registerOAuthClient,
    oauthClients: clients,
    issueAccessToken(domain, issue = {}) {
      const client = issue.clientId ?? clients[0]?.clientId ?? randomBytes(8).toString('hex');
      const tokens = oauth.issueTokens({
        domain: domainOf(domain),
        clientId: client,
        employeeId: issue.employeeId ?? 1,
        scopes: [...(issue.scopes ?? DEFAULT_SCOPES)],
      });
      return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    },
    resetLockouts: () => lockout.reset(),
    listen: (listenOptions) => listen(sandbox, listenOptions),
  };
  return sandbox;
}
