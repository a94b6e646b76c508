/**
 * Which Okta status a synthetic person has, and the lifecycle timestamps that follow from it.
 *
 * The rule (named so tests and the provider can rely on it):
 * - terminated people (company status 'Inactive') are `DEPROVISIONED`;
 * - people hired after the company's today are `STAGED` (created, not yet activated);
 * - of the rest, person id mod 50 = 7 is `SUSPENDED`, 17 `LOCKED_OUT`, 27 `PASSWORD_EXPIRED`,
 *   37 `STAGED`; everyone else is `ACTIVE`. Person 1 (the admin) is never special.
 */
import { hash32 } from '../company/random.js';
import type { Person, SyntheticCompany } from '../company/types.js';

export type OktaUserStatus =
  | 'ACTIVE'
  | 'DEPROVISIONED'
  | 'LOCKED_OUT'
  | 'PASSWORD_EXPIRED'
  | 'PROVISIONED'
  | 'RECOVERY'
  | 'STAGED'
  | 'SUSPENDED';

const SPECIAL: Readonly<Record<number, OktaUserStatus>> = {
  7: 'SUSPENDED',
  17: 'LOCKED_OUT',
  27: 'PASSWORD_EXPIRED',
  37: 'STAGED',
};

export function oktaUserStatus(company: SyntheticCompany, person: Person): OktaUserStatus {
  if (person.status === 'Inactive') return 'DEPROVISIONED';
  if (person.hireDate > company.today) return 'STAGED';
  return SPECIAL[person.id % 50] ?? 'ACTIVE';
}

/** Okta's timestamp form: milliseconds and `Z`. */
export function oktaTime(ms: number): string {
  return new Date(ms).toISOString();
}

export interface Lifecycle {
  readonly status: OktaUserStatus;
  readonly created: number;
  readonly activated: number | null;
  readonly statusChanged: number | null;
  readonly lastLogin: number | null;
  readonly passwordChanged: number | null;
  readonly lastUpdated: number;
}

const DAY = 86_400_000;

/** Timestamps from the person's record and dates, deterministic per person, never after today's end. */
export function lifecycle(company: SyntheticCompany, person: Person): Lifecycle {
  const status = oktaUserStatus(company, person);
  const h = hash32(person.id, 0x4c494645);
  const created = Date.parse(person.created);
  const endOfToday = Date.parse(`${company.today}T23:59:59Z`);
  const todayStart = Date.parse(`${company.today}T00:00:00Z`);
  if (status === 'STAGED') {
    const lastUpdated = Math.max(created, Date.parse(person.lastChanged));
    return {
      status,
      created,
      activated: null,
      statusChanged: null,
      lastLogin: null,
      passwordChanged: null,
      lastUpdated,
    };
  }
  const activated = created + (h % 3600) * 1000;
  const clamp = (ms: number) => Math.min(endOfToday, Math.max(activated, ms));
  let statusChanged = activated;
  let lastLogin = clamp(todayStart - (h % 14) * DAY + ((h >>> 8) % 36_000) * 1000);
  let passwordChanged = clamp(todayStart - ((h >>> 4) % 90) * DAY + ((h >>> 12) % 36_000) * 1000);
  if (status === 'DEPROVISIONED' && person.terminationDate) {
    statusChanged = clamp(Date.parse(`${person.terminationDate}T17:00:00Z`));
    lastLogin = clamp(statusChanged - ((h >>> 3) % 8) * 3_600_000);
    passwordChanged = Math.min(passwordChanged, lastLogin);
  } else if (status !== 'ACTIVE') {
    statusChanged = clamp(todayStart - ((h >>> 6) % 20) * DAY + 36_000_000);
    if (status === 'PASSWORD_EXPIRED') passwordChanged = clamp(statusChanged - 90 * DAY);
  }
  const lastUpdated = Math.min(
    endOfToday,
    Math.max(Date.parse(person.lastChanged), statusChanged, activated),
  );
  return { status, created, activated, statusChanged, lastLogin, passwordChanged, lastUpdated };
}
