/** The options and the public surface of `createGustoSandbox()`. */

import type { Hono } from 'hono';
import type { Clock } from '../common/clock.js';
import type { FaultInjector, FaultOptions } from '../common/faults.js';
import type { ListenOptions, RunningServer } from '../common/listen.js';
import type { RequestLog, RequestLogOptions } from '../common/request-log.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { GustoEnv } from './env.js';
import type { PagingHeader } from './list-query.js';

/** Every read scope the served endpoints name in the spec (`scope: …` in each description). */
export const GUSTO_READ_SCOPES = [
  'companies:read',
  'company_admin:read',
  'compensations:read',
  'departments:read',
  'employee_time_off_activities:read',
  'employees:read',
  'employments:read',
  'jobs:read',
  'time_off_policies:read',
] as const;

export interface GustoOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs registered in the developer portal. */
  readonly redirectUris: readonly string[];
  /** Gusto sets an application's scopes in its portal, not in the authorize URL. @default GUSTO_READ_SCOPES */
  readonly scopes?: readonly string[];
}

export const DEFAULT_GUSTO_OAUTH_CLIENT: GustoOAuthClient = {
  clientId: 'hrgraph-gusto-sandbox',
  clientSecret: 'hrgraph-gusto-sandbox-secret',
  redirectUris: ['http://localhost:4000/oauth/callback'],
};

/**
 * When a refresh retires the previous grant (its refresh token and its access token, which
 * Gusto's OAuth server, Doorkeeper, keeps in one record):
 * - `on-refresh`: at once, so a spent refresh token is refused at its second use (the strict
 *   reading "refresh tokens are single-use" that a client must cope with);
 * - `on-first-use`: when the new access token is first used, as docs.gusto.com's "Refresh access
 *   token" page says ("the previous refresh_token will be revoked on the first usage of the new
 *   access_token").
 */
export type RefreshRevocation = 'on-refresh' | 'on-first-use';

export interface GustoOAuthOptions {
  /** @default 7200 (docs: tokens expire 2 hours after they are issued) */
  accessTokenTtlSeconds?: number;
  /** @default 600 */
  codeTtlSeconds?: number;
  /** @default 'on-refresh' */
  refreshRevocation?: RefreshRevocation;
}

export interface GustoRateLimitOptions {
  /** Requests per window per application–user pair (client + company). @default 200 */
  limit?: number;
  /** @default 60 (a rolling window) */
  windowSeconds?: number;
}

export interface GustoSandboxOptions {
  /** @default createCompany({ seed: 42, size: 200 }) */
  company?: SyntheticCompany | CompanyOptions;
  /** Token expiry, codes and the rate window read it. @default systemClock */
  clock?: Clock;
  /** @default no faults */
  faults?: FaultOptions;
  /** @default keep the last 100,000 requests */
  log?: RequestLogOptions;
  /** @default DEFAULT_GUSTO_OAUTH_CLIENT only */
  oauthClients?: readonly GustoOAuthClient[];
  oauth?: GustoOAuthOptions;
  /** false turns the limit off. @default 200 per rolling 60 s */
  rateLimit?: GustoRateLimitOptions | false;
  /** Largest `per` accepted; above it → 422 (a sandbox choice: the docs name no maximum). @default 100 */
  maxPerPage?: number;
  /** `per` when only `page` is sent (docs and spec: 25). @default 25 */
  defaultPerPage?: number;
  /** How many of the company's custom fields Gusto carries (a deterministic prefix). @default 25 */
  customFieldLimit?: number;
  /**
   * The paging headers a paged reply carries. Gusto's docs name all four; the official spec
   * declares no response headers, so a reply without them is one the spec allows: `[]` serves
   * pages as the spec alone promises them. @default all four
   */
  pagingHeaders?: readonly PagingHeader[];
}

export interface IssueTokensOptions {
  /** @default the client's scopes (all of GUSTO_READ_SCOPES) */
  scopes?: readonly string[];
  /** @default the first registered client */
  clientId?: string;
}

export interface AuthorizeOptions {
  /** @default the first registered client */
  clientId?: string;
  /** @default the client's first redirect URI */
  redirectUri?: string;
  state?: string;
}

export interface GustoTokens {
  accessToken: string;
  refreshToken: string;
}

export type GustoListenOptions = ListenOptions;

/** `url` is the API base URL (paths start with /v1/ and /oauth/). */
export type RunningGustoSandbox = RunningServer;

export interface GustoSandbox {
  /** `app.fetch(new Request('http://api.gusto.test/v1/…'))` works in-process. */
  readonly app: Hono<GustoEnv>;
  readonly company: SyntheticCompany;
  /** The one company this sandbox serves. */
  readonly companyUuid: string;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly clock: Clock;
  readonly oauthClients: readonly GustoOAuthClient[];
  /** Runs `/oauth/authorize` as the primary admin would: an authorization code. */
  authorize(options?: AuthorizeOptions): string;
  /** Skips the browser: a token pair as `/oauth/token` would give. */
  issueTokens(
    scopes?: readonly string[],
    options?: Omit<IssueTokensOptions, 'scopes'>,
  ): GustoTokens;
  /** Forgets every rate window. */
  resetRateLimits(): void;
  listen(options?: GustoListenOptions): Promise<RunningGustoSandbox>;
}
