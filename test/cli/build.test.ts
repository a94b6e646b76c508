/**
 * Issue 12, item 3: `npm run build` (and `npm install`, through `prepare`) makes dist/, and a user
 * who edits src/ never runs old code: bin/hrgraph.js rebuilds when dist/ is older than src/.
 * Checked on a small project of its own in a temp folder, not on this one's dist/.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { build, isStale } from '../../scripts/build.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hrgraph-build-'));
  await mkdir(join(root, 'src', 'cli'), { recursive: true });
  await writeFile(
    join(root, 'src', 'cli', 'main.ts'),
    "import { answer } from '../answer.js';\nconsole.log(answer);\n",
  );
  await writeFile(join(root, 'src', 'answer.ts'), 'export const answer: number = 42;\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the build', () => {
  test('no dist/ is stale; a build bundles the CLI from src/cli/main.ts', async () => {
    expect(isStale(root)).toBe(true);
    await build(root);
    expect(await readFile(join(root, 'dist', 'cli', 'main.js'), 'utf8')).toContain(
      'var answer = 42',
    );
    expect(isStale(root)).toBe(false);
  });

  test('a source edited after the build makes dist/ stale until the next build', async () => {
    await build(root);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src', 'cli', 'main.ts'), later, later);
    expect(isStale(root)).toBe(true);
    await build(root);
    expect(isStale(root)).toBe(false);
  });

  test('files of an earlier build leave dist/ at the next, and so do their folders', async () => {
    await build(root);
    await mkdir(join(root, 'dist', 'old'));
    await writeFile(join(root, 'dist', 'old', 'module.js'), 'export {};\n');
    await build(root);
    await expect(readdir(join(root, 'dist'))).resolves.not.toContain('old');
    await expect(readFile(join(root, 'dist', 'meta.json'), 'utf8')).resolves.toContain(
      'src/answer.ts',
    );
  });
});
