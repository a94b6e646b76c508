/**
 * Loads an OpenAPI 3.1 document once, dereferences it, and compiles response schemas on demand
 * with Ajv's draft 2020-12 build, which is the dialect OpenAPI 3.1 schemas are written in.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
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

/** The repository root: this file sits at test/conformance/support/. */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);

/**
 * The official spec lives beside the repository, never inside it: CI clones the repo and places a
 * copy of `shared/` next to it, so the path is resolved from the repo root, not from the cwd.
 */
export const bambooHrSpecPath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'specs',
  'bamboohr',
  'public-openapi.yaml',
);

export interface LoadOpenApiSpecOptions {
  /** @default bambooHrSpecPath */
  specPath?: string;
  /**
   * Where the parsed YAML is kept as JSON, keyed by the spec's sha256; null turns it off.
   * @default node_modules/.cache/hrgraph-conformance under the repo root
   */
  cacheDir?: string | null;
}

export interface OpenApiSpec {
  readonly document: OpenApiDocument;
  /** How long reading, parsing and dereferencing took, for the suite's own budget check. */
  readonly loadMillis: number;
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
const defaultCacheDir = path.join(repoRoot, 'node_modules', '.cache', 'hrgraph-conformance');

/**
 * Parsing the 690 kB YAML takes most of a second and every test file does it; JSON of the same
 * document parses in milliseconds. The cache is keyed by content, so an edited spec never reads
 * a stale copy; it is written via rename so parallel workers never see half a file.
 */
async function parseSpec(specPath: string, cacheDir: string | null): Promise<unknown> {
  const text = await readFile(specPath, 'utf8');
  if (cacheDir === null) return parse(text);
  const cached = path.join(cacheDir, `${createHash('sha256').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(await readFile(cached, 'utf8')) as unknown;
  } catch {
    const parsed: unknown = parse(text);
    try {
      await mkdir(cacheDir, { recursive: true });
      const partial = `${cached}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify(parsed));
      await rename(partial, cached);
    } catch {
      // A read-only checkout only loses the speed-up.
    }
    return parsed;
  }
}

/** Escapes one JSON-pointer segment and makes it safe inside a URI fragment, as Ajv expects. */
export function pointerSegment(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}

export async function loadOpenApiSpec(options: LoadOpenApiSpecOptions = {}): Promise<OpenApiSpec> {
  const { specPath = bambooHrSpecPath, cacheDir = defaultCacheDir } = options;
  const started = performance.now();
  const parsed = await parseSpec(specPath, cacheDir);
  // 'ignore' leaves a circular $ref in place instead of building a cyclic object graph Ajv cannot
  // compile; the document is registered whole in Ajv below, so such a leftover `#/components/…`
  // reference still resolves against the document root.
  const document = (await $RefParser.dereference(parsed, {
    dereference: { circular: 'ignore' },
  })) as OpenApiDocument;
  const loadMillis = performance.now() - started;

  const ajv = new Ajv2020({
    // OpenAPI adds `example`, `xml`, `externalDocs`, `discriminator`; strict mode would reject them.
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

  return { document, loadMillis, operation, response, validatorAt, compile };
}
