/** The options and the surface of `createGoogleWorkspaceSandbox()`. */

import type { Clock } from '../common/clock.js';
import type { FaultInjector, FaultOptions } from '../common/faults.js';
import type { ListenOptions, RunningServer } from '../common/listen.js';
import type { RequestLog, RequestLogOptions } from '../common/request-log.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { ServiceAccountKeyFile } from './service-account.js';

export interface GoogleWorkspaceSandboxOptions {
  /** The tenant: a ready company (shared with other sandboxes) or options for `createCompany`. @default createCompany({ seed: 42, size: 200 }) */
  company?: SyntheticCompany | CompanyOptions;
  /** Token expiry, page-token expiry and quota minutes read it. @default systemClock */
  clock?: Clock;
  /** Initial fault configuration. @default no faults */
  faults?: FaultOptions;
  /** Queries per minute per user before 403 `userRateLimitExceeded`. @default 2400 */
  queriesPerMinutePerUser?: number;
  /** Scopes the tenant delegated to the service account. @default the read-only directory scopes */
  delegatedScopes?: readonly string[];
  /** @default keep the last 100,000 requests */
  log?: RequestLogOptions;
  /** @default 'hrgraph-sandbox' */
  projectId?: string;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export type { ListenOptions };

/** `url` is the API root (`/admin/directory/v1/…`) and the token URI root. */
export type RunningGoogleWorkspaceSandbox = RunningServer;

export interface GoogleWorkspaceSandbox {
  readonly app: { fetch(request: Request): Response | Promise<Response> };
  readonly company: SyntheticCompany;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly clock: Clock;
  /** The primary domain (`acme.example`). */
  readonly domain: string;
  /** The tenant's customer id (`C0…`); `my_customer` works too. */
  readonly customerId: string;
  /** Person 1's email: the super admin the service account impersonates. */
  readonly adminEmail: string;
  /** The service account's email (the JWT `iss`). */
  readonly serviceAccountEmail: string;
  /** A Google key file whose `token_uri` is `${baseUrl}/token`. */
  serviceAccountKey(baseUrl: string): ServiceAccountKeyFile;
  /**
   * Skips the JWT grant: a token as `/token` would give for `subject` (default the admin, by
   * email) with these scopes (default every delegated scope).
   */
  issueAccessToken(scopes?: readonly string[], subject?: string | null): IssuedAccessToken;
  listen(options?: ListenOptions): Promise<RunningGoogleWorkspaceSandbox>;
}
