/**
 * HiBob reference §2, "Groups, time off": named lists (departments, sites) and the field catalogue
 * (custom fields by path), and who's out in a date window. Checked against the extract.
 */
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { numericEmployeeId } from '../spec-patches.js';
import { createHibobConformanceSandbox } from './hibob-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'hibob' });
const { call, sandbox } = createHibobConformanceSandbox();
const company = sandbox.company;

describe('HiBob: metadata', () => {
  it('named lists: every department and site, items with integer ids', async () => {
    const res = await expectConformant(await call('GET', '/company/named-lists'), {
      method: 'get',
      pathTemplate: '/company/named-lists',
    });
    const lists = res.body as { name: string; items: { id: number; name: string }[] }[];
    const byName = new Map(lists.map((l) => [l.name, l.items.map((i) => i.name)]));
    expect(byName.get('department')).toEqual(company.departments.map((d) => d.name));
    expect(byName.get('site')).toEqual(company.locations.map((l) => l.name));
  });

  it('people fields: standard and custom fields, each custom one by its path and name', async () => {
    const res = await expectConformant(await call('GET', '/company/people/fields'), {
      method: 'get',
      pathTemplate: '/company/people/fields',
    });
    const fields = res.body as { id: string; name: string; category: string }[];
    expect(fields.map((f) => f.id)).toContain('work.reportsTo');
    const custom = fields.filter((f) => f.category.startsWith('category_'));
    expect(custom.map((f) => f.name)).toEqual(company.customFields.map((f) => f.name));
  });
});

describe("HiBob: who's out", () => {
  it('approved requests overlapping the window, pending ones with includePending', async () => {
    const window = 'from=2026-06-01&to=2026-06-30';
    const op = {
      method: 'get',
      pathTemplate: '/timeoff/whosout',
      patch: numericEmployeeId,
    } as const;
    const approved = await expectConformant(await call('GET', `/timeoff/whosout?${window}`), op);
    const all = await expectConformant(
      await call('GET', `/timeoff/whosout?${window}&includePending=true`),
      op,
    );
    const count = (statuses: string[]) =>
      company.people
        .flatMap((p) => p.timeOffRequests)
        .filter(
          (r) => statuses.includes(r.status) && r.end >= '2026-06-01' && r.start <= '2026-06-30',
        ).length;
    expect((approved.body as { outs: unknown[] }).outs).toHaveLength(count(['approved']));
    expect((all.body as { outs: unknown[] }).outs).toHaveLength(count(['approved', 'requested']));
  });

  it("without from and to: 400 with Bob's Error object (the spec's default response)", async () => {
    const res = await expectConformant(await call('GET', '/timeoff/whosout'), {
      method: 'get',
      pathTemplate: '/timeoff/whosout',
    });
    expect(res.status).toBe(400);
  });
});
