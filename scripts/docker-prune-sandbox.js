/**
 * The production container image's dist/ without the sandboxes (the Dockerfile's `runtime`
 * target): what `hrgraph serve` can load stays, what only `--demo` and `hrgraph sandbox` load
 * goes, and so does their fake-data library from node_modules.
 *
 *   node scripts/docker-prune-sandbox.js [ROOT]     # ROOT holds dist/ and node_modules/; default .
 *
 * Read from dist/meta.json (scripts/build.js writes it): every output reachable from
 * dist/cli/main.js by its imports, static and dynamic, is kept, except through a dynamic import of
 * a sandbox or demo entry. The build fails when a kept output still holds src/sandbox/ code: that
 * would mean a production command loads the sandbox, which is a bug to fix in src/, not here.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Entry points only the demo and `hrgraph sandbox` load. */
const sandboxEntry = /^src\/(cli\/demo\/|cli\/sandbox\/|providers\/[^/]+\/(sandbox|demo)\.ts$)/;
const sandboxSource = /^src\/(sandbox|cli\/demo|cli\/sandbox)\//;

/** The outputs to remove from dist/, as dist-relative paths (with their source maps). */
export function sandboxOutputs(meta) {
  const outputs = meta.outputs;
  const kept = new Set();
  const stack = ['dist/cli/main.js'];
  while (stack.length > 0) {
    const path = stack.pop();
    if (kept.has(path)) continue;
    kept.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.external || !outputs[imported.path]) continue;
      const entry = outputs[imported.path].entryPoint ?? '';
      if (imported.kind === 'dynamic-import' && sandboxEntry.test(entry)) continue;
      stack.push(imported.path);
    }
  }
  const leaking = [...kept].filter((path) =>
    Object.keys(outputs[path]?.inputs ?? {}).some((input) => sandboxSource.test(input)),
  );
  if (leaking.length > 0) {
    throw new Error(`production code loads sandbox code through ${leaking.join(', ')}`);
  }
  return Object.keys(outputs).filter(
    (path) => !path.endsWith('.map') && path.endsWith('.js') && !kept.has(path),
  );
}

export function pruneSandbox(root = '.') {
  const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8'));
  const removed = sandboxOutputs(meta);
  for (const path of removed) {
    rmSync(join(root, path), { force: true });
    rmSync(join(root, `${path}.map`), { force: true });
  }
  const faker = join(root, 'node_modules', '@faker-js');
  if (existsSync(faker)) rmSync(faker, { recursive: true, force: true });
  return removed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] ?? '.');
  const removed = pruneSandbox(root);
  process.stdout.write(`hrgraph: removed ${removed.length} sandbox and demo files from dist/\n`);
}
