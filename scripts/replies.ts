/**
 * `npm run replies -- --runs 2000 --seed 7 --provider bamboohr`: the spec-generated replies
 * suite of test/replies at any length. Each query of each chosen kit runs `--runs` cases from
 * `--seed`; a failure prints fast-check's shrunk counterexample (the replies and what broke) and
 * the seed and path to replay it, and the command exits 1. `--query <part of a name>` runs only
 * the queries so named; `--no-shrink` stops at the first failure (faster, but unshrunk).
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { replyKits } from '../test/replies/kits/index.js';
import { prepareKit } from '../test/replies/support/run-kit.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    provider: { type: 'string', multiple: true },
    query: { type: 'string' },
    'no-shrink': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const kits = replyKits.filter((kit) => !values.provider || values.provider.includes(kit.provider));
if (kits.length === 0) {
  throw new Error(
    `No kit for ${values.provider?.join(', ')}: ${replyKits.map((k) => k.provider).join(', ')}`,
  );
}

let failed = 0;
for (const kit of kits) {
  const runner = await prepareKit(kit);
  for (const query of kit.queries) {
    if (values.query && !query.name.includes(values.query)) continue;
    const started = performance.now();
    const details = await fc.check(runner.property(query), {
      seed,
      numRuns: runs,
      endOnFailure: values['no-shrink'],
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (details.failed) {
      failed++;
      const error =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      process.stdout.write(
        `✗ ${kit.provider}: ${query.name} (${seconds} s)\n${error}\n${fc.defaultReportMessage(details)}\n`,
      );
    } else {
      process.stdout.write(
        `✓ ${kit.provider}: ${query.name}: ${details.numRuns} cases (${seconds} s)\n`,
      );
    }
  }
}
process.stdout.write(
  `seed ${seed}, ${runs} runs per query: ${failed === 0 ? 'all held' : `${failed} failed`}\n`,
);
process.exitCode = failed === 0 ? 0 : 1;
