/**
 * The catalogue of Okta reads that return users by id, for the generic planner. Okta has no
 * batch get: one user is `GET /api/v1/users/{id}`; several are one listUsers call filtered by
 * `id eq "…" or id eq "…"` (filter, unlike search, is not eventually consistent, and includes
 * DEPROVISIONED users), narrowed with a `fields` projection.
 */

import type { CallContext } from '../../core/contract/index.js';
import type { PlannedCall, ReadOperation } from '../../loaders/planner.js';
import type { OktaClient } from './client.js';
import { projectionOf } from './fields.js';
import { type OktaObject, shapes } from './shapes.js';

/**
 * Ids per filtered call. Each id costs 44 characters of URL once encoded
 * (`id%20eq%20%2200u…%22%20or%20`), so 100 ids keep the request line near 4.7 KB with a full
 * projection: under the 8 KB many front ends accept.
 */
export const IDS_PER_CALL = 100;

/** A user as one call returned it, and which Okta keys that call was asked for. */
export interface FetchedUser {
  readonly user: OktaObject;
  readonly asked: ReadonlySet<string> | 'all';
}

export interface UserReadOperation extends ReadOperation {
  run(call: PlannedCall, ctx: CallContext): Promise<Map<string, FetchedUser>>;
}

/** Okta ids are letters and digits; anything else (a login, a quote) cannot name a user here. */
export const isOktaId = (id: string) => /^[0-9A-Za-z]{1,64}$/.test(id);

/** `(id eq "a" or id eq "b")`, from ids already checked by isOktaId. */
export function anyOf(path: string, values: readonly string[]): string {
  const terms = values.map((value) => `${path} eq ${JSON.stringify(value)}`);
  return terms.length === 1 ? terms[0]! : `(${terms.join(' or ')})`;
}

export function userReadOperations(client: OktaClient): UserReadOperation[] {
  const getUser: UserReadOperation = {
    name: 'okta.getUser',
    supplies: () => true,
    // Every profile attribute comes back: there is no per-call field limit.
    limits: { fieldsPerCall: Number.MAX_SAFE_INTEGER, idsPerCall: { kind: 'one' } },
    bytesPerRecord: 40,
    async run(call, ctx) {
      const id = call.ids[0]!;
      const reply = await client.get<OktaObject>(
        'okta.getUser',
        `/api/v1/users/${encodeURIComponent(id)}`,
        ctx,
        { shape: shapes.user, notFoundIsNull: true, ids: 1, fields: call.fields.length },
      );
      // getUser also answers to a login; a user whose id differs was not the one asked for.
      if (!reply || reply.body.id !== id) return new Map();
      return new Map([[id, { user: reply.body, asked: 'all' as const }]]);
    },
  };

  const listById: UserReadOperation = {
    name: 'okta.listUsersById',
    supplies: () => true,
    limits: {
      fieldsPerCall: Number.MAX_SAFE_INTEGER,
      idsPerCall: { kind: 'many', max: IDS_PER_CALL },
    },
    // Ties with getUser for one id, and getUser is listed first: one id is one plain GET.
    bytesPerRecord: 40,
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
      const asked = new Set(call.fields);
      const out = new Map<string, FetchedUser>();
      for (const user of reply?.body ?? []) out.set(String(user.id), { user, asked });
      return out;
    },
  };

  return [getUser, listById];
}
