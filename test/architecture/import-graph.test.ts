/**
 * Issue 15, item 6: "the folder tree reads server → schema → loaders → providers → http with
 * nothing running up", every layer sharing src/core. Parses every import of src/** (static,
 * type-only and dynamic) with TypeScript and fails on an arrow a layer may not draw, a cycle
 * between folders, or a sandbox reachable from production code without a dynamic import.
 */
import { describe, expect, it } from 'vitest';
import { type SourceFile, sourceFiles } from './source-files.js';

const files = sourceFiles();
const byPath = new Map(files.map((file) => [file.path, file]));
const folderOf = (path: string) => path.split('/')[1]!;

/**
 * Modules reached only through a provider definition's dynamic `sandbox()`/`demo()` entries (and
 * what they share): development wiring that starts emulators, allowed to import them.
 */
const isEntryModule = (path: string) =>
  /^src\/providers\/[^/]+\/(demo|sandbox|demo-token)\.ts$/.test(path) ||
  /^src\/providers\/(entries|fresh-token|sandbox-file)\.ts$/.test(path);

/** The folders each folder may import from (itself always). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  core: [],
  http: ['core'],
  providers: ['core', 'http'],
  loaders: ['core'],
  schema: ['core', 'loaders', 'providers'],
  server: ['core', 'http', 'loaders', 'schema', 'accounts', 'providers'],
  accounts: ['core', 'http', 'providers'],
  cli: ['core', 'http', 'loaders', 'schema', 'server', 'accounts', 'providers', 'sandbox'],
  sandbox: ['core'],
};

/** The one file of src/providers the schema may read: the list behind the `Provider` enum. */
const schemaMayRead = new Set(['src/providers/registry.ts']);

function violations(file: SourceFile): string[] {
  const from = folderOf(file.path);
  const out: string[] = [];
  for (const { target, kind } of file.imports) {
    const to = folderOf(target);
    if (to === from) continue;
    if (isEntryModule(file.path) && (to === 'sandbox' || to === 'accounts')) continue;
    // A sandbox may share the contract's types, never its code.
    if (from === 'sandbox' && kind !== 'type') {
      out.push(`${file.path} → ${target}`);
      continue;
    }
    if (from === 'schema' && to === 'providers' && !schemaMayRead.has(target)) {
      out.push(`${file.path} → ${target}`);
      continue;
    }
    if (!(allowed[from] ?? []).includes(to)) out.push(`${file.path} → ${target}`);
  }
  return out;
}

describe('the layering of src/', () => {
  it('every import runs down the layers: server → schema → loaders → providers → http, all → core', () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      if (isEntryModule(file.path)) continue;
      for (const { target, kind } of file.imports) {
        const [from, to] = [folderOf(file.path), folderOf(target)];
        if (from === to || kind === 'dynamic') continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      if (trail.includes(folder)) {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(' → '));
        return;
      }
      for (const next of edges.get(folder) ?? []) visit(next, [...trail, folder]);
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });

  it('production code reaches no sandbox except through a dynamic import (serve --demo, hrgraph sandbox)', () => {
    const roots = ['src/cli/serve.ts', 'src/server/create-server.ts', 'src/providers/registry.ts'];
    const reached = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const path = pending.pop()!;
      if (reached.has(path)) continue;
      reached.add(path);
      for (const { target, kind } of byPath.get(path)?.imports ?? []) {
        if (kind === 'static') pending.push(target);
      }
    }
    expect(
      [...reached].filter((path) => folderOf(path) === 'sandbox' || isEntryModule(path)),
    ).toEqual([]);
  });
});
