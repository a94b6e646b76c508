/** The options and the surface of `createBambooHrSandbox()`. */
import type { Hono } from 'hono';
import type { FaultInjector, FaultOptions } from '../common/faults.js';
import type { RequestLog, RequestLogOptions } from '../common/request-log.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { CoreEnv } from './core-env.js';
import type { LockoutPolicy } from './credentials.js';
import type { Clock, SandboxCompany, SpecSwitches } from './env.js';
import type { OAuthClient, OAuthOptions } from './oauth-store.js';
import type { ListenOptions, RunningSandbox } from './server.js';

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

/** Scopes of `issueAccessToken()` tokens: every read area the sandbox serves. */
export const DEFAULT_SCOPES = [
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
