/**
 * The Gusto spec for the conformance suite. The copy in shared/specs is the YAML Speakeasy logged,
 * and 18 of its single-quoted descriptions close with a `'` at column 0, which YAML 1.2 forbids
 * (the `yaml` package rejects the file; Go's yaml.v3, which wrote it, accepts it). The loader
 * indents those closing lines, changing no value, writes the result once beside the other
 * conformance caches (keyed by the original's sha256) and hands it to `loadConformance`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Conformance, loadConformance } from './conformance.js';
import { repoRoot } from './openapi.js';

export const gustoSpecPath = path.resolve(
  repoRoot,
  '..',
  'shared',
  'specs',
  'gusto',
  'gusto-api-v2025-06-15.openapi.yaml',
);

const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'hrgraph-conformance');

/** Indents a line that starts with the closing quote to the previous non-blank line's depth + 2. */
export function repairGustoYaml(text: string): string {
  let indent = '';
  return text
    .split('\n')
    .map(function repair(line) {
      if (line.startsWith("'")) return `${indent}  ${line}`;
      if (line.trim() !== '') indent = /^ */.exec(line)?.[0] ?? '';
      return line;
    })
    .join('\n');
}

async function repairedSpecPath(): Promise<string> {
  const text = await readFile(gustoSpecPath, 'utf8');
  const digest = createHash('sha256').update(text).digest('hex');
  const target = path.join(cacheDir, `gusto-${digest}.yaml`);
  try {
    await readFile(target, { encoding: 'utf8', flag: 'r' });
    return target;
  } catch {
    await mkdir(cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    await writeFile(partial, repairGustoYaml(text));
    await rename(partial, target);
    return target;
  }
}

export async function loadGustoConformance(): Promise<Conformance> {
  return loadConformance({ specPath: await repairedSpecPath() });
}
