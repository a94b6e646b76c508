/**
 * The directory's structure as lookups: org units (orgunits.list, `type=allIncludingParent` so the
 * root holds its users too), groups (groups.list, 200 a page) and the custom user schemas
 * (schemas.list, the field catalogue). They change rarely and many requests need them; the
 * loaders keep them in their shared cache for the freshness stated here.
 */
import type {
  CallContext,
  CustomFieldDefinition,
  LookupCatalog,
  RawFieldCatalog,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { remoteId } from '../../core/ids.js';
import type { GoogleClient } from './client.js';
import { DEFAULT_RAW_FIELDS, USER_PROPERTIES } from './fields.js';
import type { OrgUnitIndex } from './normalize.js';
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

export interface OrgUnits extends OrgUnitIndex {
  readonly all: readonly OrgUnit[];
  byId(id: string): OrgUnit | undefined;
}

export interface FieldCatalogue {
  /** Canonical key of a User property or `Schema.field`, any case; undefined if unknown. */
  resolve(name: string): string | undefined;
  /** Every field of every custom schema, as `Schema.field`, in schemas.list order. */
  readonly custom: readonly CustomFieldDefinition[];
}

export interface LookupOptions {
  /** How long org units, groups and custom schemas may be served from the cache. @default 300_000 */
  readonly freshnessMs?: number;
}

export interface CustomerPaths {
  /** `my_customer` or the customer id, for the `/customer/{id}/…` reads. */
  readonly customerId: string;
  /** `customer=…` or `domain=…`, for groups.list. */
  readonly listParams: Readonly<Record<string, string>>;
}

const GROUP_PAGE = 200;
/** A provider that keeps answering with a next token must not loop forever. */
const MAX_GROUP_PAGES = 1000;

async function loadOrgUnits(client: GoogleClient, path: string, ctx: CallContext) {
  const body = await client.get<{ organizationUnits?: Record<string, unknown>[] }>(
    'google.orgunits.list',
    `${path}/orgunits`,
    ctx,
    { query: { type: 'allIncludingParent' }, shape: shapes.orgUnits },
  );
  const all = (body?.organizationUnits ?? []).map((raw) => ({
    // An empty id (the spec types it a plain string) would name no group: the path names it then.
    orgUnitId:
      typeof raw.orgUnitId === 'string' && raw.orgUnitId !== ''
        ? raw.orgUnitId
        : String(raw.orgUnitPath),
    orgUnitPath: String(raw.orgUnitPath),
    name: typeof raw.name === 'string' ? raw.name : String(raw.orgUnitPath),
    parentOrgUnitId: typeof raw.parentOrgUnitId === 'string' ? raw.parentOrgUnitId : null,
    raw,
  }));
  const byPath = new Map(all.map((u) => [u.orgUnitPath.toLowerCase(), u.orgUnitId]));
  const byId = new Map(all.map((u) => [u.orgUnitId, u]));
  return {
    all,
    idOfPath: (p: string) => byPath.get(p.toLowerCase()) ?? null,
    byId: (id: string) => byId.get(id),
  } satisfies OrgUnits;
}

async function loadGroups(
  client: GoogleClient,
  listParams: Readonly<Record<string, string>>,
  ctx: CallContext,
): Promise<DirectoryGroup[]> {
  const out: DirectoryGroup[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_GROUP_PAGES; page++) {
    const body = await client.get<{ groups?: Record<string, unknown>[]; nextPageToken?: string }>(
      'google.groups.list',
      '/groups',
      ctx,
      {
        query: { ...listParams, maxResults: String(GROUP_PAGE), pageToken },
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

/** User properties by lower-cased name: names that resolve without the schema catalogue. */
const properties = new Map(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));

async function loadFields(client: GoogleClient, path: string, ctx: CallContext) {
  const body = await client.get<{ schemas?: { schemaName: string; fields?: unknown[] }[] }>(
    'google.schemas.list',
    `${path}/schemas`,
    ctx,
    { shape: shapes.schemas },
  );
  const byName = new Map(properties);
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
  return {
    resolve: (name) => byName.get(name.trim().toLowerCase()),
    custom,
  } satisfies FieldCatalogue;
}

/**
 * Google's lookups: `orgUnits` (departments, and the department filter's paths), `groups`
 * (mail groups) and `fields` (the custom schemas), and the account's groups they make at no call
 * of their own. Google keeps no locations hrgraph can use (its buildings are calendar resources).
 */
export function googleLookups(
  client: GoogleClient,
  customer: CustomerPaths,
  { freshnessMs = 300_000 }: LookupOptions = {},
): LookupCatalog {
  const path = `/customer/${encodeURIComponent(customer.customerId)}`;
  return {
    reads: {
      orgUnits: { freshnessMs, load: (ctx) => loadOrgUnits(client, path, ctx) },
      groups: { freshnessMs, load: (ctx) => loadGroups(client, customer.listParams, ctx) },
      fields: { freshnessMs, load: (ctx) => loadFields(client, path, ctx) },
    },
    groups: {
      needs: ['orgUnits', 'groups'],
      from: (values, accountId) => [
        ...values.get<OrgUnits>('orgUnits').all.map((unit) => ({
          accountId,
          remoteId: remoteId(unit.orgUnitId),
          name: unit.name,
          type: 'ORG_UNIT' as const,
          parent: unit.parentOrgUnitId === null ? null : remoteId(unit.parentOrgUnitId),
          raw: unit.raw,
        })),
        ...values.get<readonly DirectoryGroup[]>('groups').map((group) => ({
          accountId,
          remoteId: remoteId(group.id),
          name: group.name,
          type: 'GROUP' as const,
          parent: null,
          raw: group.raw,
        })),
      ],
    },
  };
}

const isProperty = (name: string) => properties.has(name.trim().toLowerCase());

/**
 * Raw field names: a User property in any case, or a custom schema field as `Schema.field`. Only
 * custom names need the schema catalogue (a schemas.list); an unknown name is BAD_USER_INPUT
 * naming it.
 */
export const googleRawFields: RawFieldCatalog = {
  needs: ['fields'],
  needsFor: (names) => (names.every(isProperty) ? [] : ['fields']),
  resolve(names, values) {
    const resolve = names.every(isProperty)
      ? (name: string) => properties.get(name.trim().toLowerCase())
      : values.get<FieldCatalogue>('fields').resolve;
    const unknown = names.filter((name) => resolve(name) === undefined);
    if (unknown.length > 0) {
      throw badInput(
        `Unknown Google Workspace user field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (name a User property or a custom schema field as Schema.field)`,
        { unknownFields: unknown },
      );
    }
    return names.map((name) => ({ key: resolve(name)!, requestedAs: name }));
  },
  defaults: DEFAULT_RAW_FIELDS,
  custom: (values) => values.get<FieldCatalogue>('fields').custom,
};
