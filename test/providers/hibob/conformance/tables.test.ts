/**
 * HiBob reference §2, "cursor pagination on the bulk endpoints": `GET /bulk/people/{table}` pages
 * by `cursor` and `limit` (1–200, default 50; above 200 is 400), narrowed by `employeeIds`; the
 * per-person tables (`/people/{id}/{table}`) answer `{values}`. Checked against the extract, with
 * the spec's two disagreements with Bob's documented behaviour named where they apply.
 */
import { describe, expect, it } from 'vitest';
import { hibobEmployeeId } from '../../../../src/sandbox/hibob/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { lifecycleAsObjects, nullCursorAtTheEnd } from '../spec-patches.js';
import { createHibobConformanceSandbox } from './hibob-sandbox.js';

const { expectConformant } = await loadConformance({ provider: 'hibob' });
const { call, sandbox } = createHibobConformanceSandbox();
const people = sandbox.company.people;

interface BulkBody {
  results: { employeeId: string; values: Record<string, unknown>[] }[];
  response_metadata: { cursor: string | null };
  errors?: unknown[];
}

const bulk = (table: string) => ({ method: 'get', pathTemplate: `/bulk/people/${table}` }) as const;

describe('HiBob: bulk employee tables', () => {
  it.each(['work', 'employment', 'salaries'])(
    '%s: cursor walk at limit 15 meets everyone once, the last cursor null',
    async (table) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=15${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await expectConformant(await call('GET', `/bulk/people/${table}?${query}`), {
          ...bulk(table),
          patch: nullCursorAtTheEnd,
        });
        const body = res.body as BulkBody;
        seen.push(...body.results.map((r) => r.employeeId));
        cursor = body.response_metadata.cursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(Math.ceil(people.length / 15));
      expect(seen.sort()).toEqual(people.map((p) => hibobEmployeeId(p.id)).sort());
    },
  );

  it("lifecycle: entries are objects (the spec's entry is a string and an object at once)", async () => {
    const res = await expectConformant(await call('GET', '/bulk/people/lifecycle?limit=200'), {
      ...bulk('lifecycle'),
      patch: lifecycleAsObjects,
    });
    const body = res.body as BulkBody;
    expect(body.results).toHaveLength(people.length);
    expect(body.response_metadata.cursor).toBeNull();
  });

  it('employeeIds narrows the walk; an id the service user cannot see is under errors', async () => {
    const ids = [hibobEmployeeId(3), hibobEmployeeId(9), '3999999999999999999'];
    const res = await expectConformant(
      await call('GET', `/bulk/people/salaries?employeeIds=${ids.join(',')}`),
      { ...bulk('salaries'), patch: nullCursorAtTheEnd },
    );
    const body = res.body as BulkBody;
    expect(body.results.map((r) => r.employeeId)).toEqual(ids.slice(0, 2));
    expect(body.results[0]!.values).toHaveLength(people[2]!.compensationHistory.length);
    expect(body.errors).toHaveLength(1);
  });

  it.each(['limit=0', 'limit=201', 'limit=abc', 'cursor=not-a-cursor'])(
    '%s is 400',
    async (query) => {
      const res = await expectConformant(
        await call('GET', `/bulk/people/work?${query}`),
        bulk('work'),
      );
      expect(res.status).toBe(400);
    },
  );
});

describe('HiBob: per-person employee tables', () => {
  const person = people.find((p) => p.jobHistory.length > 1)!;
  it.each(['work', 'employment', 'salaries', 'lifecycle'])(
    '%s: {values}, one entry current',
    async (table) => {
      const res = await expectConformant(
        await call('GET', `/people/${hibobEmployeeId(person.id)}/${table}`),
        { method: 'get', pathTemplate: `/people/{id}/${table}` },
      );
      const values = (res.body as { values: { isCurrent: boolean }[] }).values;
      expect(values.filter((v) => v.isCurrent)).toHaveLength(1);
    },
  );

  it('an unknown employee is 404 (a status the spec does not declare)', async () => {
    const res = await expectConformant(await call('GET', '/people/3999999999999999999/work'), {
      method: 'get',
      pathTemplate: '/people/{id}/work',
      undocumented: { reason: 'the spec declares 200, 400 and 403; an unknown id is not found' },
    });
    expect(res.status).toBe(404);
  });
});
