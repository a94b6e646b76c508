/**
 * Writes specs/<provider>/<name>.extract.json: from each provider's full official spec, only what
 * the conformance suite and the sandboxes need (see specs/README.md). The full specs stay outside
 * the repository; by default they are read from ../shared/specs/<provider>/.
 *
 *   npm run specs:extract                                   # all four, from ../shared/specs
 *   npm run specs:extract -- --provider okta --from /path/to/management-minimal.yaml
 *   npm run specs:extract -- --check                        # exit 1 if an extract is stale
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractSpec } from './extract-spec/extract.js';
import {
  extractPath,
  isProviderId,
  PROVIDER_SPECS,
  type ProviderId,
} from './extract-spec/providers.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

interface Options {
  readonly providers: readonly ProviderId[];
  readonly from: string | undefined;
  readonly specsDir: string;
  readonly check: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      provider: { type: 'string' },
      from: { type: 'string' },
      specs: { type: 'string', default: path.join(repoRoot, '..', 'shared', 'specs') },
      check: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const ids = Object.keys(PROVIDER_SPECS);
  if (values.provider !== undefined && !isProviderId(values.provider)) {
    throw new Error(`--provider must be one of ${ids.join(', ')}`);
  }
  if (values.from !== undefined && values.provider === undefined) {
    throw new Error('--from names one spec file: give its --provider too');
  }
  return {
    providers: values.provider ? [values.provider] : (ids as ProviderId[]),
    from: values.from,
    specsDir: path.resolve(values.specs),
    check: values.check,
  };
}

/** Extracts (or, with --check, compares) each provider; resolves to the stale ones' ids. */
export async function run(options: Options, log = console.log): Promise<ProviderId[]> {
  const stale: ProviderId[] = [];
  for (const id of options.providers) {
    const spec = PROVIDER_SPECS[id];
    const folder = spec.sourceFolder ?? id;
    const source = path.resolve(
      options.from ?? path.join(options.specsDir, folder, spec.sourceFile),
    );
    const sourceText = await readFile(source, 'utf8');
    const originText = await readIfPresent(path.join(path.dirname(source), 'ORIGIN.md'));
    const text = extractSpec(spec, sourceText, originText);
    const target = extractPath(id);
    const current = await readIfPresent(target);
    const size = `${Buffer.byteLength(sourceText).toLocaleString('en')} → ${Buffer.byteLength(text).toLocaleString('en')} bytes`;
    if (current === text) {
      log(`${id}: ${path.relative(repoRoot, target)} is current (${size})`);
    } else if (options.check) {
      stale.push(id);
      log(`${id}: ${path.relative(repoRoot, target)} is stale: run npm run specs:extract`);
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
      log(`${id}: wrote ${path.relative(repoRoot, target)} (${size})`);
    }
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const stale = await run(parseOptions(process.argv.slice(2)));
    if (stale.length > 0) process.exitCode = 1;
  } catch (error) {
    console.error(`specs:extract: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
