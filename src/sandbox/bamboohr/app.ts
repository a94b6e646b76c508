/**
 * `createBambooHrSandbox()`: the BambooHR emulator as a Hono app, with its companies, request
 * log, fault injector, clock and credentials. Serve it with `listen()` or call `app.fetch`
 * in-process.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { createCompany } from '../company/index.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import { authMiddleware } from './auth.js';
import { systemClock } from './clock.js';
import { createCompanyCache } from './company-cache.js';
import type { CoreEnv } from './core-env.js';
import {
  createApiKeyStore,
  createLockout,
  DEFAULT_LOCKOUT,
  type LockoutPolicy,
} from './credentials.js';
import type { Clock, SandboxCompany, SandboxEnv, SpecSwitches } from './env.js';
import { ConnectionResetError, faultMiddleware } from './fault-middleware.js';
import { createFaultInjector, type FaultInjector, type FaultOptions } from './faults.js';
import { createFieldCatalog } from './fields.js';
import { createRequestLog, type RequestLog, type RequestLogOptions } from './log.js';
import { type CompanyRuntime, observe, resolveCompany } from './middleware.js';
import { registerOAuthRoutes } from './oauth.js';
import { createOAuthStore, type OAuthClient, type OAuthOptions } from './oauth-store.js';
import { legacyError } from './respond.js';
import { registerRoutes } from './routes/index.js';
import { type ListenOptions, listen, type RunningSandbox } from './server.js';
import { createWebhookStore } from './webhook-store.js';

export const DEFAULT_SWITCHES: SpecSwitches = {
  employeesListAcceptsApiKey: false,
  employeesListDefaultLimit: 250,
  employeesListMaxLimit: 2500,
};

export interface BambooHrSandboxOptions {
  /**
   * Companies to serve: ready synthetic companies, or options for `createCompany` (their
   * `domain` is the company domain in URLs). @default [{}] (one company, 'acme')
   */
  companies?: ReadonlyArray<SyntheticCompany | CompanyOptions>;
  /** Time for token expiry, codes, lockouts and the request budget. @default system clock */
  clock?: Clock;
  /** Readings of the spec where it is unsure. @default DEFAULT_SWITCHES */
  switches?: Partial<SpecSwitches>;
  /** Failed-key lockout (a sandbox choice, see credentials.ts); false turns it off. @default 5 in 60 s → 15 min */
  lockout?: Partial<LockoutPolicy> | false;
  /** Token lifetimes and refresh-token rotation. @default 3600 s access, 600 s codes, rotation on */
  oauth?: OAuthOptions;
  /**
   * OAuth clients registered at start. @default one client: `hrgraph-sandbox` /
   * `hrgraph-sandbox-secret`, redirect URI `http://localhost:4000/oauth/callback`
   */
  oauthClients?: readonly OAuthClient[];
  /** Initial fault configuration (seed, rates, latency, budget). @default no faults */
  faults?: FaultOptions;
  /** @default keep the last 100,000 requests */
  log?: RequestLogOptions;
  /** Salt of the deterministic API keys; change it to get different keys. @default 'sandbox' */
  keySecret?: string;
}

export const DEFAULT_OAUTH_CLIENT: OAuthClient = {
  clientId: 'hrgraph-sandbox',
  clientSecret: 'hrgraph-sandbox-secret',
  redirectUris: ['http://localhost:4000/oauth/callback'],
};

export interface IssueTokenOptions {
  /** @default 1 */
  employeeId?: number;
  /** @default ['openid', 'offline_access', 'employee', 'employee_directory', 'field', 'report', 'time_off', 'company:info', 'webhooks'] */
  scopes?: readonly string[];
  /** @default the first registered client */
  clientId?: string;
}

export interface BambooHrSandbox {
  /** The Hono app; `app.fetch(new Request('http://acme.bamboohr.test/api/v1/…'))` works in-process. */
  readonly app: Hono<CoreEnv>;
  /** Companies by domain, as the routes see them. */
  readonly companies: ReadonlyMap<string, SandboxCompany>;
  /** The first company (the default one). */
  readonly company: SandboxCompany;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly clock: Clock;
  readonly switches: SpecSwitches;
  /** The API key of an employee (default 1, the admin) of a company (default the first). */
  apiKeyFor(domain?: string, employeeId?: number): string;
  /** `Authorization` header value for an API key: `Basic base64(key:x)`. */
  basicAuthFor(domain?: string, employeeId?: number): string;
  registerOAuthClient(client: OAuthClient): OAuthClient;
  readonly oauthClients: readonly OAuthClient[];
  /** Skips the browser flow: a token set as /token.php would give. */
  issueAccessToken(
    domain?: string,
    options?: IssueTokenOptions,
  ): { accessToken: string; refreshToken: string | null };
  /** Forgets failed attempts and lockouts. */
  resetLockouts(): void;
  listen(options?: ListenOptions): Promise<RunningSandbox>;
}

const DEFAULT_SCOPES = [
  'openid',
  'offline_access',
  'employee',
  'employee_directory',
  'field',
  'report',
  'time_off',
  'company:info',
  'webhooks',
];

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
  app.use('*', faultMiddleware(faults, clock));
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
