/**
 * A Google Discovery document (the Directory API's extract by default) as JSON Schema for Ajv.
 * Discovery `schemas` are not JSON Schema: `type: "any"`, `$ref` by bare schema id, int64
 * carried as a decimal string, `format` values like `google-datetime`, and no
 * `additionalProperties: false`. The walk maps them:
 * - `$ref: X` → `#/$defs/X`; `any` → `{}`; int64/uint64 → string of digits;
 *   date-time/google-datetime → `format: date-time`; `date` → `format: date`; int32 → integer in
 *   the int32 range; `enum` kept;
 * - an object without `additionalProperties` is closed (`false`): Google serialises exactly the
 *   declared properties, and a typo in the sandbox must fail;
 * - `typedAny` tightens a property the document types `any` to the schema its description and
 *   the REST reference name (`User.organizations` → array of `UserOrganization`).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { extractPath } from '../../../scripts/extract-spec/providers.js';

export interface DiscoveryParameter {
  type: string;
  location: 'query' | 'path';
  required?: boolean;
  enum?: string[];
  minimum?: string;
  maximum?: string;
  format?: string;
  default?: string;
}

export interface DiscoveryMethod {
  id: string;
  path: string;
  httpMethod: string;
  parameters?: Record<string, DiscoveryParameter>;
  response?: { $ref: string };
  scopes?: string[];
}

interface DiscoveryResource {
  methods?: Record<string, DiscoveryMethod>;
  resources?: Record<string, DiscoveryResource>;
}

interface DiscoverySchema {
  type?: string;
  $ref?: string;
  format?: string;
  enum?: string[];
  properties?: Record<string, DiscoverySchema>;
  items?: DiscoverySchema;
  additionalProperties?: DiscoverySchema;
}

export interface DiscoveryDocument {
  readonly parameters: Record<string, DiscoveryParameter>;
  readonly schemas: Record<string, DiscoverySchema>;
  /** Methods by id: `directory.users.list`. */
  readonly methods: ReadonlyMap<string, DiscoveryMethod>;
  /** A validator for a schema id, compiled once per id. */
  validator(ref: string): ValidateFunction;
  /** A validator for a JSON Schema of the caller's, with the document's `$defs` in reach. */
  compile(schema: AnySchemaObject): ValidateFunction;
}

/** The Directory API's extract, committed with the repository. */
export const DEFAULT_DISCOVERY_PATH = extractPath('google-workspace');

/** `Schema.property` → the JSON Schema it is tightened to. */
export type TypedAny = Record<string, AnySchemaObject>;

const arrayOf = (ref: string) => ({ type: 'array', items: { $ref: `#/$defs/${ref}` } });

/** The User fields the Discovery document types `any`, as the REST reference types them. */
export const DIRECTORY_TYPED_ANY: TypedAny = {
  'User.organizations': arrayOf('UserOrganization'),
  'User.relations': arrayOf('UserRelation'),
  'User.externalIds': arrayOf('UserExternalId'),
  'User.phones': arrayOf('UserPhone'),
  'User.addresses': arrayOf('UserAddress'),
  'User.emails': arrayOf('UserEmail'),
  'User.gender': { $ref: '#/$defs/UserGender' },
};

export function convertSchema(schema: DiscoverySchema): AnySchemaObject {
  if (schema.$ref) return { $ref: `#/$defs/${schema.$ref}` };
  const out: AnySchemaObject = {};
  switch (schema.type) {
    case 'any':
    case undefined:
      break;
    case 'string':
      out.type = 'string';
      if (schema.format === 'int64' || schema.format === 'uint64') out.pattern = '^-?\\d+$';
      else if (schema.format === 'date-time' || schema.format === 'google-datetime') {
        out.format = 'date-time';
      } else if (schema.format === 'date') out.format = 'date';
      break;
    case 'integer':
      out.type = 'integer';
      if (schema.format === 'int32')
        Object.assign(out, { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 });
      if (schema.format === 'uint32') Object.assign(out, { minimum: 0, maximum: 2 ** 32 - 1 });
      break;
    case 'array':
      out.type = 'array';
      if (schema.items) out.items = convertSchema(schema.items);
      break;
    case 'object': {
      out.type = 'object';
      const properties: Record<string, AnySchemaObject> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        properties[name] = convertSchema(property);
      }
      out.properties = properties;
      out.additionalProperties = schema.additionalProperties
        ? convertSchema(schema.additionalProperties)
        : false;
      break;
    }
    default:
      out.type = schema.type;
  }
  if (schema.enum) out.enum = schema.enum;
  return out;
}

function collectMethods(
  resources: Record<string, DiscoveryResource>,
  into: Map<string, DiscoveryMethod>,
): void {
  for (const resource of Object.values(resources)) {
    for (const method of Object.values(resource.methods ?? {})) into.set(method.id, method);
    if (resource.resources) collectMethods(resource.resources, into);
  }
}

export interface LoadDiscoveryOptions {
  /** @default DEFAULT_DISCOVERY_PATH */
  path?: string;
  /** @default DIRECTORY_TYPED_ANY */
  typedAny?: TypedAny;
}

/** Reads and converts the document (a few milliseconds); call once per test file. */
export function loadDiscovery(options: LoadDiscoveryOptions = {}): DiscoveryDocument {
  const { path = DEFAULT_DISCOVERY_PATH, typedAny = DIRECTORY_TYPED_ANY } = options;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as {
    parameters: Record<string, DiscoveryParameter>;
    schemas: Record<string, DiscoverySchema>;
    resources: Record<string, DiscoveryResource>;
  };
  const defs: Record<string, AnySchemaObject> = {};
  for (const [id, schema] of Object.entries(raw.schemas)) defs[id] = convertSchema(schema);
  for (const [where, schema] of Object.entries(typedAny)) {
    const [id = '', property = ''] = where.split('.');
    const properties = defs[id]?.properties as Record<string, AnySchemaObject> | undefined;
    if (!properties?.[property]) throw new Error(`typedAny: ${where} is not in the document`);
    properties[property] = schema;
  }
  const methods = new Map<string, DiscoveryMethod>();
  collectMethods(raw.resources, methods);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
  addFormats(ajv);
  ajv.addSchema({ $id: 'discovery', $defs: defs });
  const compiled = new Map<string, ValidateFunction>();
  function compile(schema: AnySchemaObject): ValidateFunction {
    const text = JSON.stringify(schema).replaceAll('"#/$defs/', '"discovery#/$defs/');
    return ajv.compile(JSON.parse(text) as AnySchemaObject);
  }
  return {
    parameters: raw.parameters,
    schemas: raw.schemas,
    methods,
    compile,
    validator(ref) {
      let validate = compiled.get(ref);
      if (!validate) {
        if (!defs[ref]) throw new Error(`The Discovery document has no schema ${ref}`);
        validate = ajv.getSchema(`discovery#/$defs/${ref}`);
        if (!validate) throw new Error(`Ajv could not compile ${ref}`);
        compiled.set(ref, validate);
      }
      return validate;
    },
  };
}
