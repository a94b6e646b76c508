/**
 * How Entra ID's failures read, for the account layer. Its token endpoint answers a refused app
 * with OAuth JSON whose `error` is `invalid_client` (a wrong secret, AADSTS7000215; a bad
 * assertion or unknown certificate, AADSTS700027), `unauthorized_client` (an unknown app,
 * AADSTS700016; a disabled one, AADSTS7000112) or `invalid_request` (no such tenant,
 * AADSTS90002): asking again with the same credentials gets the same answer. The AADSTS code
 * names the refusal.
 */
import { type FailureWording, standardFailures } from '../failures.js';

export const entraFailures: FailureWording = {
  ...standardFailures,
  refusedAssertion:
    /"error"\s*:\s*"(?:invalid_client|unauthorized_client|invalid_request|invalid_grant)"[\s\S]*?(AADSTS\d+)/,
};
