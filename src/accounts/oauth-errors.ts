/**
 * What a token endpoint's refusal means, and the errors a query sees for an account whose
 * authorisation is gone. Messages name the account, never a token.
 */
import { ErrorCode, hrError } from '../core/errors.js';

export { OAuthGrantError } from '../providers/auth/oauth.js';

export function needsReauthError(accountId: string, reason: string | null) {
  return hrError(
    ErrorCode.UPSTREAM_AUTH_FAILED,
    `Account ${accountId} needs to be re-authorised${reason ? `: ${reason}` : ''}.`,
    { accountId, accountStatus: 'NEEDS_REAUTH' },
  );
}
