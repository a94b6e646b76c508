/**
 * The Okta reads that return users by id, for the loaders' planner. Okta has no batch get: one
 * user is `GET /api/v1/users/{id}`; several are one listUsers call filtered by
 * `id eq "…" or id eq "…"` (filter, unlike search, is not eventually consistent, and includes
 * DEPROVISIONED users), narrowed with a `fields` projection. Each returns the users as Okta sent
 * them; the loaders check that every one was asked for.
 */

import type { ReadOperation } from '../../core/contract/index.js';
import type { OktaClient } from './client.js';
import { projectionOf } from './fields.js';
import { type OktaObject, shapes } from './shapes.js';
import { userReply } from './user-record.js';

/**
 * Ids per filtered call. Each id costs 44 characters of URL once encoded
 * (`id%20eq%20%2200u…%22%20or%20`), so 100 ids keep the request line near 4.7 KB with a full
 * projection: under the 8 KB many front ends accept.
 */
export const IDS_PER_CALL = 100;

/**
 * Okta user ids are letters and digits (`00ub0oNGTSWTBKOLGLNR`: 20 of them, starting `00u`, in
 * every org seen), but Okta does not document the format and asks that ids be treated as opaque
 * (devforum.okta.com/t/2487), so neither length nor prefix is required: a real user must never
 * read as a bad reply. Anything else (a login, a quote) cannot name a user, so it never reaches
 * a URL or a filter expression.
 */
export const isOktaUserId = (id: string) => /^[0-9A-Za-z]{1,64}$/.test(id);

/** `(id eq "a" or id eq "b")`, from ids already checked by isOktaUserId. */
export function anyOf(path: string, values: readonly string[]): string {
  const terms = values.map((value) => `${path} eq ${JSON.stringify(value)}`);
  return terms.length === 1 ? terms[0]! : `(${terms.join(' or ')})`;
}

/** Rough bytes of one attribute's value, for the planner's tie-breaking. */
const bytesPerAttribute = 40;

export function userReads(client: OktaClient): ReadOperation[] {
  const getUser: ReadOperation = {
    name: 'okta.getUser',
    supplies: () => true,
    // Every profile attribute comes back: there is no per-call field limit.
    limits: { fieldsPerCall: Number.MAX_SAFE_INTEGER, idsPerCall: { kind: 'one' } },
    bytesPerRecord: bytesPerAttribute,
    async run(call, ctx) {
      const id = call.ids[0]!;
      const reply = await client.get<OktaObject>(
        'okta.getUser',
        `/api/v1/users/${encodeURIComponent(id)}`,
        ctx,
        { shape: shapes.user, notFoundIsNull: true, ids: 1, fields: call.fields.length },
      );
      return reply ? [userReply(reply.body)] : [];
    },
  };

  const listById: ReadOperation = {
    name: 'okta.listUsersById',
    supplies: () => true,
    limits: {
      fieldsPerCall: Number.MAX_SAFE_INTEGER,
      idsPerCall: { kind: 'many', max: IDS_PER_CALL },
    },
    // Ties with getUser for one id, and getUser is listed first: one id is one plain GET.
    bytesPerRecord: bytesPerAttribute,
    async run(call, ctx) {
      const reply = await client.get<OktaObject[]>('okta.listUsersById', '/api/v1/users', ctx, {
        query: {
          filter: anyOf('id', call.ids),
          limit: String(call.ids.length),
          fields: projectionOf(call.fields),
        },
        shape: shapes.users,
        ids: call.ids.length,
        fields: call.fields.length,
      });
      return (reply?.body ?? []).map((user) => userReply(user));
    },
  };

  return [getUser, listById];
}
