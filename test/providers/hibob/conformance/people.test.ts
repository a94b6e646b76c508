/**
 * HiBob reference §2, "Employee list": `POST /people/search` answers everyone in one reply (no
 * paging), narrowed by `fields`, with one `root.id`/`root.email` filter; anything else is 400.
 * Every reply is checked against the spec extract.
 */
import { describe, expect, it } from 'vitest';
import { hibobEmployeeId } from '../../../../src/sandbox/hibob/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { machineFormat } from '../spec-patches.js';
import { createHibobConformanceSandbox } from './hibob-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'hibob' });
const { call, sandbox } = createHibobConformanceSandbox();
const search = { method: 'post', pathTemplate: '/people/search' } as const;

const employees = (body: unknown) => (body as { employees: Record<string, unknown>[] }).employees;

describe('HiBob: POST /people/search', () => {
  it('no paging: one reply holds everyone (showInactive: the people no longer employed too)', async () => {
    const all = await expectConformant(
      await call('POST', '/people/search', { body: { showInactive: true } }),
      { ...search, patch: machineFormat },
    );
    expect(employees(all.body)).toHaveLength(sandbox.company.people.length);
    const active = await expectConformant(await call('POST', '/people/search', { body: {} }), {
      ...search,
      patch: machineFormat,
    });
    expect(employees(active.body)).toHaveLength(
      sandbox.company.people.filter((p) => p.status === 'Active').length,
    );
  });

  it('fields narrow each record to the field ids named, nested by category, root.id always', async () => {
    const res = await expectConformant(
      await call('POST', '/people/search', {
        body: { fields: ['root.firstName', 'work.title', 'work.reportsTo'], showInactive: true },
      }),
      { ...search, patch: machineFormat },
    );
    const second = employees(res.body)[1]!;
    expect(Object.keys(second).sort()).toEqual(['firstName', 'id', 'work']);
    expect(Object.keys(second.work as object).sort()).toEqual(['reportsTo', 'title']);
  });

  it('one filter on root.id with equals takes a list of ids', async () => {
    const ids = [hibobEmployeeId(2), hibobEmployeeId(5), '3999999999999999999'];
    const res = await expectConformant(
      await call('POST', '/people/search', {
        body: {
          filters: [{ fieldPath: 'root.id', operator: 'equals', values: ids }],
          showInactive: true,
        },
      }),
      { ...search, patch: machineFormat },
    );
    expect(employees(res.body).map((e) => e.id)).toEqual(ids.slice(0, 2));
  });

  it.each([
    [
      'a second filter',
      { filters: [1, 2].map(() => ({ fieldPath: 'root.id', operator: 'equals', values: ['1'] })) },
    ],
    [
      'a filter on another field',
      { filters: [{ fieldPath: 'work.title', operator: 'equals', values: ['x'] }] },
    ],
    [
      'another operator',
      { filters: [{ fieldPath: 'root.id', operator: 'contains', values: ['1'] }] },
    ],
    [
      'an empty values list',
      { filters: [{ fieldPath: 'root.id', operator: 'equals', values: [] }] },
    ],
    ['an unknown field id', { fields: ['root.nothing'] }],
  ])('%s is 400', async (_name, body) => {
    const res = await expectConformant(await call('POST', '/people/search', { body }), search);
    expect(res.status).toBe(400);
  });
});
