/**
 * Loads a provider's OpenAPI extract (specs/<provider>/, committed with the repository), dereferences
 * it, and compiles response schemas on demand with Ajv's draft 2020-12 build, the dialect OpenAPI
 * 3.1 schemas are written in (Okta's 3.0 spec is rewritten into it by the extractor).
 */
import { readFile } from 'node:fs/promises';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { extractPath } from '../../../scripts/extract-spec/providers.js';
import type {
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  ResponseObject,
} from './openapi-types.js';

export type {
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  ResponseObject,
} from './openapi-types.js';

export type OpenApiProvider =
  | 'bamboohr'
  | 'okta'
  | 'gusto'
  | 'hibob'
  | 'microsoft-entra-id'
  | 'personio';

export interface LoadOpenApiSpecOptions {
  /** Whose extract to load. @default 'bamboohr' */
  provider?: OpenApiProvider;
}

export interface OpenApiSpec {
  readonly document: OpenApiDocument;
  operation(method: HttpMethod, pathTemplate: string): OperationObject | undefined;
  /** The response object for a status: exact code, then its `4XX`-style range, then `default`. */
  response(
    operation: OperationObject,
    status: number,
  ): { key: string; response: ResponseObject } | undefined;
  /** A compiled validator for the schema at a JSON pointer into the dereferenced document. */
  validatorAt(pointer: string): ValidateFunction;
  /** Compiles a schema written by a test (a documented local patch of the spec's schema). */
  compile(schema: AnySchemaObject): ValidateFunction;
}

const specId = 'openapi-document';

/** Escapes one JSON-pointer segment and makes it safe inside a URI fragment, as Ajv expects. */
export function pointerSegment(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}

export async function loadOpenApiSpec(options: LoadOpenApiSpecOptions = {}): Promise<OpenApiSpec> {
  const { provider = 'bamboohr' } = options;
  const specPath = extractPath(provider);
  const parsed = JSON.parse(await readFile(specPath, 'utf8')) as unknown;
  // 'ignore' leaves a circular $ref in place instead of building a cyclic object graph Ajv cannot
  // compile; the document is registered whole in Ajv below, so such a leftover `#/components/…`
  // reference still resolves against the document root.
  const document = (await $RefParser.dereference(parsed, {
    dereference: { circular: 'ignore' },
  })) as OpenApiDocument;

  const ajv = new Ajv2020({
    // OpenAPI's `xml` and `discriminator`, and the document around the schemas, fail strict mode.
    strict: false,
    allErrors: true,
    validateFormats: true,
    logger: false,
  });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
  addFormats(ajv);
  ajv.addSchema(document as unknown as AnySchemaObject, specId, undefined, false);
  const validators = new Map<string, ValidateFunction>();

  function operation(method: HttpMethod, pathTemplate: string): OperationObject | undefined {
    return document.paths[pathTemplate]?.[method];
  }

  function response(operationObject: OperationObject, status: number) {
    const responses = operationObject.responses ?? {};
    const exact = String(status);
    const range = `${exact[0]}XX`;
    for (const key of [exact, range, range.toLowerCase(), 'default']) {
      const found = responses[key];
      if (found) return { key, response: found };
    }
    return undefined;
  }

  function validatorAt(pointer: string): ValidateFunction {
    const cached = validators.get(pointer);
    if (cached) return cached;
    const compiled = ajv.getSchema(`${specId}#${pointer}`);
    if (!compiled) throw new Error(`No schema at ${pointer} in ${specPath}`);
    validators.set(pointer, compiled);
    return compiled;
  }

  function compile(schema: AnySchemaObject): ValidateFunction {
    return ajv.compile(schema);
  }

  return { document, operation, response, validatorAt, compile };
}
