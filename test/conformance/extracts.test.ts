/**
 * The committed spec extracts (specs/<provider>/) are what the conformance suite checks the
 * sandboxes against, since the full specs are not in the repository. Whether an extract is
 * current needs the full spec (`npm run specs:extract -- --check`); that each one is whole and
 * usable does not: these tests check it from the extract alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import traverse from 'json-schema-traverse';
import { describe, expect, it } from 'vitest';
import { canonicalJson, HEADER_KEY } from '../../scripts/extract-spec/canonical-json.js';
import {
  extractPath,
  PROVIDER_SPECS,
  type ProviderId,
} from '../../scripts/extract-spec/providers.js';
import type { JsonObject } from '../../scripts/extract-spec/schema-structure.js';
import { loadDiscovery } from './support/discovery-schema.js';
import { loadOpenApiSpec, pointerSegment } from './support/openapi.js';
import { notInSpec, sandboxRoutes } from './support/sandbox-routes.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PROSE = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs']);

function readExtract(id: ProviderId): { text: string; document: JsonObject } {
  const text = readFileSync(extractPath(id), 'utf8');
  return { text, document: JSON.parse(text) as JsonObject };
}

/** `GET /api/v1/users/{}` for every operation of an extract, keyed as the provider entry keys it. */
function operationsOf(id: ProviderId, document: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  const shape = (template: string) => template.replace(/\{[^}]+\}/g, '{}');
  if (PROVIDER_SPECS[id].format === 'openapi') {
    for (const [template, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
      for (const method of Object.keys(item)) {
        const key = `${method.toUpperCase()} ${template}`;
        out.set(key, `${method.toUpperCase()} ${shape(template)}`);
      }
    }
    return out;
  }
  for (const method of loadDiscovery().methods.values()) {
    out.set(method.id, `${method.httpMethod} /${shape(method.path)}`);
  }
  return out;
}

/** The schema roots of an OpenAPI extract: components and every response's content and headers. */
function openApiSchemaRoots(document: JsonObject): [string, JsonObject][] {
  const roots: [string, JsonObject][] = [];
  function response(where: string, value: JsonObject): void {
    for (const [name, header] of Object.entries(
      (value.headers ?? {}) as Record<string, JsonObject>,
    )) {
      if (header.schema) roots.push([`${where}/headers/${name}`, header.schema as JsonObject]);
    }
    for (const [type, media] of Object.entries(
      (value.content ?? {}) as Record<string, JsonObject>,
    )) {
      if (media.schema) roots.push([`${where}/content/${type}`, media.schema as JsonObject]);
    }
  }
  const components = document.components as Record<string, Record<string, JsonObject>>;
  for (const [name, schema] of Object.entries(components.schemas ?? {})) {
    roots.push([`#/components/schemas/${name}`, schema]);
  }
  for (const [name, value] of Object.entries(components.responses ?? {})) {
    response(`#/components/responses/${name}`, value);
  }
  for (const [template, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
    for (const [method, operation] of Object.entries(item as Record<string, JsonObject>)) {
      const responses = operation.responses as Record<string, JsonObject>;
      for (const [status, value] of Object.entries(responses)) {
        response(`#/paths/${template}/${method}/responses/${status}`, value);
      }
    }
  }
  return roots;
}

/** Every schema object of an extract (subschemas included), with where it sits. */
function eachSchema(
  id: ProviderId,
  document: JsonObject,
  visit: (node: JsonObject, where: string) => void,
): void {
  const roots =
    PROVIDER_SPECS[id].format === 'discovery'
      ? Object.entries(document.schemas as Record<string, JsonObject>).map(
          ([name, schema]): [string, JsonObject] => [`schemas.${name}`, schema],
        )
      : openApiSchemaRoots(document);
  for (const [where, root] of roots) {
    traverse(root, { cb: (node, pointer) => visit(node as JsonObject, `${where}${pointer}`) });
  }
}

describe.each(Object.keys(PROVIDER_SPECS) as ProviderId[])('specs/%s extract', (id) => {
  const spec = PROVIDER_SPECS[id];
  const { text, document } = readExtract(id);
  const header = document[HEADER_KEY] as JsonObject;
  const operations = operationsOf(id, document);

  it('is written in its canonical form (stable key order), so regenerating it unchanged is no diff', () => {
    expect(canonicalJson(document)).toBe(text);
  });

  it('names its source: repository, path, commit, version, sha256 of the full spec, licence', () => {
    expect(header.provider).toBe(id);
    expect(header.source).toMatchObject({
      file: spec.sourceFile,
      repository: spec.origin.repository,
      path: spec.origin.path,
      commit: spec.origin.commit,
    });
    const source = header.source as JsonObject;
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source.version).toMatch(/\S/);
    expect(source.bytes).toBeGreaterThan(Buffer.byteLength(text));
    expect(header.licence).toBe(spec.origin.licence);
    expect(header.attribution).toBe(spec.origin.attribution);
    // The licence texts the attribution points to are committed beside the extracts.
    for (const file of String(header.attribution).match(/specs\/[\w./-]+\w/g) ?? []) {
      expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
    }
  });

  it('holds exactly the operations its provider entry lists as served', () => {
    expect([...operations.keys()].sort()).toEqual([...spec.served].sort());
  });

  it("every route of the provider's sandbox that the spec describes is an operation here, and every operation here is a route", () => {
    const routes = sandboxRoutes(id);
    expect([...routes.inSpec].sort()).toEqual([...new Set(operations.values())].sort());
    // The routes set aside as outside the spec are real routes, so the list cannot go stale.
    expect([...routes.outsideSpec].sort()).toEqual([...notInSpec(id)].sort());
  });

  it('every call hrgraph makes to the provider is an operation here (recorded in the header)', () => {
    expect(header.hrgraphCalls).toEqual(spec.hrgraphCalls);
    for (const key of Object.values(spec.hrgraphCalls)) expect(operations.has(key), key).toBe(true);
  });

  it('keeps structure only: no descriptions, summaries, titles, examples or x-* extensions', () => {
    const prose: string[] = [];
    eachSchema(id, document, (node, where) => {
      for (const key of Object.keys(node)) {
        if (PROSE.has(key) || key.startsWith('x-')) prose.push(`${where}: ${key}`);
      }
    });
    expect(prose).toEqual([]);
  });
});

