/**
 * The READMEs' code that is not a shell command, each checked for what it claims:
 *
 * - `yaml` whose first line names a file (`# accounts.yaml`): written where the commands run, as
 *   a reader saves it; a Rover `supergraph.yaml` is also composed as Rover would, from its files
 *   and the running subgraphs, at the federation version it names;
 * - `graphql` operations (and inline code that is one, two levels deep or more): sent to the
 *   GraphQL server the file started last, answered with data and no error; schema definitions
 *   must parse and key their entities as hrgraph does;
 * - `ts` excerpts: every function they call is one the examples define or import;
 * - blocks with no language: a layout (each path exists), or the `error: …` line an example
 *   prints when a subgraph is down (the example prints exactly that).
 *
 * Any other block fails the test, naming it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { type DocumentNode, Kind, parse, validate } from 'graphql';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exampleEndpoints } from '../../../examples/common/endpoints.js';
import { composeSupergraph } from '../../../examples/gateway/compose-supergraph.js';
import { readSubgraphSdl } from '../../../examples/gateway/subgraph-sdl.js';
import { schema } from '../../../src/schema/index.js';
import type { DocSession } from './doc-session.js';
import type { DocCode } from './markdown.js';
import { askGraphQL, expectData } from './probes.js';
import { freePort } from './processes.js';

/** The file a yaml block is, from its first line: `# accounts.yaml`. */
export function yamlFileName(block: DocCode): string | undefined {
  return /^#\s*([\w.-]+\.ya?ml)\s*$/m.exec(block.text.split('\n')[0] ?? '')?.[1];
}

/** Inline code a reader would paste into GraphiQL: an operation two or more levels deep. */
export function inlineOperation(text: string): DocumentNode | undefined {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  const operation = document.definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return undefined;
  return operation.selectionSet.selections.some(
    (field) => field.kind === Kind.FIELD && field.selectionSet,
  )
    ? document
    : undefined;
}

export async function checkYaml(block: DocCode, session: DocSession): Promise<void> {
  const name = yamlFileName(block);
  if (!name) throw new Error('a yaml block starts with a comment naming its file: # accounts.yaml');
  const text = await session.rewritePorts(block.text);
  writeFileSync(join(session.cwd, name), text);
  if (name === 'supergraph.yaml') await composeLikeRover(text, session);
}

interface RoverConfig {
  federation_version: string;
  subgraphs: Record<
    string,
    { routing_url: string; schema: { file?: string; subgraph_url?: string } }
  >;
}

async function composeLikeRover(text: string, session: DocSession): Promise<void> {
  const config = parseYaml(text) as RoverConfig;
  const installed = JSON.parse(
    readFileSync(join(session.root, 'node_modules/@apollo/composition/package.json'), 'utf8'),
  ).version;
  expect(config.federation_version, 'the federation version Rover is asked for').toBe(
    `=${installed}`,
  );
  const services = await Promise.all(
    Object.entries(config.subgraphs).map(async ([name, subgraph]) => ({
      name,
      url: subgraph.routing_url,
      typeDefs: subgraph.schema.file
        ? parse(readFileSync(join(session.cwd, subgraph.schema.file), 'utf8'))
        : await readSubgraphSdl({
            name,
            url: subgraph.schema.subgraph_url ?? '',
            urlVariable: '',
            start: '',
          }),
    })),
  );
  const composed = composeServices(services);
  expect(composed.errors ?? []).toEqual([]);
}

export async function checkGraphQL(document: DocumentNode, text: string, session: DocSession) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return checkSubgraphSdl(document, session.root);
  const target = session.graphql;
  if (!target) {
    // Nothing running to ask: the schema decides.
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    return;
  }
  expectData(await askGraphQL(target.url, text), `the query, asked of ${target.kind}`);
}

/** `Type → key fields` of every entity a schema document declares. */
function entityKeys(document: DocumentNode): Map<string, string> {
  const keys = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      keys.set(definition.name.value, fields?.kind === Kind.STRING ? fields.value : '');
    }
  }
  return keys;
}

