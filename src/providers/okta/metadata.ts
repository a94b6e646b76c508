/**
 * Raw profile attributes by name, for `remoteData(fields:)` and `customFields(names:)`. Base
 * attributes and the user's top-level properties are known without asking; any other name is
 * looked up in the default user type's schema (`GET /api/v1/meta/schemas/user/default`), cached
 * per adapter, by attribute name or title, in any case, with or without a `profile.` prefix.
 */
import { LRUCache } from 'lru-cache';
import type { CallContext, CustomFieldDefinition, RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { OktaClient } from './client.js';
import { BASE_PROFILE_ATTRIBUTES, TOP_LEVEL_KEYS } from './fields.js';
import { isObject, type OktaObject, shapes } from './shapes.js';

export interface MetadataOptions {
  /** @default 300_000 (five minutes) */
  readonly ttlMs?: number;
}

export interface OktaMetadata {
  resolveFields(names: readonly string[], ctx: CallContext): Promise<RawFieldRef[]>;
  /** The custom attributes of the default user type (its schema's `custom` part). */
  customFields(ctx: CallContext): Promise<readonly CustomFieldDefinition[]>;
}

type Catalogue = ReadonlyMap<string, string>;

interface UserSchema {
  readonly byName: Catalogue;
  readonly custom: readonly CustomFieldDefinition[];
}

/** Names hrgraph knows without a call: top-level properties and base attributes. */
const builtIn: Catalogue = new Map(
  [...TOP_LEVEL_KEYS, ...BASE_PROFILE_ATTRIBUTES].map((key) => [key.toLowerCase(), key]),
);

function lookupName(name: string): string {
  return name
    .trim()
    .replace(/^profile\./i, '')
    .toLowerCase();
}

const textOf = (attribute: unknown, key: string) =>
  isObject(attribute) && typeof attribute[key] === 'string' ? (attribute[key] as string) : '';

function catalogueOf(schema: OktaObject): UserSchema {
  const byName = new Map(builtIn);
  const definitions = schema.definitions as OktaObject;
  const [custom, base] = (['custom', 'base'] as const).map((part) => {
    const definition = definitions[part];
    const props =
      isObject(definition) && isObject(definition.properties) ? definition.properties : {};
    return Object.entries(props);
  }) as [[string, unknown][], [string, unknown][]];
  const properties = [...custom, ...base];
  // Names are exact handles; titles come second so they never shadow a name.
  for (const [name] of properties) byName.set(name.toLowerCase(), name);
  for (const [name, attribute] of properties) {
    const title = textOf(attribute, 'title');
    if (title && !byName.has(title.toLowerCase())) byName.set(title.toLowerCase(), name);
  }
  return {
    byName,
    custom: custom.map(([name, attribute]) => ({
      name,
      key: name,
      label: textOf(attribute, 'title') || null,
      type: textOf(attribute, 'type') || null,
    })),
  };
}

export function createOktaMetadata(
  client: OktaClient,
  { ttlMs = 300_000 }: MetadataOptions = {},
): OktaMetadata {
  const cache = new LRUCache<'schema', UserSchema, CallContext>({
    max: 1,
    ttl: ttlMs,
    fetchMethod: async function loadUserSchema(_key, _stale, { context }) {
      const reply = await client.get<OktaObject>(
        'okta.getUserSchema',
        '/api/v1/meta/schemas/user/default',
        context,
        { shape: shapes.userSchema },
      );
      return catalogueOf(reply?.body ?? { definitions: {} });
    },
  });

  const userSchema = async (ctx: CallContext) =>
    (await cache.fetch('schema', { context: ctx })) as UserSchema;

  return {
    async resolveFields(names, ctx) {
      let catalogue = builtIn;
      if (names.some((name) => !builtIn.has(lookupName(name)))) {
        catalogue = (await userSchema(ctx)).byName;
      }
      const unknown = names.filter((name) => !catalogue.has(lookupName(name)));
      if (unknown.length > 0) {
        throw badInput(
          `Unknown Okta profile attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
          { unknownFields: unknown },
        );
      }
      return names.map((name) => ({ key: catalogue.get(lookupName(name))!, requestedAs: name }));
    },
    customFields: async (ctx) => (await userSchema(ctx)).custom,
  };
}