describe.each(['bamboohr', 'okta', 'gusto', 'hibob'] as const)(
  'specs/%s extract (OpenAPI)',
  (id) => {
    it('every $ref resolves inside the extract (json-schema-ref-parser dereferences it whole)', async () => {
      const { document } = readExtract(id);
      await expect(
        $RefParser.dereference(document, { dereference: { circular: 'ignore' } }),
      ).resolves.toBeTruthy();
    });

    it("every response schema of every operation compiles under Ajv's 2020-12 build", async () => {
      const spec = await loadOpenApiSpec({ provider: id });
      let compiled = 0;
      for (const [template, item] of Object.entries(spec.document.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          for (const [status, response] of Object.entries(operation?.responses ?? {})) {
            for (const [mediaType, media] of Object.entries(response.content ?? {})) {
              if (!media.schema) continue;
              const pointer = [
                'paths',
                template,
                method,
                'responses',
                status,
                'content',
                mediaType,
              ];
              const validate = spec.validatorAt(
                `/${[...pointer, 'schema'].map(pointerSegment).join('/')}`,
              );
              expect(validate).toBeTypeOf('function');
              compiled++;
            }
          }
        }
      }
      expect(compiled).toBeGreaterThan(0);
    });
  },
);

describe('specs/google-workspace extract (Discovery)', () => {
  const { document } = readExtract('google-workspace');
  const schemas = document.schemas as JsonObject;

  it('every $ref, of a schema or of a method response, names a schema of the extract', () => {
    const dangling: string[] = [];
    for (const method of loadDiscovery().methods.values()) {
      const ref = String(method.response?.$ref);
      if (!Object.hasOwn(schemas, ref)) dangling.push(`${method.id} → ${ref}`);
    }
    eachSchema('google-workspace', document, (node, where) => {
      if (typeof node.$ref === 'string' && !Object.hasOwn(schemas, node.$ref)) {
        dangling.push(`${where} → ${node.$ref}`);
      }
    });
    expect(dangling).toEqual([]);
  });

  it('every schema, with the typed `any` fields tightened, compiles under Ajv', () => {
    const discovery = loadDiscovery();
    for (const name of Object.keys(schemas)) {
      expect(discovery.validator(name), name).toBeTypeOf('function');
    }
  });
});
