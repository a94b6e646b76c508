/**
 * The Okta Management spec (OAS 3.0.3, 3.5 MB YAML, 485 paths) cut down to the operations the
 * sandbox serves and turned into the JSON Schema dialect `openapi.ts` compiles with Ajv 2020:
 * OAS 3.0's `nullable: true` becomes a `null` type (or an `anyOf` with one), boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers. Everything the served operations
 * reference is kept as written; `example(s)` are dropped (never validated, and they pull in
 * hundreds of example components). The result is cached as JSON keyed by the spec's sha256, so
 * only the first run pays for the YAML parse (about 3 s).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { type Conformance, loadConformance } from './conformance.js';
import { repoRoot } from './openapi.js';

export const oktaSpecPath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'specs',
  'okta',
  'management-minimal.yaml',
);

/** The path templates the Okta sandbox serves (GET only). */
export const OKTA_SERVED_PATHS = [
  '/api/v1/users',
  '/api/v1/users/{id}',
  '/api/v1/users/{id}/groups',
  '/api/v1/groups',
  '/api/v1/groups/{groupId}',
  '/api/v1/groups/{groupId}/users',
  '/api/v1/meta/schemas/user/{schemaId}',
  '/api/v1/org',
  '/.well-known/okta-organization',
] as const;

const CONVERTER_VERSION = 1;
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'hrgraph-conformance');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Copies a node without examples, converting OAS 3.0 keywords, and notes every local $ref. */
function convert(node: Json, refs: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => convert(item, refs));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') refs.add(value);
    out[key] = convert(value, refs);
  }
  for (const side of ['Minimum', 'Maximum'] as const) {
    const flag = out[`exclusive${side}`];
    if (typeof flag !== 'boolean') continue;
    const bound = out[side.toLowerCase()];
    delete out[`exclusive${side}`];
    if (flag && typeof bound === 'number') {
      out[`exclusive${side}`] = bound;
      delete out[side.toLowerCase()];
    }
  }
  if (typeof out.nullable !== 'boolean') return out;
  const nullable = out.nullable;
  delete out.nullable;
  if (!nullable) return out;
  if (typeof out.type === 'string' && out.$ref === undefined) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

function subset(document: { [key: string]: Json }): { [key: string]: Json } {
  const refs = new Set<string>();
  const paths: { [key: string]: Json } = {};
  const allPaths = document.paths as { [key: string]: { [key: string]: Json } };
  for (const template of OKTA_SERVED_PATHS) {
    const item = allPaths[template];
    if (!item) throw new Error(`The Okta spec has no path ${template}`);
    const kept: { [key: string]: Json } = { get: item.get ?? null };
    if (item.parameters) kept.parameters = item.parameters;
    paths[template] = convert(kept, refs);
  }
  const components: { [kind: string]: { [name: string]: Json } } = {};
  const all = document.components as { [kind: string]: { [name: string]: Json } };
  const done = new Set<string>();
  while (refs.size > done.size) {
    for (const ref of [...refs]) {
      if (done.has(ref)) continue;
      done.add(ref);
      const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
      if (!kind || !name) throw new Error(`Unexpected $ref ${ref}`);
      const target = all[kind]?.[name.replaceAll('~1', '/').replaceAll('~0', '~')];
      if (target === undefined) throw new Error(`Dangling $ref ${ref}`);
      components[kind] ??= {};
      (components[kind] as { [name: string]: Json })[name] = convert(target, refs);
    }
  }
  return { openapi: document.openapi as Json, info: document.info as Json, paths, components };
}

/** Writes (once per spec version) the served subset as JSON and returns its path. */
export async function oktaSubsetPath(): Promise<string> {
  const text = await readFile(oktaSpecPath, 'utf8');
  const key = createHash('sha256')
    .update(text)
    .update(JSON.stringify([OKTA_SERVED_PATHS, CONVERTER_VERSION]))
    .digest('hex');
  const file = path.join(cacheDir, `okta-subset-${key}.json`);
  try {
    await readFile(file);
    return file;
  } catch {
    const document = parse(text) as { [key: string]: Json };
    await mkdir(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(subset(document)));
    await rename(partial, file);
    return file;
  }
}

/** The conformance checker bound to the Okta subset; one call per test file. */
export async function loadOktaConformance(): Promise<Conformance> {
  return loadConformance({ specPath: await oktaSubsetPath() });
}
