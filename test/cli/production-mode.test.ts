/**
 * Issue 16, production mode: `hrgraph serve` runs graphql-js in production mode (its development
 * checks of every schema object's realm off), `serve --demo` keeps development mode. graphql-js
 * reads NODE_ENV once, as it loads; a preload records every read of it in the built CLI with the
 * file that made it, so the test sees the value graphql-js itself decided from.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, startCli } from './support/built-cli.js';

const recorder = fileURLToPath(new URL('./support/record-node-env.js', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-mode-'));
  buildOnce();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts `hrgraph serve …` with NODE_ENV unset, waits for its banner, stops it. */
async function serveUntilBanner(args: readonly string[], name: string) {
  const log = join(dir, `${name}.log`);
  const cli = startCli(['serve', '--port', '0', ...args], {
    nodeArgs: ['--import', recorder],
    env: { NODE_ENV: undefined, HRGRAPH_ENV_LOG: log, HRGRAPH_DATA_DIR: join(dir, 'store') },
  });
  try {
    await cli.waitFor(/serving GraphQL at http:\S+[\s\S]*mode: /);
  } finally {
    cli.child.kill('SIGTERM');
    await cli.exited();
  }
  const reads = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  const byGraphql = reads.filter((line) =>
    line.includes('node_modules/graphql/jsutils/instanceOf'),
  );
  return { banner: cli.stdout(), graphqlSaw: byGraphql.map((line) => line.split(' ')[0]) };
}

describe('production mode', () => {
  test('serve loads graphql-js with NODE_ENV=production, and its banner says so', async () => {
    const served = await serveUntilBanner([], 'serve');
    expect(served.graphqlSaw).toEqual(['production']);
    expect(served.banner).toContain('mode: production');
  });

  test('serve --demo keeps graphql-js in development mode', async () => {
    const served = await serveUntilBanner(['--demo', '--demo-size', '10'], 'demo');
    expect(served.graphqlSaw).toEqual(['(unset)']);
    expect(served.banner).toContain('mode: development');
  });
});
