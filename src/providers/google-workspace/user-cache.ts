/**
 * What one request has read of the directory: every user record with the properties it was read
 * with, and every email → Google id it has learnt. Google names a manager by email
 * (`relations[type=manager].value`), and hrgraph's `manager` is the manager's id, so each email
 * must become an id. The Directory API has no lookup of many users by email (users.list's search
 * language has no OR, and the batch HTTP endpoint is not used), so the fewest calls are:
 * - none for a manager already read in this request (on the page, or loaded before);
 * - one users.get by email for each other distinct manager, all at once. That read takes the
 *   whole basic record, so the manager's own fields (`manager { displayName jobTitle }`) cost
 *   nothing more.
 */
import type { CallContext } from '../../core/contract/index.js';
import type { GoogleClient } from './client.js';
import { USER_PROPERTIES, type UserMask } from './fields.js';
import { type GoogleUser, managerEmail } from './normalize.js';
import { shapes } from './shapes.js';

/** What a users.get without `fields` returns: every property but the custom schemas. */
export const FULL_BASIC: UserMask = {
  properties: new Set(USER_PROPERTIES.filter((p) => p !== 'customSchemas')),
  schemas: new Set(),
};

interface Seen {
  readonly user: GoogleUser;
  readonly mask: UserMask;
}

export interface UserCache {
  remember(user: GoogleUser, mask: UserMask): void;
  get(id: string): Seen | undefined;
  userIdByEmail(email: string): string | null;
  /** Looks up, with one users.get each, the managers of `users` not yet known by email. */
  resolveManagers(users: readonly GoogleUser[], ctx: CallContext): Promise<void>;
}

function union(a: UserMask, b: UserMask): UserMask {
  return {
    properties: new Set([...a.properties, ...b.properties]),
    schemas: new Set([...a.schemas, ...b.schemas]),
  };
}

export function createUserCache(client: GoogleClient): UserCache {
  const seen = new Map<string, Seen>();
  /** Lower-cased email → id; null once Google said no such user. */
  const byEmail = new Map<string, string | null>();

  function remember(user: GoogleUser, mask: UserMask) {
    const id = String(user.id);
    const prior = seen.get(id);
    seen.set(
      id,
      prior ? { user: { ...prior.user, ...user }, mask: union(prior.mask, mask) } : { user, mask },
    );
    if (typeof user.primaryEmail === 'string') byEmail.set(user.primaryEmail.toLowerCase(), id);
  }

  return {
    remember,
    get: (id) => seen.get(id),
    userIdByEmail: (email) => byEmail.get(email.toLowerCase()) ?? null,
    async resolveManagers(users, ctx) {
      const wanted = new Set<string>();
      for (const user of users) {
        const email = managerEmail(user);
        if (email !== null && !byEmail.has(email)) wanted.add(email);
      }
      await Promise.all(
        [...wanted].map(async function lookUpManager(email) {
          const user = await client.get<GoogleUser>(
            'google.users.get',
            `/users/${encodeURIComponent(email)}`,
            ctx,
            { shape: shapes.user, notFoundIsNull: true, ids: 1 },
          );
          if (user) remember(user, FULL_BASIC);
          // An alias, or a former address, finds the user too: remember what was asked.
          byEmail.set(email, user ? String(user.id) : null);
        }),
      );
    },
  };
}
