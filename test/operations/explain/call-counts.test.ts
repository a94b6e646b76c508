/**
 * Issue 21, cost before execution: "explain's predicted calls equal the calls made for the query
 * matrix of the exact-count tests". Every cell of test/contract's matrix, every kit's accounts:
 * the plan a dry run gives bounds the calls the same request then makes, and with the data's
 * facts given (page length, managers on and off the page, reports) it is exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cells,
  documentOf,
  globalId,
  pageSize,
  warmLookups,
} from '../../contract/call-count-matrix.js';
import type { KitPage } from '../../contract/kit.js';
import { loadKits } from '../../contract/kits.js';
import { managersOf, reportsOf } from '../../contract/minimum.js';
import { useExplainGraph } from './support.js';

const kits = await loadKits();

describe.each(kits.map((kit) => [kit.provider, kit] as const))(
  '%s: explain predicts the calls of each shape of a page',
  (_, kit) => {
    const started = useExplainGraph(kit);
    beforeAll(async () => {
      const { sandbox, send } = started();
      await warmLookups(sandbox.accounts, (document, variables) => send(document, variables));
    });

    it.each(cells)('page %s, %s, managers %s the page', async (_p, _n, placement, shape) => {
      const { sandbox, send } = started();
      const listing: KitPage =
        placement === 'on' ? sandbox.pages.managersOn : sandbox.pages.managersOff;
      const page = listing.people().slice(0, pageSize);
      const { company } = sandbox;
      const managers = managersOf(company, page);
      const onPage = new Set(page.map((p) => p.id));
      const reports = reportsOf(company, [...onPage]);
      const assume = {
        page: page.length,
        managersOnPage: managers.on.length,
        managersOffPage: managers.off.length,
        reports: reports.length,
        reportsOnPage: reports.filter((p) => onPage.has(p.id)).length,
      };
      for (const { config } of sandbox.accounts) {
        const variables = {
          account: config.id,
          order: listing.orderBy ?? null,
          filter: listing.only
            ? { ids: listing.only.map((p) => globalId(config.id, sandbox.remoteId(p))) }
            : null,
        };
        const document = documentOf(shape);
        const bound = await send(document, variables, {
          headers: { 'hrgraph-explain': 'dry-run' },
        });
        const given = await send(document, variables, {
          extensions: { explain: { dryRun: true, assume } },
        });
        const made = await send(document, variables);
        expect(made.errors, config.id).toBeUndefined();
        const actual = made.upstream!.calls;
        const said = `${config.id}: made ${made.upstream!.entries.map((e) => e.operation).join(', ')}; planned ${JSON.stringify(given.upstream?.plan?.parts)}`;
        const range = bound.upstream!.plan!.calls;
        expect(range.min, said).toBeLessThanOrEqual(actual);
        if (range.max !== null) expect(range.max, said).toBeGreaterThanOrEqual(actual);
        const exact = given.upstream!.plan!.calls;
        expect(exact.min, said).toBeLessThanOrEqual(actual);
        if (exact.max !== null) expect(exact.max, said).toBeGreaterThanOrEqual(actual);
        expect(exact, said).toEqual({ min: actual, max: actual });
      }
    });
  },
);
