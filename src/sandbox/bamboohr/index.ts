/** The BambooHR sandbox's public surface. */
export {
  type BambooHrSandbox,
  type BambooHrSandboxOptions,
  createBambooHrSandbox,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_SWITCHES,
  type IssueTokenOptions,
} from './app.js';
export { createManualClock, type ManualClock, systemClock } from './clock.js';
export { DEFAULT_LOCKOUT, type LockoutPolicy } from './credentials.js';
export type { Clock, Principal, SandboxCompany, SandboxEnv, SpecSwitches } from './env.js';
export { ConnectionResetError } from './fault-middleware.js';
export type {
  Fault,
  FaultInjector,
  FaultKind,
  FaultMatch,
  FaultOptions,
  FaultRate,
  RetryAfter,
} from './faults.js';
export {
  createFieldCatalog,
  type FieldCatalog,
  type FieldDef,
  fieldValue,
  STANDARD_FIELDS,
} from './fields.js';
export type { AuthKind, LogEntry, LogFilter, RequestLog } from './log.js';
export type { OAuthClient, OAuthOptions } from './oauth-store.js';
export type { ListenOptions, RunningSandbox } from './server.js';
