/** The options and the public surface of `createHibobSandbox()`. */
import type { Hono } from 'hono';
import type { Clock } from '../common/clock.js';
import type { FaultInjector, FaultOptions } from '../common/faults.js';
import type { ListenOptions, RunningServer } from '../common/listen.js';
import type { RequestLog, RequestLogOptions } from '../common/request-log.js';
import type { CompanyOptions, SyntheticCompany } from '../company/types.js';
import type { HibobEnv } from './env.js';
import type { ServiceUser } from './middleware.js';
import type { RateLimitOptions } from './rate-limit.js';

export type { ServiceUser } from './middleware.js';

/** The service user every sandbox accepts unless told otherwise (sandbox-only credentials). */
export const DEFAULT_HIBOB_SERVICE_USER: ServiceUser = {
  id: 'SERVICE-HRGRAPH',
  token: 'hrgraph-hibob-sandbox-token',
};

export interface HibobSandboxOptions {
  /** The company to serve, or options to generate one. @default {} */
  company?: SyntheticCompany | CompanyOptions;
  /** Custom fields Bob keeps (the first N of the company's). @default 25 */
  customFieldLimit?: number;
  /** Service users whose id and token are accepted. @default [DEFAULT_HIBOB_SERVICE_USER] */
  serviceUsers?: readonly ServiceUser[];
  /** Per-endpoint limits a minute; false turns them off. @default { search: 50, other: 100 } */
  rateLimit?: RateLimitOptions | false;
  /** When the WAF blocks a service user id after failed attempts. @default { blockAfter: 5, blockMs: 900_000 } */
  waf?: { blockAfter?: number; blockMs?: number };
  clock?: Clock;
  faults?: FaultOptions;
  log?: RequestLogOptions;
}

export interface HibobSandbox {
  readonly app: Hono<HibobEnv>;
  readonly company: SyntheticCompany;
  /** The company id Bob shows (a number, as a string). */
  readonly companyId: string;
  readonly serviceUsers: readonly ServiceUser[];
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly clock: Clock;
  resetRateLimits(): void;
  /** Lifts the WAF's blocks. */
  resetBlocks(): void;
  listen(options?: ListenOptions): Promise<RunningServer>;
}
