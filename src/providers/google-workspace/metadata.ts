/**
 * Per-account directory structure: org units (orgunits.list, `type=allIncludingParent` so the
 * root holds its users too), groups (groups.list, 200 a page) and the custom user schemas
 * (schemas.list). They change rarely and many requests need them, so they are cached per account
 * with a TTL; lru-cache's `fetch` collapses concurrent misses into one call.
 */
import { LRUCache } from 'lru-cache';
import type { CallContext, CustomFieldDefinition, RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { GoogleClient } from './client.js';
import { USER_PROPERTIES } from './fields.js';
import { shapes } from './shapes.js';

export interface OrgUnit {
  readonly orgUnitId: string;
  readonly orgUnitPath: string;
  readonly name: string;
  readonly parentOrgUnitId: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface DirectoryGroup {
  readonly id: string;
  readonly name: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface OrgUnits {
  readonly all: readonly OrgUnit[];
  idOfPath(path: string): string | null;
  byId(id: string): OrgUnit | undefined;
}

export interface FieldCatalogue {
  /** Canonical key of a User property or `Schema.field`, any case; undefined if unknown. */
  resolve(name: string): string | undefined;
  /** Every field of every custom schema, as `Schema.field`, in schemas.list order. */
  readonly custom: readonly CustomFieldDefinition[];
}

export interface MetadataOptions {
  /** @default 300_000 (five minutes) */
  readonly ttlMs?: number;
}

export interface GoogleMetadata {
  orgUnits(ctx: CallContext): Promise<OrgUnits>;
  groups(ctx: CallContext): Promise<readonly DirectoryGroup[]>;
  resolveFields(names: readonly string[], ctx: CallContext): Promise<RawFieldRef[]>;
  customFields(ctx: CallContext): Promise<readonly CustomFieldDefinition[]>;
}

type Entry = OrgUnits | readonly DirectoryGroup[] | FieldCatalogue;
type Key = 'orgUnits' | 'groups' | 'fields';

const GROUP_PAGE = 200;
/** A provider that keeps answering with a next token must not loop forever. */
const MAX_GROUP_PAGES = 1000;

export function createGoogleMetadata(
  client: GoogleClient,
  customer: { readonly customerId: string; readonly listParams: Record<string, string> },
  { ttlMs = 300_000 }: MetadataOptions = {},
): GoogleMetadata {
  const path = `/customer/${encodeURIComponent(customer.customerId)}`;

  async function loadOrgUnits(ctx: CallContext): Promise<OrgUnits> {
    const body = await client.get<{ organizationUnits?: Record<string, unknown>[] }>(
      'google.orgunits.list',
      `${path}/orgunits`,
      ctx,
      { query: { type: 'allIncludingParent' }, shape: shapes.orgUnits },
    );
    const all = (body?.organizationUnits ?? []).map((raw) => ({
      orgUnitId: String(raw.orgUnitId ?? raw.orgUnitPath),
      orgUnitPath: String(raw.orgUnitPath),
      name: typeof raw.name === 'string' ? raw.name : String(raw.orgUnitPath),
      parentOrgUnitId: typeof raw.parentOrgUnitId === 'string' ? raw.parentOrgUnitId : null,
      raw,
    }));
    const byPath = new Map(all.map((u) => [u.orgUnitPath.toLowerCase(), u.orgUnitId]));
    const byId = new Map(all.map((u) => [u.orgUnitId, u]));
    return {
      all,
      idOfPath: (p) => byPath.get(p.toLowerCase()) ?? null,
      byId: (id) => byId.get(id),
    };
  }

  async function loadGroups(ctx: CallContext): Promise<DirectoryGroup[]> {
    const out: DirectoryGroup[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_GROUP_PAGES; page++) {
      const body = await client.get<{ groups?: Record<string, unknown>[]; nextPageToken?: string }>(
        'google.groups.list',
        '/groups',
        ctx,
        {
          query: { ...customer.listParams, maxResults: String(GROUP_PAGE), pageToken },
          shape: shapes.groups,
        },
      );
      for (const raw of body?.groups ?? []) {
        out.push({ id: String(raw.id), name: String(raw.name ?? raw.email ?? raw.id), raw });
      }
      pageToken = body?.nextPageToken;
      if (!pageToken) break;
    }
    return out;
  }

  async function loadFields(ctx: CallContext): Promise<FieldCatalogue> {
    const body = await client.get<{ schemas?: { schemaName: string; fields?: unknown[] }[] }>(
      'google.schemas.list',
      `${path}/schemas`,
      ctx,
      { shape: shapes.schemas },
    );
    const byName = new Map(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));
    const custom: CustomFieldDefinition[] = [];
    for (const schema of body?.schemas ?? []) {
      for (const field of schema.fields ?? []) {
        const { fieldName, displayName, fieldType } = field as Record<string, unknown>;
        if (typeof fieldName !== 'string') continue;
        const key = `${schema.schemaName}.${fieldName}`;
        byName.set(key.toLowerCase(), key);
        custom.push({
          name: key,
          key,
          label: typeof displayName === 'string' ? displayName : null,
          type: typeof fieldType === 'string' ? fieldType : null,
        });
      }
    }
    return { resolve: (name) => byName.get(name.trim().toLowerCase()), custom };
  }

  const cache = new LRUCache<Key, Entry, CallContext>({
    max: 3,
    ttl: ttlMs,
    fetchMethod: function loadMetadata(key, _stale, { context }) {
      if (key === 'orgUnits') return loadOrgUnits(context);
      if (key === 'groups') return loadGroups(context);
      return loadFields(context);
    },
  });

  const fields = async (ctx: CallContext) =>
    (await cache.fetch('fields', { context: ctx })) as FieldCatalogue;

  return {
    orgUnits: async (ctx) => (await cache.fetch('orgUnits', { context: ctx })) as OrgUnits,
    groups: async (ctx) =>
      (await cache.fetch('groups', { context: ctx })) as readonly DirectoryGroup[],
    async resolveFields(names, ctx) {
      // Plain User properties need no catalogue: only `Schema.field` names cost a schemas.list.
      const plain = new Map(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));
      const catalogue = names.every((n) => plain.has(n.trim().toLowerCase()))
        ? { resolve: (n: string) => plain.get(n.trim().toLowerCase()), custom: [] }
        : await fields(ctx);
      const unknown = names.filter((name) => catalogue.resolve(name) === undefined);
      if (unknown.length > 0) {
        throw badInput(
          `Unknown Google Workspace user field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (name a User property or a custom schema field as Schema.field)`,
          { unknownFields: unknown },
        );
      }
      return names.map((name) => ({ key: catalogue.resolve(name)!, requestedAs: name }));
    },
    customFields: async (ctx) => (await fields(ctx)).custom,
  };
}
