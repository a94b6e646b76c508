/**
 * Okta pagination (reference §6 "User list"): bare arrays, `Link` rel="self"/rel="next" headers
 * with absolute URLs on the request's origin, `after` cursors followed without parsing, limits.
 */
import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../../src/sandbox/company/index.js';
import {
  createOktaSandbox,
  oktaGroupId,
  oktaUserId,
  oktaUserStatus,
} from '../../../../src/sandbox/okta/index.js';

const origin = 'http://acme.okta.test';

/** `rel` → URL from one or more Link headers (joined with ", " by the Headers API). */
function links(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of (response.headers.get('link') ?? '').matchAll(
    /<([^>]+)>;\s*rel="([^"]+)"/g,
  )) {
    out[match[2]!] = match[1]!;
  }
  return out;
}

async function walk(
  fetch: (request: Request) => Response | Promise<Response>,
  first: string,
  authorization: string,
): Promise<{ ids: string[]; pages: number; urls: string[] }> {
  const ids: string[] = [];
  const urls: string[] = [];
  let url: string | undefined = first;
  while (url) {
    urls.push(url);
    const response = await fetch(new Request(url, { headers: { authorization } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Array<{ id: string }>;
    ids.push(...body.map((user) => user.id));
    expect(links(response).self).toBe(url);
    url = links(response).next;
  }
  return { ids, pages: urls.length, urls };
}

describe('Okta listUsers paging', () => {
  it('10,000 people at limit 200: following only rel="next" sees every non-DEPROVISIONED user exactly once, in id order, and the last page has no next link', async () => {
    const company = createCompany({ seed: 3, size: 10_000, customFieldCount: 5 });
    const sandbox = createOktaSandbox({ company, customAttributeCount: 5 });
    const { ids, pages, urls } = await walk(
      sandbox.app.fetch,
      `${origin}/api/v1/users?limit=200`,
      `SSWS ${sandbox.apiToken()}`,
    );
    const expected = company.people
      .filter((p) => oktaUserStatus(company, p) !== 'DEPROVISIONED')
      .map((p) => oktaUserId(p.id));
    expect(expected.length).toBeLessThan(10_000);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(expected.length / 200));
    expect(urls[1]).toMatch(
      /^http:\/\/acme\.okta\.test\/api\/v1\/users\?after=00u\w{17}&limit=200$/,
    );
  });

  it('a limit above the maximum (200) is lowered, not refused; no limit means 200', async () => {
    const sandbox = createOktaSandbox({ company: { size: 500, customFieldCount: 0 } });
    const auth = { authorization: `SSWS ${sandbox.apiToken()}` };
    const big = await sandbox.app.fetch(
      new Request(`${origin}/api/v1/users?limit=1000`, { headers: auth }),
    );
    expect(((await big.json()) as unknown[]).length).toBe(200);
    expect(links(big).next).toMatch(/limit=200$/);
    const plain = await sandbox.app.fetch(new Request(`${origin}/api/v1/users`, { headers: auth }));
    expect(((await plain.json()) as unknown[]).length).toBe(200);
  });

  it('the next link keeps the other parameters (filter, fields) and walks a filter to its end', async () => {
    const sandbox = createOktaSandbox({ company: { size: 200, customFieldCount: 0 } });
    const filter = encodeURIComponent('status eq "ACTIVE" or status eq "DEPROVISIONED"');
    const first = `${origin}/api/v1/users?filter=${filter}&fields=status&limit=7`;
    const { ids, urls } = await walk(sandbox.app.fetch, first, `SSWS ${sandbox.apiToken()}`);
    expect(urls.slice(1).every((u) => u.includes(`filter=`) && u.includes('fields=status'))).toBe(
      true,
    );
    const company = sandbox.company;
    const expected = company.people.filter((p) =>
      ['ACTIVE', 'DEPROVISIONED'].includes(oktaUserStatus(company, p)),
    );
    expect(ids).toEqual(expected.map((p) => oktaUserId(p.id)));
  });

  it('search pages with an opaque cursor in sortBy order, every match once', async () => {
    const sandbox = createOktaSandbox({ company: { size: 200, customFieldCount: 0 } });
    const search = encodeURIComponent('profile.lastName pr');
    const first = `${origin}/api/v1/users?search=${search}&sortBy=profile.lastName&sortOrder=desc&limit=30`;
    const { ids, urls } = await walk(sandbox.app.fetch, first, `SSWS ${sandbox.apiToken()}`);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(urls[1]).not.toMatch(/after=00u/);
    const names = ids.map((id) => sandbox.directory.find(id)!.lastName);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
  });

  it('q is one page: default limit 10, no next link, DEPROVISIONED left out', async () => {
    const sandbox = createOktaSandbox({ company: { size: 500, customFieldCount: 0 } });
    const auth = { authorization: `SSWS ${sandbox.apiToken()}` };
    const response = await sandbox.app.fetch(
      new Request(`${origin}/api/v1/users?q=a`, { headers: auth }),
    );
    const body = (await response.json()) as Array<{
      status: string;
      profile: Record<string, string>;
    }>;
    expect(body).toHaveLength(10);
    expect(links(response).next).toBeUndefined();
    expect(links(response).self).toBe(`${origin}/api/v1/users?q=a`);
    for (const user of body) {
      expect(user.status).not.toBe('DEPROVISIONED');
      const { firstName = '', lastName = '', email = '' } = user.profile;
      expect([firstName, lastName, email].some((v) => v.toLowerCase().startsWith('a'))).toBe(true);
    }
  });

  it('group members page at limit (default 1000) with Link headers, every member once', async () => {
    const sandbox = createOktaSandbox({ company: { size: 300, customFieldCount: 0 } });
    const everyone = oktaGroupId('everyone', 0);
    const { ids } = await walk(
      sandbox.app.fetch,
      `${origin}/api/v1/groups/${everyone}/users?limit=40`,
      `SSWS ${sandbox.apiToken()}`,
    );
    const group = sandbox.directory.groups.byId(everyone)!;
    expect(ids).toEqual(group.members.map(oktaUserId));
    const all = await sandbox.app.fetch(
      new Request(`${origin}/api/v1/groups/${everyone}/users`, {
        headers: { authorization: `SSWS ${sandbox.apiToken()}` },
      }),
    );
    expect(((await all.json()) as unknown[]).length).toBe(group.members.length);
    expect(links(all).next).toBeUndefined();
  });

  it('over a real socket the links are absolute URLs on the socket origin', async () => {
    const sandbox = createOktaSandbox({ company: { size: 30, customFieldCount: 0 } });
    const running = await sandbox.listen();
    try {
      const { ids, urls } = await walk(
        (request) => fetch(request),
        `${running.url}/api/v1/users?limit=10`,
        `SSWS ${sandbox.apiToken()}`,
      );
      expect(urls.every((u) => u.startsWith(`${running.url}/api/v1/users?`))).toBe(true);
      expect(ids.length).toBeGreaterThan(10);
    } finally {
      await running.close();
    }
  });
});
