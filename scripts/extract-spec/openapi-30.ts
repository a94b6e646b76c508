/**
 * OpenAPI 3.0 schema keywords in the JSON Schema 2020-12 dialect of OpenAPI 3.1, so all three
 * OpenAPI extracts read the same way (Ajv's 2020 build, a data generator). Written here rather
 * than taken from an upgrader: @scalar/openapi-upgrader turns `nullable` into a type union only,
 * which would leave a nullable enum refusing null and a nullable `$ref` not nullable at all.
 */
import { type JsonObject, OPENAPI_POLICY } from './schema-structure.js';

/**
 * - `nullable: true` with a `type` → the type plus `null` (and `null` in its `enum`);
 *   with no type (a `$ref`, an `allOf`) → `anyOf: [{type: null}, <the schema>]`;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` → the numeric form.
 */
export function upgradeSchemaKeywords(schema: JsonObject): void {
  for (const side of ['Minimum', 'Maximum'] as const) {
    const flag = schema[`exclusive${side}`];
    if (typeof flag !== 'boolean') continue;
    const boundKey = side.toLowerCase();
    const bound = schema[boundKey];
    delete schema[`exclusive${side}`];
    if (flag && typeof bound === 'number') {
      schema[`exclusive${side}`] = bound;
      delete schema[boundKey];
    }
  }
  if (typeof schema.nullable !== 'boolean') return;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (!nullable) return;
  if (typeof schema.type === 'string' && schema.$ref === undefined) {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
    return;
  }
  const inner: JsonObject = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [{ type: 'null' }, inner];
}

/** The OpenAPI policy, rewriting 3.0 keywords as each schema is left. */
export const OPENAPI_30_POLICY = { ...OPENAPI_POLICY, rewrite: upgradeSchemaKeywords };
