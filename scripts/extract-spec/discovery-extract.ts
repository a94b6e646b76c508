/**
 * A Google Discovery document cut down to the served methods: each with its path, HTTP method,
 * parameters (the conformance suite checks a request's query against them) and response
 * schema; the document's global parameters; and every schema those reference, transitively.
 * Discovery `$ref`s name a schema id, and stay so.
 */
import {
  DISCOVERY_POLICY,
  type Json,
  type JsonObject,
  schemaStructure,
} from './schema-structure.js';

const TOP_LEVEL = [
  'discoveryVersion',
  'kind',
  'id',
  'name',
  'version',
  'revision',
  'rootUrl',
  'servicePath',
  'baseUrl',
  'basePath',
  'protocol',
] as const;

const METHOD_FIELDS = ['id', 'path', 'flatPath', 'httpMethod', 'parameterOrder'] as const;

export interface DiscoveryExtract {
  readonly document: JsonObject;
  readonly sourceOperations: number;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface FoundMethod {
  /** Resource names from the root: `['users']`, `['groups', 'aliases']`. */
  readonly resources: readonly string[];
  readonly name: string;
  readonly method: JsonObject;
}

function collectMethods(resources: Json | undefined, trail: string[], into: FoundMethod[]): void {
  if (!isObject(resources)) return;
  for (const [resourceName, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const here = [...trail, resourceName];
    if (isObject(resource.methods)) {
      for (const [name, method] of Object.entries(resource.methods)) {
        if (isObject(method)) into.push({ resources: here, name, method });
      }
    }
    collectMethods(resource.resources, here, into);
  }
}

function parameters(value: Json | undefined, where: string, refs: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [name, parameter] of Object.entries(isObject(value) ? value : {})) {
    const result = schemaStructure(parameter, DISCOVERY_POLICY, `${where}/${name}`);
    refs.push(...result.refs);
    out[name] = result.schema;
  }
  return out;
}

/** Puts `method` under resources.<a>.resources.<b>.methods.<name>, creating the levels. */
function place(resources: JsonObject, found: FoundMethod, method: JsonObject): void {
  let level: JsonObject = { resources };
  for (const name of found.resources) {
    level.resources ??= {};
    const children = level.resources as JsonObject;
    children[name] ??= {};
    level = children[name] as JsonObject;
  }
  level.methods ??= {};
  (level.methods as JsonObject)[found.name] = method;
}

/** The served methods (by id) of a Discovery document and what they reference. */
export function extractDiscovery(
  source: JsonObject,
  served: readonly string[],
  extraSchemas: readonly string[] = [],
): DiscoveryExtract {
  if (source.kind !== 'discovery#restDescription') throw new Error('Not a Discovery document');
  const all: FoundMethod[] = [];
  collectMethods(source.resources, [], all);
  const byId = new Map(all.map((found) => [String(found.method.id), found]));
  const refs: string[] = [...extraSchemas];
  const resources: JsonObject = {};
  for (const id of served) {
    const found = byId.get(id);
    if (!found) throw new Error(`The Discovery document has no method ${id}`);
    const where = `resources.${found.resources.join('.')}.methods.${found.name}`;
    const method: JsonObject = {};
    for (const key of METHOD_FIELDS) {
      if (found.method[key] !== undefined) method[key] = found.method[key];
    }
    method.parameters = parameters(found.method.parameters, `${where}.parameters`, refs);
    for (const key of ['request', 'response'] as const) {
      const body = found.method[key];
      if (isObject(body) && typeof body.$ref === 'string') {
        refs.push(body.$ref);
        method[key] = { $ref: body.$ref };
      }
    }
    place(resources, found, method);
  }
  const document: JsonObject = {};
  for (const key of TOP_LEVEL) if (source[key] !== undefined) document[key] = source[key];
  document.parameters = parameters(source.parameters, 'parameters', refs);
  document.resources = resources;
  document.schemas = schemaClosure(source.schemas, refs);
  return { document, sourceOperations: all.length };
}

function schemaClosure(sourceSchemas: Json | undefined, roots: readonly string[]): JsonObject {
  const schemas = isObject(sourceSchemas) ? sourceSchemas : {};
  const out: JsonObject = {};
  const pending = [...roots];
  for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
    if (out[id] !== undefined) continue;
    if (!Object.hasOwn(schemas, id)) throw new Error(`Dangling $ref ${id}`);
    const result = schemaStructure(schemas[id] ?? null, DISCOVERY_POLICY, `schemas.${id}`);
    out[id] = result.schema;
    pending.push(...result.refs);
  }
  return out;
}
