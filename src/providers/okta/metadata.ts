/**
 * Raw profile attributes by name, for `remoteData(fields:)` and `customFields(names:)`. Base
 * attributes and the user's top-level properties are known without asking; any other name is
 * looked up in the default user type's schema (`GET /api/v1/meta/schemas/user/default`, the
 * `userSchema` lookup), by attribute name or title, in any case, with or without a `profile.`
 * prefix.
 */
import type {
  CallContext,
  CustomFieldDefinition,
  RawFieldCatalog,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { OktaClient } from './client.js';
import { BASE_PROFILE_ATTRIBUTES, standardRawFields, TOP_LEVEL_KEYS } from './fields.js';
import { isObject, type OktaObject, shapes } from './shapes.js';

type Catalogue = ReadonlyMap<string, string>;

/** The default user type's schema, as names to attribute names and its custom attributes. */
export interface UserSchema {
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

/** The `userSchema` lookup's read. */
export async function loadUserSchema(client: OktaClient, ctx: CallContext): Promise<UserSchema> {
  const reply = await client.get<OktaObject>(
    'okta.getUserSchema',
    '/api/v1/meta/schemas/user/default',
    ctx,
    { shape: shapes.userSchema },
  );
  return catalogueOf(reply?.body ?? { definitions: {} });
}

const allBuiltIn = (names: readonly string[]) =>
  names.every((name) => builtIn.has(lookupName(name)));

export const oktaRawFields: RawFieldCatalog = {
  needs: ['userSchema'],
  // Base attributes and top-level properties resolve without the schema, so naming only those
  // costs no call.
  needsFor: (names) => (allBuiltIn(names) ? [] : ['userSchema']),
  resolve(names, lookups) {
    const catalogue = allBuiltIn(names) ? builtIn : lookups.get<UserSchema>('userSchema').byName;
    const unknown = names.filter((name) => !catalogue.has(lookupName(name)));
    if (unknown.length > 0) {
      throw badInput(
        `Unknown Okta profile attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
        { unknownFields: unknown },
      );
    }
    return names.map((name) => ({ key: catalogue.get(lookupName(name))!, requestedAs: name }));
  },
  defaults: standardRawFields,
  custom: (lookups) => lookups.get<UserSchema>('userSchema').custom,
};
