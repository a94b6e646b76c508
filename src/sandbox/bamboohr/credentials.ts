/**
 * API keys and the failed-attempt lockout.
 *
 * Keys are 160-bit hex strings like BambooHR's, derived from (secret, company, employee) so the
 * same sandbox set-up prints the same key every run. The lockout is a SANDBOX CHOICE: the
 * reference found no documentation of one (§6.1 "NOT FOUND"), but a client must survive a 403
 * after repeated bad keys, so the sandbox offers one, on by default.
 */
import { createHash } from 'node:crypto';
import type { Clock } from './env.js';

export interface KeyOwner {
  readonly domain: string;
  readonly employeeId: number;
}

export interface ApiKeyStore {
  /** The key of an employee of a company (issued on first call, the same thereafter). */
  issue(domain: string, employeeId: number): string;
  lookup(key: string): KeyOwner | undefined;
  /** Makes a key stop working, as when a user deletes it. */
  revoke(key: string): boolean;
}

export function createApiKeyStore(secret: string): ApiKeyStore {
  const owners = new Map<string, KeyOwner>();
  return {
    issue(domain, employeeId) {
      const key = createHash('sha1')
        .update(`bamboohr-sandbox:${secret}:${domain}:${employeeId}`)
        .digest('hex');
      owners.set(key, { domain, employeeId });
      return key;
    },
    lookup: (key) => owners.get(key.toLowerCase()),
    revoke: (key) => owners.delete(key.toLowerCase()),
  };
}

export interface LockoutPolicy {
  /** Failed attempts that trigger a lockout. @default 5 */
  maxFailures: number;
  /** Window the failures must fall in. @default 60_000 */
  windowMs: number;
  /** How long the source stays locked (every request 403). @default 900_000 */
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 60_000, lockMs: 900_000 };

export interface Lockout {
  isLocked(subject: string): boolean;
  /** Records a failure; true when this one locked the subject. */
  fail(subject: string): boolean;
  reset(): void;
}

/** `subject` is "company|client address": a bad key locks that source out of that company. */
export function createLockout(policy: LockoutPolicy | null, clock: Clock): Lockout {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    isLocked(subject) {
      const until = lockedUntil.get(subject);
      if (until === undefined) return false;
      if (clock.now() < until) return true;
      lockedUntil.delete(subject);
      return false;
    },
    fail(subject) {
      if (!policy) return false;
      const now = clock.now();
      const recent = (failures.get(subject) ?? []).filter((at) => now - at < policy.windowMs);
      recent.push(now);
      if (recent.length < policy.maxFailures) {
        failures.set(subject, recent);
        return false;
      }
      failures.delete(subject);
      lockedUntil.set(subject, now + policy.lockMs);
      return true;
    },
    reset() {
      failures.clear();
      lockedUntil.clear();
    },
  };
}
