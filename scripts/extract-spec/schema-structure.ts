/**
 * A schema's structure without its prose. The walk is json-schema-traverse's (the one Ajv uses),
 * so property names are never mistaken for keywords: a property called `description` stays, the
 * keyword `description` goes. Every keyword met must be known as kept or dropped; an unknown one
 * stops the extraction, since silently keeping it could keep prose and silently dropping it could
 * loosen what the conformance suite checks.
 */
import traverse from 'json-schema-traverse';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface KeywordPolicy {
  /** Keywords kept as they are (their subschemas are walked when json-schema-traverse knows them). */
  readonly keep: ReadonlySet<string>;
  /** Keywords dropped: prose, examples, annotations a validator ignores. */
  readonly drop: ReadonlySet<string>;
  /** A schema after its children were walked; OAS 3.0 → 3.1 rewrites happen here. */
  readonly rewrite?: (schema: JsonObject) => void;
}

/** json-schema-traverse's keyword tables, which its type declarations leave out. */
const tables = traverse as unknown as Record<
  'keywords' | 'arrayKeywords' | 'propsKeywords' | 'skipKeywords',
  Record<string, true>
>;

/** Every keyword json-schema-traverse walks into, and the assertions it does not. */
const JSON_SCHEMA_STRUCTURE = [
  ...Object.keys(tables.keywords),
  ...Object.keys(tables.arrayKeywords),
  ...Object.keys(tables.propsKeywords),
  ...Object.keys(tables.skipKeywords).filter((keyword) => keyword !== 'default'),
  '$ref',
  'type',
  'dependentRequired',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
];

/** OpenAPI's schema dialect: JSON Schema plus `nullable` (3.0, kept by Ajv), `discriminator`, `xml`. */
export const OPENAPI_POLICY: KeywordPolicy = {
  keep: new Set([...JSON_SCHEMA_STRUCTURE, 'nullable', 'discriminator', 'xml']),
  drop: new Set([
    'title',
    'description',
    'summary',
    'example',
    'examples',
    'externalDocs',
    'default',
    'deprecated',
    '$comment',
  ]),
};

/** Google Discovery's schema dialect (a JSON Schema draft 3 relative). */
export const DISCOVERY_POLICY: KeywordPolicy = {
  keep: new Set([
    'id',
    'type',
    '$ref',
    'format',
    'enum',
    'pattern',
    'minimum',
    'maximum',
    'required',
    'repeated',
    'readOnly',
    'properties',
    'items',
    'additionalProperties',
    'location',
  ]),
  drop: new Set([
    'description',
    'enumDescriptions',
    'enumDeprecated',
    'annotations',
    'default',
    'deprecated',
  ]),
};

function isDropped(policy: KeywordPolicy, keyword: string): boolean {
  return policy.drop.has(keyword) || keyword.startsWith('x-');
}

export interface StructureResult {
  readonly schema: JsonObject;
  /** Every `$ref` value met, in the order met. */
  readonly refs: readonly string[];
}

/**
 * A copy of `schema` with only its structure, and the `$ref`s it holds (including OpenAPI
 * discriminator mappings, which name schemas too). `where` names the schema in errors.
 */
export function schemaStructure(
  schema: Json,
  policy: KeywordPolicy,
  where: string,
): StructureResult {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new Error(`${where}: a schema must be an object`);
  }
  const copy = structuredClone(schema);
  const refs: string[] = [];
  traverse(copy, {
    cb: {
      pre(node, pointer) {
        for (const keyword of Object.keys(node)) {
          if (isDropped(policy, keyword)) delete node[keyword];
          else if (!policy.keep.has(keyword)) {
            throw new Error(
              `${where}${pointer}: unknown keyword "${keyword}"; add it to the extractor's kept or dropped keywords`,
            );
          }
        }
        if (typeof node.$ref === 'string') refs.push(node.$ref);
        const mapping = (node.discriminator as JsonObject | undefined)?.mapping;
        if (mapping && typeof mapping === 'object') {
          for (const target of Object.values(mapping))
            if (typeof target === 'string') refs.push(target);
        }
      },
      post(node) {
        policy.rewrite?.(node as JsonObject);
      },
    },
  });
  return { schema: copy, refs };
}
