/**
 * An OpenAPI document cut down to the served operations' responses: for each, its status codes,
 * their headers and content types and the schemas behind them, and every component those
 * reference, transitively. References stay references (`#/components/…`), so a schema shared by
 * twenty operations is written once and a recursive one stays finite.
 */
import { refSegments, valueAt } from './json-pointer.js';
import { OPENAPI_30_POLICY } from './openapi-30.js';
import {
  type Json,
  type JsonObject,
  type KeywordPolicy,
  OPENAPI_POLICY,
  schemaStructure,
} from './schema-structure.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

export interface OpenApiExtract {
  readonly document: JsonObject;
  /** True when the source was OpenAPI 3.0 and its schemas were rewritten in the 3.1 dialect. */
  readonly upgraded: boolean;
  /** How many operations the source describes, for the header's "N of M". */
  readonly sourceOperations: number;
}

/** `GET /api/v1/users` → `['get', '/api/v1/users']`. */
export function parseOperationKey(key: string): [method: string, template: string] {
  const [method = '', template = ''] = key.split(' ');
  const lower = method.toLowerCase();
  if (!METHODS.has(lower) || !template.startsWith('/')) {
    throw new Error(`"${key}" is not an operation: write it as "GET /path/{param}"`);
  }
  return [lower, template];
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objectAt(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  return value;
}

/** Holds the references met so far and copies each component once. */
function createCollector(source: JsonObject, policy: KeywordPolicy) {
  const pending: string[] = [];
  const seen = new Set<string>();

  function note(refs: readonly string[]): void {
    for (const ref of refs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      pending.push(ref);
    }
  }

  function schema(value: Json | undefined, where: string): JsonObject {
    const result = schemaStructure(value ?? null, policy, where);
    note(result.refs);
    return result.schema;
  }

  function ref(value: JsonObject): JsonObject | null {
    if (typeof value.$ref !== 'string') return null;
    note([value.$ref]);
    return { $ref: value.$ref };
  }

  function header(value: Json | undefined, where: string): JsonObject {
    const object = objectAt(value, where);
    const reference = ref(object);
    if (reference) return reference;
    const out: JsonObject = {};
    for (const key of ['required', 'style', 'explode'] as const) {
      if (object[key] !== undefined) out[key] = object[key];
    }
    if (object.schema !== undefined) out.schema = schema(object.schema, `${where}/schema`);
    return out;
  }

  function content(value: Json | undefined, where: string): JsonObject {
    const out: JsonObject = {};
    for (const [mediaType, media] of Object.entries(objectAt(value, where))) {
      const object = objectAt(media, `${where}/${mediaType}`);
      out[mediaType] =
        object.schema === undefined
          ? {}
          : { schema: schema(object.schema, `${where}/${mediaType}/schema`) };
    }
    return out;
  }

  /** OpenAPI requires a response description; an empty one keeps the extract a valid document. */
  function response(value: Json | undefined, where: string): JsonObject {
    const object = objectAt(value, where);
    const reference = ref(object);
    if (reference) return reference;
    const out: JsonObject = { description: '' };
    if (object.headers !== undefined) {
      const headers: JsonObject = {};
      for (const [name, item] of Object.entries(objectAt(object.headers, `${where}/headers`))) {
        headers[name] = header(item, `${where}/headers/${name}`);
      }
      out.headers = headers;
    }
    if (object.content !== undefined) out.content = content(object.content, `${where}/content`);
    return out;
  }

  const copiers: Record<string, (value: Json | undefined, where: string) => JsonObject> = {
    schemas: schema,
    responses: response,
    headers: header,
  };

  /** Copies every component referenced so far, and those they reference, until none is left. */
  function components(): JsonObject {
    const out: Record<string, JsonObject> = {};
    for (let ref = pending.shift(); ref !== undefined; ref = pending.shift()) {
      const segments = refSegments(ref);
      const [root, kind = '', name = ''] = segments;
      if (root !== 'components' || segments.length < 3) {
        throw new Error(
          `$ref ${ref} points outside components; the extractor copies components only`,
        );
      }
      if (valueAt(source, segments) === undefined) throw new Error(`Dangling $ref ${ref}`);
      const copy = copiers[kind];
      if (!copy) throw new Error(`$ref ${ref}: components/${kind} is not copied by the extractor`);
      out[kind] ??= {};
      const bucket = out[kind] as JsonObject;
      if (bucket[name] !== undefined) continue;
      const sourceKind = objectAt(source.components, '#/components')[kind];
      bucket[name] = copy(objectAt(sourceKind, `#/components/${kind}`)[name], ref);
    }
    return out;
  }

  return { response, components };
}

function countOperations(paths: JsonObject): number {
  let count = 0;
  for (const item of Object.values(paths)) {
    if (isObject(item)) count += Object.keys(item).filter((key) => METHODS.has(key)).length;
  }
  return count;
}

/** The served operations of `source` with their responses, and the components they need. */
export function extractOpenApi(source: JsonObject, served: readonly string[]): OpenApiExtract {
  const version = String(source.openapi ?? '');
  if (!/^3\.[01]\./.test(version)) throw new Error(`Not an OpenAPI 3.0/3.1 document: ${version}`);
  const upgraded = version.startsWith('3.0.');
  const collector = createCollector(source, upgraded ? OPENAPI_30_POLICY : OPENAPI_POLICY);
  const sourcePaths = objectAt(source.paths, '#/paths');
  const paths: Record<string, JsonObject> = {};
  for (const key of served) {
    const [method, template] = parseOperationKey(key);
    const operation = valueAt(sourcePaths, [template, method]);
    if (!isObject(operation)) throw new Error(`The spec has no operation ${key}`);
    const where = `#/paths/${template}/${method}`;
    const responses: JsonObject = {};
    for (const [status, item] of Object.entries(
      objectAt(operation.responses, `${where}/responses`),
    )) {
      responses[status] = collector.response(item, `${where}/responses/${status}`);
    }
    paths[template] ??= {};
    (paths[template] as JsonObject)[method] = {
      ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
      responses,
    };
  }
  const info = objectAt(source.info, '#/info');
  const keptInfo: JsonObject = {};
  for (const key of ['title', 'version', 'license', 'termsOfService'] as const) {
    if (info[key] !== undefined) keptInfo[key] = info[key];
  }
  const document: JsonObject = {
    openapi: upgraded ? '3.1.0' : version,
    info: keptInfo,
    paths,
    components: collector.components(),
  };
  return { document, upgraded, sourceOperations: countOperations(sourcePaths) };
}
