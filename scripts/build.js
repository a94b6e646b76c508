/**
 * `npm run build`, run by `npm install` (prepare): the CLI bundled by esbuild into dist/, its own
 * code and most of its dependencies, split at every dynamic import so each command's code, and
 * the sandboxes with their fake-data library, load only when a command needs them. Node 20 spends
 * most of a start finding, reading and compiling modules: one bundle instead of ~1,400 small
 * files starts `hrgraph serve` in about 40% less time. Types are checked by `npm run typecheck`
 * (part of `npm test`), not here: a build takes seconds, so bin/hrgraph.js can rebuild a clone
 * whose src/ changed since, rather than run old code. dist/meta.json says which sources each
 * output file holds (the tests read it).
 */
import {
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
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

function removeEmptyFolders(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    removeEmptyFolders(folder);
    if (readdirSync(folder).length === 0) rmdirSync(folder);
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
    entryPoints: ['src/cli/main.ts'],
    outbase: 'src',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    // Left to load from node_modules: a native addon; GraphiQL's page (9 MB of one string, read
    // as fast from there and copied for nothing); faker, which only the sandboxes load.
    external: ['better-sqlite3', '@graphql-yoga/render-graphiql', '@faker-js/faker'],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS (undici, …) requires Node's own modules; an ES module has no `require`.
    banner: {
      js: "import { createRequire as __hrgraphRequire } from 'node:module'; const require = __hrgraphRequire(import.meta.url);",
    },
    // Stack traces of internal errors name src/ lines when Node reads the maps.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file is written beside its place and renamed over it: a CLI starting meanwhile, or a
  // build running at the same time, never reads half a module.
  const meta = join(outdir, 'meta.json');
  const outputs = [
    ...result.outputFiles,
    { path: meta, contents: Buffer.from(JSON.stringify(result.metafile)) },
  ];
  const written = new Set([join(outdir, STAMP)]);
  for (const file of outputs) {
    mkdirSync(dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
    written.add(file.path);
  }
  // Files of earlier builds go, and the folders they leave empty, so dist/ holds this build alone.
  for (const file of filesUnder(outdir)) {
    if (!written.has(file) && !file.endsWith('.partial')) rmSync(file, { force: true });
  }
  removeEmptyFolders(outdir);
  const stamp = join(outdir, STAMP);
  writeFileSync(stamp, `${new Date(startedAt).toISOString()}\n`);
  // Whole milliseconds, rounded up: file times carry fractions that a Date would cut off.
  const builtAt = Math.ceil(Math.max(startedAt, newestSource)) / 1000;
  utimesSync(stamp, builtAt, builtAt);
  return { files: outputs.length, outdir: relative(root, outdir) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { files, outdir } = await build();
  process.stdout.write(`hrgraph: built ${files} files into ${outdir}/\n`);
}
