/**
 * Provider emulators fed by one synthetic company. Production code never imports this; the
 * demo start-up, the tests and the benchmarks do.
 */
export * from './bamboohr/index.js';
export { createCompany } from './company/index.js';
export {
  createGoogleWorkspaceSandbox,
  type GoogleWorkspaceSandbox,
  type GoogleWorkspaceSandboxOptions,
  googleUserId,
  personIdFromGoogleUserId,
} from './google-workspace/index.js';
export * from './gusto/index.js';
export {
  createOktaSandbox,
  type OktaSandbox,
  type OktaSandboxOptions,
  oktaGroupId,
  oktaUserId,
  personIdFromOktaUserId,
} from './okta/index.js';
