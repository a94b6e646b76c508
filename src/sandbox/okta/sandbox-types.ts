/** The options and the surface of `createOktaSandbox()`. */

import type { Hono } from 'hono';
import type { Clock } from '../common/clock.js';
import type { FaultInjector, FaultOptions } from '../common/faults.js';
import type { ListenOptions, RunningServer } from '../common/listen.js';
import type { RequestLog, RequestLogOptions } from '../common/request-log.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { Directory } from './directory.js';
import type { OktaEnv } from './env.js';
import type { LimitRule } from './paging.js';
import type { RateFamily } from './rate-limit.js';

/**
 * Page sizes. Okta's spec gives listUsers a default of 200 and no maximum; the sandbox caps it at
 * 200, the figure Okta's pagination guide has long given for users (a larger limit is lowered,
 * not refused). listGroups: spec maximum 10000; listGroupUsers: spec default 1000.
 */
export const DEFAULT_PAGE_LIMITS = {
  users: { default: 200, max: 200 },
  /** listUsers `q`: "Defaults to 10 if `q` is provided". */
  query: { default: 10, max: 200 },
  groups: { default: 10_000, max: 10_000 },
  /** listGroups `q`: "The default limit for a query is 300 results". */
  groupQuery: { default: 300, max: 10_000 },
  members: { default: 1000, max: 10_000 },
} as const satisfies Record<string, LimitRule>;

export type PageLimits = { -readonly [K in keyof typeof DEFAULT_PAGE_LIMITS]: LimitRule };

/** Scopes the service app may ask for (the read scopes of the operations served). */
export const DEFAULT_GRANTED_SCOPES = [
  'okta.users.read',
  'okta.groups.read',
  'okta.schemas.read',
  'okta.orgs.read',
] as const;

export interface OktaSandboxOptions {
  /** A ready company (share one across sandboxes) or options for one. @default createCompany({ seed: 42, size: 200 }) */
  company?: SyntheticCompany | CompanyOptions;
  /** Token expiry, assertion checks and rate windows. @default systemClock */
  clock?: Clock;
  /** @default no faults */
  faults?: FaultOptions;
  /** @default keep the last 100,000 requests */
  log?: RequestLogOptions;
  /** Requests per minute per endpoint family. @default DEFAULT_RATE_LIMITS (users 600/min, …) */
  rateLimits?: Partial<Record<RateFamily, number>>;
  /** @default DEFAULT_PAGE_LIMITS */
  pageLimits?: Partial<PageLimits>;
  /** How many of the company's custom fields become profile attributes. @default 25 */
  customAttributeCount?: number;
  /** Access token lifetime in seconds (Okta's org server: fixed at one hour). @default 3600 */
  accessTokenLifetime?: number;
  /** Scopes the service app is granted. @default DEFAULT_GRANTED_SCOPES */
  grantedScopes?: readonly string[];
}

/** The API Services app registered in the sandbox org, with its private key for signing. */
export interface ServiceApp {
  readonly clientId: string;
  /** PKCS#8 PEM of the RSA key whose public half the org holds. */
  readonly privateKeyPem: string;
  /** The `kid` of the key; assertions may name it in their header. */
  readonly keyId: string;
}

export type { ListenOptions };

/** `url` is the org URL (Okta's `https://{yourOktaDomain}`). */
export type RunningSandbox = RunningServer;

export interface OktaSandbox {
  /** `app.fetch(new Request('http://acme.okta.test/api/v1/users', …))` works in-process. */
  readonly app: Hono<OktaEnv>;
  readonly company: SyntheticCompany;
  readonly directory: Directory;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly clock: Clock;
  /** The org's SSWS API token (send `Authorization: SSWS <token>`). */
  apiToken(): string;
  serviceApp(): ServiceApp;
  /** Skips the assertion: an access token as `/oauth2/v1/token` would issue it. @default all granted scopes */
  issueAccessToken(scopes?: readonly string[]): { accessToken: string; expiresIn: number };
  /** Forgets the rate-limit windows. */
  resetRateLimits(): void;
  listen(options?: ListenOptions): Promise<RunningSandbox>;
}
