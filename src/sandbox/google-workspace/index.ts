/** The Google Workspace (Admin SDK Directory API) sandbox's public surface. */

export { createManualClock, type ManualClock, systemClock } from '../common/clock.js';
export { createGoogleWorkspaceSandbox } from './app.js';
export {
  CUSTOM_FIELD_LIMIT,
  CUSTOM_FIELDS,
  EMPLOYEE_DATA,
} from './custom-schemas.js';
export { customerIdFor, googleUserId, personIdFromGoogleUserId } from './ids.js';
export { slugOf } from './org-structure.js';
export { PAGE_TOKEN_TTL_MS } from './page-token.js';
export type {
  GoogleWorkspaceSandbox,
  GoogleWorkspaceSandboxOptions,
  IssuedAccessToken,
  ListenOptions,
  RunningGoogleWorkspaceSandbox,
} from './sandbox-types.js';
export { DELEGATED_SCOPES, METHOD_SCOPES, SCOPES } from './scopes.js';
export type { ServiceAccountKeyFile } from './service-account.js';
export { JWT_BEARER } from './token-endpoint.js';
export { TOKEN_LIFETIME_S } from './token-store.js';
