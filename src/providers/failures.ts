/**
 * How a provider's failures read, for the account layer: where it puts its own words about an
 * error, and which words mean the credentials are locked out or a signed key refused. Each
 * provider's definition states its own; most share the standard wording.
 */
import type { UpstreamHeaders } from '../http/index.js';

export interface FailureWording {
  /** The provider's own words about a failed call (a header, the body), for the tests below. */
  errorText(response: { readonly headers: UpstreamHeaders; readonly text: string }): string;
  /** Words of a 403 that mean the credentials are locked out after failed attempts. */
  readonly lockout: RegExp;
  /**
   * A refused signed assertion (RFC 6749 §5.2: the key, its client or its delegation is wrong);
   * the first group names the error.
   */
  readonly refusedAssertion: RegExp;
}

export const standardFailures: FailureWording = {
  errorText: (response) => response.text.slice(0, 500),
  lockout: /too many|locked|attempts|try again later/i,
  refusedAssertion: /"error"\s*:\s*"(invalid_grant|invalid_client|unauthorized_client)"/,
};
