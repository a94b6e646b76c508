/**
 * Issue 15, item 5: "make the exact-count tests a generated matrix — page fields × nested fields
 * (manager, department, location, direct reports) × on-page/off-page × provider — each against a
 * minimum the test computes from the company and the provider's published limits". Every
 * registered provider with a kit, each of its accounts: a page of 20 of a 60-person company,
 * asked every shape below, costs exactly minimum.ts's count, and answers the company's people,
 * managers and reports. (The 400-field ceilings have their own tests in test/e2e/field-planning.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cells,
  documentOf,
  globalId,
  type Node,
  pageSize,
  warmLookups,
} from './call-count-matrix.js';
import { useKitGraph } from './graph.js';
import type { KitPage } from './kit.js';
import { loadKits } from './kits.js';
import { managersOf, minimumCalls, reportsOf } from './minimum.js';

const kits = await loadKits();

describe.each(kits.map((kit) => [kit.provider, kit] as const))(
  '%s: each shape of a page costs the computed minimum',
  (_, kit) => {
    const started = useKitGraph(kit);
    beforeAll(async () => {
      const { sandbox, graph } = started();
      await warmLookups(sandbox.accounts, graph.query);
    });

    it.each(cells)('page %s, %s, managers %s the page', async (_p, _n, placement, shape) => {
      const { sandbox, graph } = started();
      const listing: KitPage =
        placement === 'on' ? sandbox.pages.managersOn : sandbox.pages.managersOff;
      const page = listing.people().slice(0, pageSize);
      const { company } = sandbox;
      const { off } = managersOf(company, page);
      // The kit's listings put the managers where the cell says.
      if (placement === 'on') expect(off).toEqual([]);
      else expect(off.length).toBeGreaterThan(0);
      const remote = new Map(company.people.map((p) => [p.id, sandbox.remoteId(p)]));

      for (const { config, limits } of sandbox.accounts) {
        const result = await graph.query<{ employees: { nodes: Node[] } }>(documentOf(shape), {
          account: config.id,
          order: listing.orderBy ?? null,
          filter: listing.only
            ? { ids: listing.only.map((p) => globalId(config.id, sandbox.remoteId(p))) }
            : null,
        });
        expect(result.errors, config.id).toBeUndefined();
        const nodes = result.data!.employees.nodes;
        expect(
          nodes.map((n) => n.remoteId),
          config.id,
        ).toEqual(page.map((p) => remote.get(p.id)));
        expect(
          result.upstream.calls,
          `${config.id}: ${result.upstream.entries.map((e) => e.operation).join(', ')}`,
        ).toBe(minimumCalls(company, limits, sandbox.unsupplied, page, shape));
        page.forEach((person, i) => {
          const node = nodes[i]!;
          if (shape.manager.length > 0) {
            const manager = company.currentJob(person).managerId;
            expect(node.manager?.remoteId ?? null).toBe(
              manager === null ? null : remote.get(manager),
            );
            if (node.manager)
              expect(node.manager.displayName ?? node.manager.workEmail).not.toBeNull();
          }
          if (shape.reports) {
            const reports = reportsOf(company, [person.id]).map((p) => remote.get(p.id));
            expect(node.directReports!.nodes.map((r) => r.remoteId).sort()).toEqual(reports.sort());
            for (const report of node.directReports!.nodes)
              expect(report.displayName).not.toBeNull();
          }
        });
      }
    });
  },
);
