/** The Okta sandbox's public surface. */

export { createManualClock, type ManualClock, systemClock } from '../common/clock.js';
export type { Fault, FaultInjector, FaultOptions } from '../common/faults.js';
export type { LogEntry, RequestLog } from '../common/request-log.js';
export { createOktaSandbox } from './app.js';
export type { CustomAttribute, CustomAttributeType } from './custom-attributes.js';
export type { Directory, OktaUser } from './directory.js';
export type { GroupEntry, OktaGroup } from './groups.js';
export {
  type GroupKind,
  oktaGroupId,
  oktaUserId,
  parseOktaGroupId,
  personIdFromOktaUserId,
} from './ids.js';
export type { LimitRule } from './paging.js';
export { DEFAULT_RATE_LIMITS, type RateFamily } from './rate-limit.js';
export { OKTA_ERRORS, type OktaErrorBody } from './respond.js';
export {
  DEFAULT_GRANTED_SCOPES,
  DEFAULT_PAGE_LIMITS,
  type ListenOptions,
  type OktaSandbox,
  type OktaSandboxOptions,
  type PageLimits,
  type RunningSandbox,
  type ServiceApp,
} from './sandbox-types.js';
export { displayNameOf } from './user-profile.js';
export { type OktaUserStatus, oktaUserStatus } from './user-status.js';
