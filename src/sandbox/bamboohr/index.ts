/** The BambooHR sandbox's public surface. */

export { createManualClock, type ManualClock, systemClock } from '../common/clock.js';
export { ConnectionResetError } from '../common/fault-middleware.js';
export type {
  Fault,
  FaultInjector,
  FaultKind,
  FaultMatch,
  FaultOptions,
  FaultRate,
  RetryAfter,
} from '../common/faults.js';
export type { AuthKind, LogEntry, LogFilter, RequestLog } from '../common/request-log.js';
export {
  type BambooHrSandbox,
  type BambooHrSandboxOptions,
  createBambooHrSandbox,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_SWITCHES,
  type IssueTokenOptions,
} from './app.js';
export { DEFAULT_LOCKOUT, type LockoutPolicy } from './credentials.js';
export type { Clock, Principal, SandboxCompany, SandboxEnv, SpecSwitches } from './env.js';
export {
  createFieldCatalog,
  type FieldCatalog,
  type FieldDef,
  fieldValue,
  STANDARD_FIELDS,
} from './fields.js';
export type { OAuthClient, OAuthOptions } from './oauth-store.js';
export type { ListenOptions, RunningSandbox } from './server.js';
