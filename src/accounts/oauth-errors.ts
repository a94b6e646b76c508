/**
 * What a token endpoint's refusal means, and the errors a query sees for an account whose
 * authorisation is gone. Messages name the account, never a token.
 */
import { ErrorCode, hrError } from '../errors.js';

/** RFC 6749 §5.2 error codes a token endpoint answers with. */
export class OAuthGrantError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`the token endpoint refused the grant: ${code} (${status})`);
    this.name = 'OAuthGrantError';
  }
}

export function needsReauthError(accountId: string, reason: string | null) {
  return hrError(
    ErrorCode.UPSTREAM_AUTH_FAILED,
    `Account ${accountId} needs to be re-authorised${reason ? `: ${reason}` : ''}.`,
    { accountId, accountStatus: 'NEEDS_REAUTH' },
  );
}
