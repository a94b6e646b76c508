/** The HiBob sandbox's public surface. */
export { createHibobSandbox } from './app.js';
export { hibobCompanyId, hibobEmployeeId, personIdFromHibobId } from './ids.js';
export { BULK_MAX_LIMIT } from './routes/tables.js';
export {
  DEFAULT_HIBOB_SERVICE_USER,
  type HibobSandbox,
  type HibobSandboxOptions,
  type ServiceUser,
} from './sandbox-types.js';
