/** One provider's full spec text in, its extract (canonical JSON text) out. */
import { parse } from 'yaml';
import { canonicalJson, HEADER_KEY } from './canonical-json.js';
import { extractDiscovery } from './discovery-extract.js';
import { extractOpenApi, parseOperationKey } from './openapi-extract.js';
import { checkOrigin, extractHeader, type SourceFacts, sha256Of } from './provenance.js';
import type { ProviderSpec } from './providers.js';
import type { JsonObject } from './schema-structure.js';

const DROPPED_PROSE =
  'dropped descriptions, summaries, titles, examples, defaults, deprecation flags, external docs and x-* extensions';

/** Parses the spec text, repaired first where the provider's entry says so. */
function parseSource(spec: ProviderSpec, text: string): { document: JsonObject; notes: string[] } {
  if (spec.format === 'discovery') return { document: JSON.parse(text) as JsonObject, notes: [] };
  if (!spec.repair) return { document: parse(text) as JsonObject, notes: [] };
  const repaired = spec.repair(text);
  return { document: parse(repaired.text) as JsonObject, notes: [repaired.note] };
}

function openApiExtract(spec: ProviderSpec, source: JsonObject, notes: string[]) {
  const result = extractOpenApi(source, spec.served);
  const info = source.info as JsonObject;
  const facts = { format: `OpenAPI ${source.openapi}`, version: String(info.version) };
  const changes = [
    ...notes,
    `kept the ${spec.served.length} of ${result.sourceOperations} operations the sandbox serves, each with its operationId and responses (status codes, headers, content types, schemas), and the components they reference, transitively`,
    'dropped request parameters, request bodies, security, tags and servers: the conformance suite checks responses',
    `${DROPPED_PROSE}; response descriptions are empty strings, as OpenAPI requires one`,
  ];
  if (result.upgraded) {
    changes.push(
      'rewritten from OpenAPI 3.0 to the JSON Schema dialect of 3.1: nullable → a type union with null (and null in the enum), or anyOf [null, schema] where there is no type; boolean exclusiveMinimum/exclusiveMaximum → numeric',
    );
  }
  return { document: result.document, facts, changes };
}

function discoveryExtract(spec: ProviderSpec, source: JsonObject) {
  const result = extractDiscovery(source, spec.served, spec.extraSchemas);
  const facts = {
    format: `Google Discovery ${source.discoveryVersion}`,
    version: `${source.version} revision ${source.revision}`,
  };
  const changes = [
    `kept the ${spec.served.length} of ${result.sourceOperations} methods the sandbox serves (path, HTTP method, parameters, response schema), the global parameters, and the schemas they reference, transitively`,
    ...(spec.extraSchemas?.length
      ? [
          `also kept ${spec.extraSchemas.join(', ')}: schemas the REST reference gives fields the document types "any"`,
        ]
      : []),
    `dropped auth scopes and documentation links; ${DROPPED_PROSE}, enum descriptions and field annotations`,
  ];
  return { document: result.document, facts, changes };
}

/**
 * The extract of `sourceText` (the full spec) for `spec`, checked against `originText` (the
 * ORIGIN.md beside it), as the exact text to commit.
 */
export function extractSpec(
  spec: ProviderSpec,
  sourceText: string,
  originText: string | null,
): string {
  const sha256 = sha256Of(sourceText);
  checkOrigin(spec, originText, sha256);
  for (const [name, key] of Object.entries(spec.hrgraphCalls)) {
    if (!spec.served.includes(key)) {
      throw new Error(
        `${spec.id}: hrgraph's ${name} calls ${key}, which the sandbox does not serve`,
      );
    }
  }
  if (spec.format === 'openapi') spec.served.forEach(parseOperationKey);
  const { document: source, notes } = parseSource(spec, sourceText);
  const made =
    spec.format === 'openapi'
      ? openApiExtract(spec, source, notes)
      : discoveryExtract(spec, source);
  const facts: SourceFacts = { sha256, bytes: Buffer.byteLength(sourceText), ...made.facts };
  return canonicalJson({
    [HEADER_KEY]: extractHeader(spec, facts, made.changes),
    ...made.document,
  });
}
