/** The Microsoft Entra ID sandbox's public surface. */

export type { Fault, FaultInjector, FaultOptions } from '../common/faults.js';
export type { LogEntry, RequestLog } from '../common/request-log.js';
export { createEntraSandbox, type EntraSandbox, type EntraSandboxOptions } from './app.js';
export type { EntraApp } from './app-registration.js';
export { type Directory, displayNameOf } from './directory.js';
export {
  appIdOf,
  entraGroupId,
  entraUserId,
  personIdFromEntraUserId,
  tenantIdOf,
} from './ids.js';
export { MAX_BATCH_REQUESTS } from './routes/batch.js';
export { GRAPH_DEFAULT_SCOPE } from './routes/token.js';
