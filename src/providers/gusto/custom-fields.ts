/**
 * Raw field names: the employee row's own attributes, and the company's custom fields
 * (GET /v1/companies/{id}/custom_fields), cached per account because they change rarely and many
 * requests name them; lru-cache's `fetch` also folds concurrent misses into one call.
 */
import { LRUCache } from 'lru-cache';
import type { CallContext, CustomFieldDefinition, RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { GustoClient } from './client.js';
import { baseRawFields, CUSTOM_PREFIX, includedRawFields } from './fields.js';
import { text } from './normalize.js';
import { type Json, shapes } from './shapes.js';

export interface CustomFieldCatalogueOptions {
  /** @default 300_000 (five minutes) */
  readonly ttlMs?: number;
}

export interface RawFieldResolver {
  resolve(names: readonly string[], ctx: CallContext): Promise<RawFieldRef[]>;
  /** The company's custom fields, in Gusto's order. */
  customFields(ctx: CallContext): Promise<readonly CustomFieldDefinition[]>;
}

interface Catalogue {
  /** By name and by uuid, in any case, to the key rows carry: custom_fields.<name>. */
  readonly byName: ReadonlyMap<string, string>;
  readonly custom: readonly CustomFieldDefinition[];
}

const standard = new Map(
  [...baseRawFields, ...Object.keys(includedRawFields)].map((key) => [key.toLowerCase(), key]),
);

export function createRawFieldResolver(
  client: GustoClient,
  company: string,
  options: CustomFieldCatalogueOptions = {},
): RawFieldResolver {
  const cache = new LRUCache<'fields', Catalogue, CallContext>({
    max: 1,
    ttl: options.ttlMs ?? 300_000,
    fetchMethod: async (_key, _stale, { context }) => {
      const { body } = await client.get<{ custom_fields: Json[] }>(
        'gusto.customFields',
        `/v1/companies/${encodeURIComponent(company)}/custom_fields`,
        context,
        { shape: shapes.customFields },
      );
      const byName = new Map<string, string>();
      const custom: CustomFieldDefinition[] = [];
      for (const field of body.custom_fields) {
        const name = text(field, 'name');
        if (name === null) continue;
        const key = `${CUSTOM_PREFIX}${name}`;
        byName.set(name.toLowerCase(), key);
        const uuid = text(field, 'uuid');
        if (uuid) byName.set(uuid.toLowerCase(), key);
        custom.push({ name, key, label: name, type: text(field, 'type') });
      }
      return { byName, custom };
    },
  });
  const catalogue = async (ctx: CallContext) =>
    (await cache.fetch('fields', { context: ctx })) as Catalogue;

  return {
    async resolve(names, ctx) {
      const lookup = (name: string) => standard.get(name.toLowerCase());
      const needCatalogue = names.some((name) => lookup(name) === undefined);
      const custom = needCatalogue ? (await catalogue(ctx)).byName : undefined;
      const unknown: string[] = [];
      const out: RawFieldRef[] = [];
      for (const name of names) {
        const bare = name.toLowerCase().startsWith(CUSTOM_PREFIX)
          ? name.slice(CUSTOM_PREFIX.length)
          : name;
        const key = lookup(name) ?? custom?.get(bare.toLowerCase());
        if (key === undefined) unknown.push(name);
        else out.push({ key, requestedAs: name });
      }
      if (unknown.length > 0) {
        throw badInput(`Unknown Gusto employee fields: ${unknown.join(', ')}`, {
          argument: 'names',
          unknownFields: unknown,
        });
      }
      return out;
    },
    customFields: async (ctx) => (await catalogue(ctx)).custom,
  };
}