/** A subgraph's own SDL: keys the entities it shares with hrgraph as hrgraph keys them. */
function checkSubgraphSdl(document: DocumentNode, root: string): void {
  const hrgraph = entityKeys(parse(readFileSync(join(root, 'schema.graphql'), 'utf8')));
  for (const [type, fields] of entityKeys(document)) {
    expect(hrgraph.get(type), `${type}'s key`).toBe(fields);
  }
}

const keywords = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'function',
  'return',
  'await',
  'async',
]);

function exampleSources(dir: string): string {
  return readdirSync(dir)
    .map((entry) => join(dir, entry))
    .map((path) =>
      statSync(path).isDirectory()
        ? exampleSources(path)
        : path.endsWith('.ts')
          ? readFileSync(path, 'utf8')
          : '',
    )
    .join('\n');
}

export function checkTypeScript(block: DocCode, root: string): void {
  const code = block.text.replace(/\/\/.*$/gm, '');
  const declared = new Set(
    [
      ...code.matchAll(/(?:const|let|function|class)\s+([A-Za-z_$][\w$]*)|import\s*\{([^}]*)\}/g),
    ].flatMap((m) => (m[1] ? [m[1]] : (m[2] ?? '').split(',').map((n) => n.trim()))),
  );
  const examples = exampleSources(join(root, 'examples'));
  const called = [...code.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\s*\(/g)]
    .map((m) => m[1]!)
    .filter((name) => !keywords.has(name) && !declared.has(name));
  for (const name of new Set(called)) {
    const known = new RegExp(
      `export (?:async )?(?:function|const|class) ${name}\\b|import \\{[^}]*\\b${name}\\b[^}]*\\}`,
    );
    expect(known.test(examples), `${name}, called in the excerpt, is in examples/`).toBe(true);
  }
}

export async function checkUnlabelled(block: DocCode, session: DocSession): Promise<void> {
  const lines = block.text.split('\n').filter((line) => line.trim());
  if (lines.every((line) => line.startsWith('error: '))) return checkErrorLines(lines, session);
  for (const line of lines.filter((l) => !/^\s/.test(l))) {
    const path = line.split(/\s+/)[0] ?? '';
    expect(() => statSync(join(session.root, path)), `the layout names ${path}`).not.toThrow();
  }
}

/** `error: inventory at URL: …`: what composing prints with that subgraph down, word for word. */
async function checkErrorLines(lines: string[], session: DocSession): Promise<void> {
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  const down = new Map<string, string>();
  for (const line of lines) {
    const [, name, url] = /^error: (\w+) at (\S+):/.exec(line) ?? [];
    if (name && url) down.set(name, url);
  }
  const env: Record<string, string> = {};
  for (const endpoint of Object.values(exampleEndpoints({}))) {
    env[endpoint.urlVariable] = down.has(endpoint.name)
      ? closed
      : await session.rewritePorts(endpoint.url);
  }
  const { messages } = await composeSupergraph(Object.values(exampleEndpoints(env)));
  const shown = messages.map((message) => {
    const name = /^error: (\w+) at /.exec(message)?.[1] ?? '';
    return message.replaceAll(closed, down.get(name) ?? closed);
  });
  expect(shown).toEqual(lines);
}

/**
 * A path the text names (inline code or a link) when its first segment is an entry of the
 * repository or of the file's folder, or it climbs out (`../`): undefined for anything else
 * (`/graphql`, `application/json`, a URL).
 */
export function namedPath(code: DocCode, root: string): string | undefined {
  const text = code.text.replace(/#.*$/, '');
  if (!/^[\w.-]+(\/[\w.-]*)*$/.test(text) || !text.includes('/')) return undefined;
  const first = text.split('/')[0]!;
  if (first === '..') return text;
  const folder = join(root, dirname(code.file));
  return existsSync(join(root, first)) || existsSync(join(folder, first)) ? text : undefined;
}

/** It exists, in the repository (a clone has nothing beside it), from the root or the file. */
export function checkPath(code: DocCode, path: string, root: string): void {
  const candidates = [resolve(root, path), resolve(root, dirname(code.file), path)];
  const inside = candidates.filter((c) => c.startsWith(`${root.replace(/\/$/, '')}/`));
  expect(inside, `${path} stays inside the repository`).not.toEqual([]);
  expect(
    inside.some((c) => existsSync(c)),
    `${path} exists`,
  ).toBe(true);
}
