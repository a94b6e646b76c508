/** The Personio sandbox's public surface. */
export { createPersonioSandbox, type PersonioSandbox, type PersonioSandboxOptions } from './app.js';
export { dynamicKey, employmentId } from './project.js';
export { PERSONIO_RATE_LIMITS, type RateLimits } from './rate-limit.js';
export {
  DEFAULT_PERSONIO_CREDENTIAL,
  type PersonioApiCredential,
  type TokenVersion,
} from './tokens.js';
