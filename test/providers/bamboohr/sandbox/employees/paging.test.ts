/**
 * List Employees cursor paging (reference §2.1): every person exactly once, in order, walking
 * forward with page[after] and back with page[before]. In-process (app.fetch): thousands of
 * requests per walk.
 */
import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';

interface Page {
  data: { employeeId: string }[];
  meta: {
    total: number;
    page: { limit: number; nextCursor: string | null; prevCursor: string | null };
  };
  _links: { self: { href: string }; next?: { href: string }; prev?: { href: string } };
}

function lister(size: number) {
  const sandbox = createBambooHrSandbox({
    companies: [createCompany({ size, customFieldCount: 0 })],
  });
  const token = sandbox.issueAccessToken().accessToken;
  return async function list(query: string): Promise<Page> {
    const res = await sandbox.app.fetch(
      new Request(`http://acme.bamboohr.test/api/v1/employees?${query}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      }),
    );
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
}

/** Forward to the end, then back to the start; both walks return ids in list order. */
async function walk(list: (query: string) => Promise<Page>, limit: number, base = '') {
  const forward: string[] = [];
  let page = await list(`${base}page[limit]=${limit}`);
  const total = page.meta.total;
  expect(page.meta.page.prevCursor).toBeNull();
  for (;;) {
    expect(page.data.length).toBeLessThanOrEqual(limit);
    expect(page.meta.total).toBe(total);
    forward.push(...page.data.map((row) => row.employeeId));
    if (!page.meta.page.nextCursor) break;
    expect(page._links.next?.href).toContain(encodeURIComponent(page.meta.page.nextCursor));
    page = await list(
      `${base}page[limit]=${limit}&page[after]=${encodeURIComponent(page.meta.page.nextCursor)}`,
    );
  }
  expect(page._links.next).toBeUndefined();
  const backward: string[][] = [page.data.map((row) => row.employeeId)];
  while (page.meta.page.prevCursor) {
    page = await list(
      `${base}page[limit]=${limit}&page[before]=${encodeURIComponent(page.meta.page.prevCursor)}`,
    );
    backward.unshift(page.data.map((row) => row.employeeId));
  }
  expect(page._links.prev).toBeUndefined();
  return { forward, backward: backward.flat(), total };
}

describe('BambooHR List Employees paging through 10,000 people', () => {
  const list = lister(10_000);
  const everyone = Array.from({ length: 10_000 }, (_, i) => String(i + 1));

  for (const limit of [7, 100, 250, 2500]) {
    it(`BambooHR: page[limit]=${limit}, forward and back, yields each person exactly once in order`, async () => {
      const { forward, backward, total } = await walk(list, limit);
      expect(total).toBe(10_000);
      expect(forward).toEqual(everyone);
      expect(backward).toEqual(everyone);
    });
  }

  it('BambooHR: a sorted, filtered walk (sort=-lastName, status active) keeps its order across pages', async () => {
    const base = 'sort=-lastName,firstName&filter[status]=active&';
    const whole = await list(`${base}page[limit]=2500`);
    const { forward, backward, total } = await walk(list, 333, base);
    expect(total).toBe(whole.meta.total);
    expect(new Set(forward).size).toBe(total);
    expect(backward).toEqual(forward);
    expect(forward.slice(0, whole.data.length)).toEqual(whole.data.map((row) => row.employeeId));
  });
});

describe('BambooHR List Employees paging through 500 people', () => {
  it('BambooHR: page[limit]=1, forward and back, yields each person exactly once in order', async () => {
    const { forward, backward } = await walk(lister(500), 1);
    const everyone = Array.from({ length: 500 }, (_, i) => String(i + 1));
    expect(forward).toEqual(everyone);
    expect(backward).toEqual(everyone);
  });
});
