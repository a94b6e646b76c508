/**
 * How Personio's failures read. A refused API credential is `invalid_client` from the v2 token
 * endpoint (RFC 6749 §5.2) and "Wrong credentials" in v1's `{success: false, error: {message}}`
 * from `/v1/auth` (the sandbox's wording: Personio publishes none); either locks the account out
 * after one token request, like a refused service-account key.
 */
import { type FailureWording, standardFailures } from '../failures.js';

export const personioFailures: FailureWording = {
  ...standardFailures,
  refusedAssertion:
    /(?:"error"|"message")\s*:\s*"(invalid_client|invalid_grant|unauthorized_client|Wrong credentials)"/,
};
