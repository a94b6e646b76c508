/**
 * Issue 14, "Any reply a provider may send: the right data or a coded error, never invented,
 * never silent", proved over generated replies: for every read hrgraph makes of a provider, the
 * official spec's response schema (specs/<provider>/) generates the bodies (fast-check, fixed
 * seed, shrinking on failure), and every GraphQL result must keep the invariant: each value is
 * what a reply held (normalised as the provider documents) or null with a coded error at its
 * path or above; no id a reply never held is sent on in a later call; no 5xx, no uncoded or
 * INTERNAL_SERVER_ERROR error. `npm run replies` runs the same properties longer.
 *
 * One test file per kit (test/replies/spec/<provider>.test.ts) calls this, so the kits run in
 * parallel across the suite's workers instead of one file holding the whole suite's longest pole.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplyKit } from './kit.js';
import { type KitRunner, prepareKit } from './run-kit.js';

/** Fixed, so every run checks the same cases; `npm run replies -- --seed` explores others. */
const seed = 20261203;
/** Cases per query: each read is reached by one to five queries, so a few hundred per read. */
const numRuns = 60;
/** Cases shrinking may run after a failure: bounded, so a failing CI run ends (smaller: the script). */
const shrinkBudget = 300;

export function describeReplyKit(kit: ReplyKit): void {
  describe(`${kit.provider}: any reply its spec allows ends in the data it held or a coded error`, () => {
    let runner: KitRunner;
    beforeAll(async () => {
      runner = await prepareKit(kit);
    });

    for (const query of kit.queries) {
      it(query.name, async () => {
        await fc.assert(runner.property(query, { shrinkBudget }), {
          seed,
          numRuns: kit.runs ?? numRuns,
        });
      });
    }

    it('every call hrgraph makes of the provider is answered by some query above', () => {
      expect([...runner.reached].sort()).toEqual(Object.keys(runner.spec.hrgraphCalls).sort());
    });
  });
}
