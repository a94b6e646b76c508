/**
 * `GET /api/v1/meta/schemas/user/default`: the default user type's profile schema — the base
 * attributes the sandbox fills (spec `UserSchemaBaseProperties`) and the projected custom ones.
 */
import type { CustomAttribute } from './custom-attributes.js';
import type { Directory } from './directory.js';

type Attribute = Record<string, unknown>;

const BASE: ReadonlyArray<[name: string, title: string, extra?: Attribute]> = [
  ['login', 'Username', { required: true, minLength: 5, maxLength: 100 }],
  ['firstName', 'First name', { required: true, minLength: 1, maxLength: 50 }],
  ['lastName', 'Last name', { required: true, minLength: 1, maxLength: 50 }],
  ['middleName', 'Middle name'],
  ['honorificPrefix', 'Honorific prefix'],
  ['honorificSuffix', 'Honorific suffix'],
  ['email', 'Primary email', { required: true, format: 'email' }],
  ['title', 'Title'],
  ['displayName', 'Display name'],
  ['nickName', 'Nickname'],
  ['profileUrl', 'Profile Url', { format: 'uri' }],
  ['secondEmail', 'Secondary email', { format: 'email' }],
  ['mobilePhone', 'Mobile phone', { maxLength: 100 }],
  ['primaryPhone', 'Primary phone', { maxLength: 100 }],
  ['streetAddress', 'Street address'],
  ['city', 'City'],
  ['state', 'State'],
  ['zipCode', 'Zip code'],
  ['countryCode', 'Country code', { format: 'country-code' }],
  ['postalAddress', 'Postal Address'],
  ['preferredLanguage', 'Preferred language', { format: 'language-code' }],
  ['locale', 'Locale', { format: 'locale' }],
  ['timezone', 'Time zone', { format: 'timezone' }],
  ['userType', 'User type'],
  ['employeeNumber', 'Employee number'],
  ['costCenter', 'Cost center'],
  ['organization', 'Organization'],
  ['division', 'Division'],
  ['department', 'Department'],
  ['managerId', 'ManagerId'],
  ['manager', 'Manager'],
];

const COMMON: Attribute = {
  mutability: 'READ_WRITE',
  scope: 'NONE',
  permissions: [{ principal: 'SELF', action: 'READ_ONLY' }],
  master: { type: 'PROFILE_MASTER' },
};

function customDefinition(attribute: CustomAttribute): Attribute {
  const list =
    attribute.options.length > 0
      ? {
          enum: [...attribute.options],
          oneOf: attribute.options.map((option) => ({ const: option, title: option })),
        }
      : {};
  return {
    title: attribute.title,
    description: `${attribute.title} (from the HR system)`,
    type: attribute.type,
    ...list,
    ...COMMON,
    required: false,
    unique: false,
  };
}

export function userSchema(directory: Directory, origin: string): Record<string, unknown> {
  const base = Object.fromEntries(
    BASE.map(([name, title, extra]) => [name, { title, type: 'string', ...COMMON, ...extra }]),
  );
  const custom = Object.fromEntries(
    directory.customAttributes.map((attribute) => [attribute.name, customDefinition(attribute)]),
  );
  const stamp = `${directory.company.today}T00:00:00.000Z`;
  return {
    id: `${origin}/meta/schemas/user/${directory.userSchemaId}`,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: 'user',
    title: 'User',
    lastUpdated: stamp,
    created: stamp,
    definitions: {
      custom: { id: '#custom', type: 'object', properties: custom, required: [] },
      base: {
        id: '#base',
        type: 'object',
        properties: base,
        required: ['login', 'firstName', 'lastName', 'email'],
      },
    },
    type: 'object',
    properties: {
      profile: { allOf: [{ $ref: '#/definitions/custom' }, { $ref: '#/definitions/base' }] },
    },
    _links: {
      self: {
        rel: 'self',
        href: `${origin}/api/v1/meta/schemas/user/${directory.userSchemaId}`,
        method: 'GET',
      },
      type: {
        rel: 'type',
        href: `${origin}/api/v1/meta/types/user/${directory.userTypeId}`,
        method: 'GET',
      },
    },
  };
}
