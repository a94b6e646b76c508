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

/** The one step that brings an account back: a connect link, opened by an admin. */
export function reconnectHint(accountId: string): string {
  return `reconnect with: hrgraph accounts connect-link ${accountId}`;
}

/**
 * Why a refused refresh ended a connection. After a lost answer (write-ahead record still there)
 * the refusal is expected and says exactly that: the provider spent the refresh token answering a
 * request whose answer never reached the store.
 */
export function refusedRefreshReason(accountId: string, lostSince: number | null): string {
  const what =
    lostSince === null
      ? 'the provider refused the refresh token (invalid_grant)'
      : `the answer to the refresh started at ${new Date(lostSince).toISOString()} was lost before hrgraph stored the new refresh token, and the provider no longer accepts the old one (invalid_grant)`;
  return `${what}; ${reconnectHint(accountId)}`;
}
