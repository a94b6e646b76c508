/** Page-number paging of the employee list: defaults, the maximum, and a full walk. */
import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../../src/sandbox/company/index.js';
import { createGustoSandbox, gustoEmployeeUuid } from '../../../../src/sandbox/gusto/index.js';

function client(sandbox: ReturnType<typeof createGustoSandbox>) {
  const { accessToken } = sandbox.issueTokens();
  return async function get(query: string): Promise<Response> {
    return sandbox.app.fetch(
      new Request(`http://api.gusto.test/v1/companies/${sandbox.companyUuid}/employees${query}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    );
  };
}

function totals(res: Response) {
  return ['x-page', 'x-per-page', 'x-total-count', 'x-total-pages'].map((name) =>
    res.headers.get(name),
  );
}

describe('employee list paging', () => {
  it('walking 5,000 employees at per=100 sees everyone exactly once, with correct X-Total-* headers', async () => {
    const company = createCompany({ seed: 11, size: 5000, customFieldCount: 0 });
    const sandbox = createGustoSandbox({ company, rateLimit: false });
    const get = client(sandbox);
    const seen = new Set<string>();
    let calls = 0;
    for (let page = 1; ; page++) {
      const res = await get(`?page=${page}&per=100`);
      calls++;
      expect(totals(res)).toEqual([String(page), '100', '5000', '50']);
      const body = (await res.json()) as Array<{ uuid: string }>;
      if (body.length === 0) break;
      for (const employee of body) seen.add(employee.uuid);
      expect(body.length).toBe(100);
    }
    expect(seen.size).toBe(5000);
    expect(seen.has(gustoEmployeeUuid(5000))).toBe(true);
    expect(calls).toBe(51); // 50 pages and the empty page past the end
  });

  it('page alone pages by 25 (docs); per alone starts at page 1; neither returns everything', async () => {
    const get = client(createGustoSandbox({ company: { size: 60 }, rateLimit: false }));
    const pageOnly = await get('?page=3');
    expect(totals(pageOnly)).toEqual(['3', '25', '60', '3']);
    expect(await pageOnly.json()).toHaveLength(10);
    expect(totals(await get('?per=7'))).toEqual(['1', '7', '60', '9']);
    const all = await get('');
    expect(totals(all)).toEqual([null, null, null, null]);
    expect(await all.json()).toHaveLength(60);
  });

  it('per is capped at 100 by default (422 above) and the cap is configurable', async () => {
    expect((await client(createGustoSandbox({ company: { size: 10 } }))('?per=101')).status).toBe(
      422,
    );
    const wide = client(createGustoSandbox({ company: { size: 10 }, maxPerPage: 500 }));
    expect((await wide('?per=500')).status).toBe(200);
  });

  it('pagingHeaders chooses which of the four a paged reply carries: [] serves pages as the spec alone declares them', async () => {
    const company = { size: 60 };
    const none = client(createGustoSandbox({ company, pagingHeaders: [] }));
    const bare = await none('?page=2&per=25');
    expect(totals(bare)).toEqual([null, null, null, null]);
    expect(await bare.json()).toHaveLength(25);
    const pages = client(createGustoSandbox({ company, pagingHeaders: ['X-Total-Pages'] }));
    expect(totals(await pages('?page=3&per=25'))).toEqual([null, null, null, '3']);
  });
});
