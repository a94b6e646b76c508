/**
 * Per-account BambooHR metadata: the field catalogue (/meta/fields) and the org lists
 * (/meta/lists). Both change rarely and are needed by many requests, so they are cached per
 * account with a TTL; lru-cache's `fetch` also collapses concurrent misses into one call.
 */
import { LRUCache } from 'lru-cache';
import type { CallContext, RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { BambooHrClient } from './client.js';
import type { ListIndex } from './normalize.js';
import { shapes } from './shapes.js';

interface MetaField {
  readonly id: string | number;
  readonly name: string;
  readonly type?: string;
  readonly alias?: string;
}

interface MetaListOption {
  readonly id: number | string;
  readonly name: string;
  readonly archived?: 'yes' | 'no';
}

interface MetaList {
  readonly fieldId: string | number;
  readonly name: string;
  readonly alias?: string | null;
  readonly options: readonly MetaListOption[];
}

export type OrgListName = 'department' | 'division' | 'location';

export interface OrgOption {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
}

export interface FieldCatalogue {
  /** Canonical key (alias, else id) of a name, alias or id given in any case; undefined if unknown. */
  resolve(name: string): string | undefined;
}

export interface OrgLists extends ListIndex {
  options(list: OrgListName): readonly OrgOption[];
}

export interface MetadataOptions {
  /** @default 300_000 (five minutes) */
  readonly ttlMs?: number;
}

export interface BambooHrMetadata {
  fields(ctx: CallContext): Promise<FieldCatalogue>;
  lists(ctx: CallContext): Promise<OrgLists>;
  resolveFields(names: readonly string[], ctx: CallContext): Promise<RawFieldRef[]>;
}

type Entry = FieldCatalogue | OrgLists;

export function createBambooHrMetadata(
  client: BambooHrClient,
  { ttlMs = 300_000 }: MetadataOptions = {},
): BambooHrMetadata {
  const cache = new LRUCache<'fields' | 'lists', Entry, CallContext>({
    max: 2,
    ttl: ttlMs,
    fetchMethod: async function loadMetadata(key, _stale, { context }) {
      if (key === 'fields') {
        const fields = await client.get<MetaField[]>(
          'bamboohr.metaFields',
          '/v1/meta/fields',
          context,
          { shape: shapes.rows },
        );
        return catalogueOf(fields ?? []);
      }
      const lists = await client.get<MetaList[]>('bamboohr.metaLists', '/v1/meta/lists', context, {
        shape: shapes.rows,
      });
      return orgListsOf(lists ?? []);
    },
  });

  const fields = async (ctx: CallContext) =>
    (await cache.fetch('fields', { context: ctx })) as FieldCatalogue;

  return {
    fields,
    lists: async (ctx) => (await cache.fetch('lists', { context: ctx })) as OrgLists,
    async resolveFields(names, ctx) {
      const catalogue = await fields(ctx);
      const unknown = names.filter((name) => catalogue.resolve(name) === undefined);
      if (unknown.length > 0) {
        throw badInput(
          `Unknown BambooHR field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
          {
            unknownFields: unknown,
          },
        );
      }
      return names.map((name) => ({ key: catalogue.resolve(name)!, requestedAs: name }));
    },
  };
}

function catalogueOf(fields: readonly MetaField[]): FieldCatalogue {
  const byName = new Map<string, string>();
  for (const field of fields) {
    const key = field.alias ?? String(field.id);
    // Aliases and ids are exact handles; display names come last so they never shadow them.
    byName.set(key.toLowerCase(), key);
    byName.set(String(field.id).toLowerCase(), key);
  }
  for (const field of fields) {
    const name = field.name.toLowerCase();
    if (!byName.has(name)) byName.set(name, field.alias ?? String(field.id));
  }
  // `id` is every record's own key, never listed in /meta/fields.
  byName.set('id', 'id');
  return { resolve: (name) => byName.get(name.trim().toLowerCase()) };
}

function orgListsOf(lists: readonly MetaList[]): OrgLists {
  const options = new Map<OrgListName, OrgOption[]>();
  for (const name of ['department', 'division', 'location'] as const) {
    const list = lists.find((l) => l.alias === name);
    options.set(
      name,
      (list?.options ?? []).map((o) => ({
        id: String(o.id),
        name: o.name,
        archived: o.archived === 'yes',
      })),
    );
  }
  const byText = new Map<string, string>();
  for (const [list, opts] of options) {
    for (const o of opts) byText.set(`${list}\u0000${o.name.toLowerCase()}`, o.id);
  }
  return {
    options: (list) => options.get(list) ?? [],
    optionId: (list, text) => byText.get(`${list}\u0000${text.toLowerCase()}`) ?? null,
  };
}
