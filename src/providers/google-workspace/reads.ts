/**
 * users.get, Google's only read of one user: by id (the planner's read, narrowed to the keys the
 * call names) and by email (how a manager is named, read whole). The Directory API has no read of
 * many users by id or email (users.list's search language has no OR, and the batch HTTP endpoint
 * is not used), so both take one user per call.
 */
import type {
  AlternateKey,
  CallContext,
  RawReply,
  ReadOperation,
} from '../../core/contract/index.js';
import type { GoogleClient } from './client.js';
import { BASIC_PROPERTIES, keysRead, maskFor, maskParams, maskSize } from './fields.js';
import { emailKey, type GoogleUser, userValues } from './normalize.js';
import { shapes } from './shapes.js';

/** Google takes any number of names in one `fields` mask. */
export const ANY_NUMBER_OF_FIELDS = Number.MAX_SAFE_INTEGER;

/** Rough bytes of one property's value, for the planner's tie-breaking. */
const BYTES_PER_FIELD = 40;

/** The user `key` (an id or an email) names; null for a 404 ("no such user"). */
function getUser(
  client: GoogleClient,
  key: string,
  query: Record<string, string>,
  fields: number,
  ctx: CallContext,
): Promise<GoogleUser | null> {
  return client.get<GoogleUser>('google.users.get', `/users/${encodeURIComponent(key)}`, ctx, {
    query,
    shape: shapes.user,
    notFoundIsNull: true,
    ids: 1,
    fields,
  });
}

/** A user as the loaders take it: its id as Google sent it, and the values of `keys`. */
export function userReply(user: GoogleUser, keys: readonly string[]): RawReply {
  return { id: user.id, values: userValues(user, keysRead(keys)) };
}

export function userReads(client: GoogleClient): ReadOperation[] {
  return [
    {
      name: 'google.users.get',
      // Any User property, and custom schema fields through `customFieldMask`.
      supplies: () => true,
      limits: { fieldsPerCall: ANY_NUMBER_OF_FIELDS, idsPerCall: { kind: 'one' } },
      bytesPerRecord: BYTES_PER_FIELD,
      async run(call, ctx) {
        const mask = maskFor(call.fields);
        const user = await getUser(
          client,
          call.ids[0]!,
          maskParams(mask, false),
          maskSize(mask),
          ctx,
        );
        // A user key can be an alias: the loaders check that the record is the id asked for.
        return user ? [userReply(user, call.fields)] : [];
      },
    },
  ];
}

/**
 * A manager by email. Without `fields` users.get returns the whole basic record, so the manager's
 * own fields (`manager { displayName jobTitle }`) cost nothing more; an alias or a former address
 * finds the user too.
 */
export function emailKeyOf(client: GoogleClient): AlternateKey {
  const basic = new Set(BASIC_PROPERTIES);
  return {
    keyOf: (record) => emailKey(record.get('primaryEmail')),
    read: {
      name: 'google.users.get',
      idsPerCall: { kind: 'one' },
      async run(call, ctx) {
        const user = await getUser(client, call.ids[0]!, {}, 0, ctx);
        return user ? [{ id: user.id, values: userValues(user, BASIC_PROPERTIES) }] : [];
      },
      covers: (key) => basic.has(key),
    },
  };
}
