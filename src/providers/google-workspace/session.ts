/**
 * One request's view of a Google Workspace account: users.list pages and users.get reads, each
 * narrowed to the properties the request needs, mapped into unified records.
 */

import type {
  CallContext,
  EmployeeFieldRequest,
  EmployeeRecord,
  ProviderSession,
} from '../../core/contract/index.js';
import { type AccountId, type RemoteId, remoteId } from '../../core/ids.js';
import type { Company, EmployeeField, Group } from '../../core/model.js';
import { noPersonalHistory } from '../identity-directory.js';
import type { GoogleClient } from './client.js';
import {
  covers,
  DEFAULT_RAW_FIELDS,
  isSupplied,
  maskFor,
  maskParams,
  type UserMask,
} from './fields.js';
import { type ListTarget, listUsers, subQueries } from './list-users.js';
import type { GoogleMetadata, OrgUnits } from './metadata.js';
import { type GoogleUser, type References, rawValues, unifiedValue } from './normalize.js';
import { shapes } from './shapes.js';
import { createUserCache, type UserCache } from './user-cache.js';

export interface SessionDeps {
  readonly accountId: AccountId;
  readonly client: GoogleClient;
  readonly metadata: GoogleMetadata;
  readonly target: ListTarget;
  /** `my_customer` or the customer id, for customers.get. */
  readonly customerKey: string;
}

/** Google user ids are decimal strings; anything else cannot be one, so it is missing. */
const userId = /^\d{1,30}$/;

function toRecord(
  user: GoogleUser,
  fields: EmployeeFieldRequest,
  refs: References,
): EmployeeRecord {
  const values: Partial<Record<EmployeeField, unknown>> = {};
  for (const field of fields.unified) {
    // A field the directory does not have is known to be null: asking again would not find it.
    values[field] = isSupplied(field) ? unifiedValue(field, user, refs) : null;
  }
  return {
    remoteId: remoteId(String(user.id)),
    fields: values as EmployeeRecord['fields'],
    raw: rawValues(user, fields.raw),
  };
}

function unionRequest(requests: readonly EmployeeFieldRequest[]): EmployeeFieldRequest {
  return {
    unified: [...new Set(requests.flatMap((r) => r.unified))],
    raw: [...new Set(requests.flatMap((r) => r.raw))],
  };
}

export function createGoogleSession(deps: SessionDeps, ctx: CallContext): ProviderSession {
  const { accountId, client, metadata } = deps;
  const cache: UserCache = createUserCache(client);

  async function references(
    users: readonly GoogleUser[],
    unified: readonly EmployeeField[],
  ): Promise<References> {
    const [orgUnits] = await Promise.all([
      unified.includes('department') ? metadata.orgUnits(ctx) : null,
      unified.includes('manager') ? cache.resolveManagers(users, ctx) : null,
    ]);
    return {
      orgUnitId: (path) => orgUnits?.idOfPath(path) ?? null,
      userIdByEmail: (email) => cache.userIdByEmail(email),
    };
  }

  async function getUser(id: string, mask: UserMask): Promise<GoogleUser | null> {
    const user = await client.get<GoogleUser>(
      'google.users.get',
      `/users/${encodeURIComponent(id)}`,
      ctx,
      {
        query: maskParams(mask, false),
        shape: shapes.user,
        notFoundIsNull: true,
        ids: 1,
        fields: mask.properties.size + mask.schemas.size,
      },
    );
    // A user key can be an alias; only the id asked for is this record.
    if (user && String(user.id) !== id) return null;
    if (user) cache.remember(user, mask);
    return user;
  }

  return {
    async listEmployees(query) {
      const mask = maskFor(query.fields);
      const orgUnits: OrgUnits | null = query.filter.departments
        ? await metadata.orgUnits(ctx)
        : null;
      const queries = subQueries(query, orgUnits);
      const page = await listUsers(client, deps.target, query, queries, mask, ctx);
      for (const user of page.users) cache.remember(user, mask);
      const refs = await references(page.users, query.fields.unified);
      return {
        records: page.users.map((user) => toRecord(user, query.fields, refs)),
        next: page.next,
        prev: null,
        totalCount: null,
      };
    },

    async loadEmployees(groups) {
      const wanted = new Map<string, EmployeeFieldRequest[]>();
      for (const group of groups) {
        for (const id of group.ids) {
          if (!userId.test(id)) continue;
          wanted.set(id, [...(wanted.get(id) ?? []), group.fields]);
        }
      }
      const found = new Map<string, GoogleUser>();
      await Promise.all(
        [...wanted].map(async ([id, requests]) => {
          const need = maskFor(unionRequest(requests));
          const known = cache.get(id);
          const user = known && covers(known.mask, need) ? known.user : await getUser(id, need);
          if (user) found.set(id, user);
        }),
      );
      const all = unionRequest(groups.map((g) => g.fields));
      const refs = await references([...found.values()], all.unified);
      const out = new Map<RemoteId, EmployeeRecord>();
      for (const group of groups) {
        for (const id of group.ids) {
          const user = found.get(id);
          if (user) out.set(remoteId(id), toRecord(user, group.fields, refs));
        }
      }
      return out;
    },

    // Google Workspace keeps no job, pay or status history and no time off.
    ...noPersonalHistory,

    async listGroups(): Promise<Group[]> {
      const [orgUnits, groups] = await Promise.all([metadata.orgUnits(ctx), metadata.groups(ctx)]);
      return [
        ...orgUnits.all.map((unit) => ({
          accountId,
          remoteId: remoteId(unit.orgUnitId),
          name: unit.name,
          type: 'ORG_UNIT' as const,
          parent: unit.parentOrgUnitId === null ? null : remoteId(unit.parentOrgUnitId),
          raw: unit.raw,
        })),
        ...groups.map((group) => ({
          accountId,
          remoteId: remoteId(group.id),
          name: group.name,
          type: 'GROUP' as const,
          parent: null,
          raw: group.raw,
        })),
      ];
    },
    // Google's buildings (resources.buildings) need another scope and are rarely kept: none.
    listLocations: async () => [],

    async company(): Promise<Company> {
      const raw =
        (await client.get<Record<string, unknown>>(
          'google.customers.get',
          `/customers/${encodeURIComponent(deps.customerKey)}`,
          ctx,
          { shape: shapes.customer },
        )) ?? {};
      const postal = (raw.postalAddress ?? {}) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
      const street = [postal.addressLine1, postal.addressLine2, postal.addressLine3]
        .map(text)
        .filter((line): line is string => line !== null);
      return {
        accountId,
        remoteId: remoteId(String(raw.id)),
        legalName: text(postal.organizationName),
        displayName: text(postal.organizationName) ?? text(raw.customerDomain),
        address: {
          line1: street[0] ?? null,
          line2: street.slice(1).join(', ') || null,
          city: text(postal.locality),
          state: text(postal.region),
          postalCode: text(postal.postalCode),
          country: text(postal.countryCode),
        },
        phone: text(raw.phoneNumber),
        raw,
      };
    },

    resolveRawFields: (names) => metadata.resolveFields(names, ctx),
    listCustomFields: async () => [...(await metadata.customFields(ctx))],
    defaultRawFields: () => DEFAULT_RAW_FIELDS,
  };
}
