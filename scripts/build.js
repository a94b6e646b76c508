/**
 * `npm run build`, run by `npm install` (prepare): src/ transpiled to dist/ by esbuild, one module
 * for each module and no bundle, so the CLI's dynamic imports still load a command's code only when
 * it runs. Types are checked by `npm run typecheck` (part of `npm test`), not here: a build takes
 * well under a second, so bin/hrgraph.js can rebuild a clone whose src/ changed since, rather than
 * run old code.
 */
import {
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Written last by a build, dated when the build started (or, for a source dated in the future, that
 * source's date): a source edited after it is newer, even one edited while the build ran.
 */
const STAMP = '.built';

function filesUnder(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  } catch {
    return [];
  }
}

/** Whether dist/ is missing or older than some file of src/. */
export function isStale(root = projectRoot) {
  let builtAt;
  try {
    builtAt = statSync(join(root, 'dist', STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return filesUnder(join(root, 'src')).some((file) => statSync(file).mtimeMs > builtAt);
}

export async function build(root = projectRoot) {
  const startedAt = Date.now();
  const newestSource = Math.max(
    0,
    ...filesUnder(join(root, 'src')).map((file) => statSync(file).mtimeMs),
  );
  const esbuild = await import('esbuild');
  const outdir = join(root, 'dist');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/**/*.ts'],
    outbase: 'src',
    outdir,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces of internal errors name src/ lines when Node reads the maps.
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  // Each file is written beside its place and renamed over it: a CLI starting meanwhile, or a
  // build running at the same time, never reads half a module.
  const written = new Set([join(outdir, STAMP)]);
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
    written.add(file.path);
  }
  // Modules whose source is gone go too, so dist/ never holds code src/ no longer has.
  for (const file of filesUnder(outdir)) {
    if (!written.has(file) && !file.endsWith('.partial')) rmSync(file, { force: true });
  }
  const stamp = join(outdir, STAMP);
  writeFileSync(stamp, `${new Date(startedAt).toISOString()}\n`);
  const builtAt = new Date(Math.max(startedAt, newestSource));
  utimesSync(stamp, builtAt, builtAt);
  return { files: result.outputFiles.length, outdir: relative(root, outdir) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files, outdir } = await build();
  process.stdout.write(`hrgraph: built ${files} files into ${outdir}/\n`);
}
