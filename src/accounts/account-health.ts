/**
 * Whether an account may be called, and what a provider's answer says about its credentials.
 *
 * A 401 on an API key, a refused service-account assertion, or a lockout 403 stops every further
 * call for the account at once: it becomes LOCKED_OUT until its credentials change or a cool-down
 * passes, because each retry with a bad key brings a provider's lockout closer (BambooHR's
 * sandbox locks a source out after five).
 * Credentials not yet proven (new, changed, or after a cool-down) go out one call at a time: the
 * first answer decides for the calls queued behind it, so a bad key costs exactly one call.
 */

import type { AuthKind } from '../core/contract/index.js';
import { ErrorCode, hrError } from '../core/errors.js';
import type { AccountId } from '../core/ids.js';
import { type FailureWording, standardFailures } from '../providers/failures.js';
import { needsReauthError } from './oauth-errors.js';
import type { AccountStatus } from './types.js';

export interface HealthState {
  readonly status: AccountStatus;
  readonly reason: string | null;
  readonly lockedUntil: number | null;
}

export interface AccountHealthOptions {
  readonly accountId: AccountId;
  readonly authKind: AuthKind;
  readonly initial: HealthState;
  /** Saves a status change (the store for stored accounts; nothing for config-file ones). */
  readonly persist: (state: HealthState) => Promise<void>;
  /** Told of every status change, for the log. */
  readonly onChange?: (state: HealthState) => void;
  /** The provider accepted a call (OAuth: the token manager's count of refusals restarts). */
  readonly onAccepted?: () => void;
  /** @default Date.now */
  readonly now?: () => number;
  /** How the provider's failures read (its definition's). @default the standard wording */
  readonly failures?: FailureWording;
  /** How long a locked-out account waits before one more try. @default 900_000 (15 min) */
  readonly coolDownMs?: number;
}

/** The provider's answer to a call, as far as the account's health is concerned. */
export interface CallOutcome {
  readonly status: number;
  /** The provider's error text (header or body), to tell a lockout 403 from a permission 403. */
  readonly errorText: string;
}

export interface AccountHealth {
  readonly accountId: AccountId;
  state(): HealthState;
  /** Waits for its turn (one call at a time while unproven); throws when the account can't be called. */
  admit(): Promise<() => void>;
  /** Reads a provider answer; `release` is what `admit` returned. */
  report(outcome: CallOutcome, release: () => void): void;
  /** Sets the status from outside a call (a refresh refused: NEEDS_REAUTH). */
  mark(state: HealthState): void;
  /**
   * The stored account changed elsewhere (CLI, OAuth callback): adopt its state, unless the row
   * is older than a change made here (read before our own save landed).
   */
  sync(state: HealthState, credentialsChanged: boolean, updatedAt: number): void;
}

export function blockedError(accountId: AccountId, state: HealthState) {
  if (state.status === 'NEEDS_REAUTH') return needsReauthError(accountId, state.reason);
  const until =
    state.status === 'LOCKED_OUT' && state.lockedUntil !== null
      ? ` until its credentials change or ${new Date(state.lockedUntil).toISOString()}`
      : '';
  const what = state.status === 'DISABLED' ? 'is disabled' : `is locked out${until}`;
  return hrError(
    ErrorCode.UPSTREAM_AUTH_FAILED,
    `Account ${accountId} ${what}${state.reason ? `: ${state.reason}` : ''}. No call was made.`,
    { accountId, accountStatus: state.status },
  );
}

export function createAccountHealth(options: AccountHealthOptions): AccountHealth {
  const { accountId, authKind, persist, onChange, now = Date.now } = options;
  const { lockout: lockoutText, refusedAssertion: assertionRefused } =
    options.failures ?? standardFailures;
  const coolDownMs = options.coolDownMs ?? 900_000;
  let state = options.initial;
  let proven = false;
  /** The call testing unproven credentials; others wait for it. */
  let probe: Promise<void> | null = null;
  let changedAt = Number.NEGATIVE_INFINITY;

  function change(next: HealthState): void {
    state = next;
    changedAt = now();
    proven = false;
    onChange?.(next);
    // The status is already in force in memory; a failed save is retried by the next change.
    void persist(next).catch(() => {});
  }

  async function admit(): Promise<() => void> {
    for (;;) {
      if (
        state.status === 'LOCKED_OUT' &&
        state.lockedUntil !== null &&
        now() >= state.lockedUntil
      ) {
        change({ status: 'ACTIVE', reason: null, lockedUntil: null });
      }
      if (state.status !== 'ACTIVE') throw blockedError(accountId, state);
      if (proven) return () => {};
      if (!probe) {
        let settle = () => {};
        probe = new Promise<void>((resolve) => {
          settle = resolve;
        });
        return function releaseProbe() {
          probe = null;
          settle();
        };
      }
      await probe;
    }
  }

  function report(outcome: CallOutcome, release: () => void): void {
    const { status, errorText } = outcome;
    if (status === 403 && lockoutText.test(errorText)) {
      change({
        status: 'LOCKED_OUT',
        reason: 'the provider locked the credentials out after failed attempts (403)',
        lockedUntil: now() + coolDownMs,
      });
    } else if (
      (authKind === 'serviceAccount' || authKind === 'clientSecret') &&
      (status === 400 || status === 401) &&
      assertionRefused.test(errorText)
    ) {
      // Asking again with the same key gets the same answer: one token request, then none.
      const what = authKind === 'clientSecret' ? 'client secret' : 'service-account key';
      change({
        status: 'LOCKED_OUT',
        reason: `the provider refused the ${what} (${assertionRefused.exec(errorText)?.[1]})`,
        lockedUntil: now() + coolDownMs,
      });
    } else if (status === 401 && authKind === 'apiKey') {
      change({
        status: 'LOCKED_OUT',
        reason: 'the provider refused the API key (401)',
        lockedUntil: now() + coolDownMs,
      });
    } else if (status === 401) {
      // OAuth: the guarded http client has shown it to the token manager with the token it
      // carried (guarded-http.ts); it proves nothing either way here.
    } else if (status < 500 && status !== 429) {
      // Anything the provider answered past authentication (even a permission 403 or a 404)
      // proves the credentials.
      proven = true;
      options.onAccepted?.();
    }
    release();
  }

  return {
    accountId,
    state: () => state,
    admit,
    report,
    mark: change,
    sync(next, credentialsChanged, updatedAt) {
      if (credentialsChanged) proven = false;
      else if (updatedAt < changedAt) return;
      if (
        next.status !== state.status ||
        next.lockedUntil !== state.lockedUntil ||
        next.reason !== state.reason
      ) {
        state = next;
        proven = false;
      }
    },
  };
}
