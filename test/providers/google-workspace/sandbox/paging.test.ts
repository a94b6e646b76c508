/**
 * users.list paging (reference §7): maxResults 1–500 (default 100), nextPageToken in the body
 * and absent on the last page, tokens "only valid for three days", bound to their query.
 */
import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../../src/sandbox/company/index.js';
import {
  createGoogleWorkspaceSandbox,
  createManualClock,
  googleUserId,
  PAGE_TOKEN_TTL_MS,
} from '../../../../src/sandbox/google-workspace/index.js';
import { client, smallSandbox } from './support.js';

type Page = {
  users?: { id: string; primaryEmail: string; name: { familyName: string } }[];
  nextPageToken?: string;
};

describe('users.list paging', () => {
  it('walks 10,000 users at maxResults 500: 20 pages, everyone exactly once, no token on the last', async () => {
    const company = createCompany({ seed: 3, size: 10_000, customFieldCount: 0 });
    const sandbox = createGoogleWorkspaceSandbox({ company });
    const get = client(sandbox);
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const query: Record<string, string | number> = {
        customer: 'my_customer',
        maxResults: 500,
        fields: 'nextPageToken,users/id',
        prettyPrint: 'false',
      };
      if (token) query.pageToken = token;
      const response = await get('/users', query);
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      pages++;
      for (const user of page.users ?? []) seen.add(user.id);
      token = page.nextPageToken;
    } while (token);
    expect(pages).toBe(20);
    expect(seen.size).toBe(10_000);
    expect(seen.has(googleUserId(10_000))).toBe(true);
    expect(sandbox.log.count({ path: '/admin/directory/v1/users' })).toBe(20);
  });

  it('defaults to 100 a page', async () => {
    const sandbox = createGoogleWorkspaceSandbox({
      company: { seed: 7, size: 150, customFieldCount: 0 },
    });
    const page = (await (
      await client(sandbox)('/users', { customer: 'my_customer' })
    ).json()) as Page;
    expect(page.users).toHaveLength(100);
    expect(page.nextPageToken).toBeTypeOf('string');
  });

  it('a page token expires after three days on the clock: 400 Invalid Input', async () => {
    const clock = createManualClock();
    const sandbox = smallSandbox({ clock });
    const get = client(sandbox);
    const first = (await (
      await get('/users', { customer: 'my_customer', maxResults: 10 })
    ).json()) as Page;
    const token = first.nextPageToken!;
    clock.advance(PAGE_TOKEN_TTL_MS - 1000);
    // The admin's bearer token has long expired by now; a fresh one keeps auth out of the way.
    const fresh = sandbox.issueAccessToken().accessToken;
    expect(
      (
        await get(
          '/users',
          { customer: 'my_customer', maxResults: 10, pageToken: token },
          { token: fresh },
        )
      ).status,
    ).toBe(200);
    clock.advance(2000);
    const expired = await get(
      '/users',
      { customer: 'my_customer', maxResults: 10, pageToken: token },
      { token: fresh },
    );
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({
      error: { message: 'Invalid Input', errors: [{ reason: 'invalid' }] },
    });
  });

  it('a page token is bound to its query: another query or order refuses it', async () => {
    const get = client(smallSandbox());
    const first = (await (
      await get('/users', { customer: 'my_customer', maxResults: 10 })
    ).json()) as Page;
    const token = first.nextPageToken!;
    expect(
      (await get('/users', { customer: 'my_customer', maxResults: 25, pageToken: token })).status,
    ).toBe(200);
    expect(
      (await get('/users', { customer: 'my_customer', orderBy: 'email', pageToken: token })).status,
    ).toBe(400);
    expect(
      (
        await get('/users', {
          customer: 'my_customer',
          query: 'isSuspended=false',
          pageToken: token,
        })
      ).status,
    ).toBe(400);
    expect(
      (await get('/users', { customer: 'my_customer', pageToken: `${token.slice(0, -2)}xx` }))
        .status,
    ).toBe(400);
  });

  it('orderBy familyName with sortOrder DESCENDING pages in that order, ignoring case', async () => {
    const get = client(smallSandbox());
    const names: string[] = [];
    let token: string | undefined;
    do {
      const query: Record<string, string | number> = {
        customer: 'my_customer',
        orderBy: 'familyName',
        sortOrder: 'DESCENDING',
        maxResults: 7,
      };
      if (token) query.pageToken = token;
      const page = (await (await get('/users', query)).json()) as Page;
      names.push(...(page.users ?? []).map((u) => u.name.familyName.toLowerCase()));
      token = page.nextPageToken;
    } while (token);
    expect(names).toHaveLength(60);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('members.list and groups.list page at most 200 with their own tokens', async () => {
    const sandbox = smallSandbox();
    const get = client(sandbox);
    const groups = (await (
      await get('/groups', { customer: 'my_customer', maxResults: 2 })
    ).json()) as { groups: { email: string }[]; nextPageToken: string };
    expect(groups.groups).toHaveLength(2);
    const next = await get('/groups', {
      customer: 'my_customer',
      maxResults: 2,
      pageToken: groups.nextPageToken,
    });
    expect(next.status).toBe(200);
    // A groups token does not page members.
    const members = await get(`/groups/${groups.groups[0]!.email}/members`, {
      pageToken: groups.nextPageToken,
    });
    expect(members.status).toBe(400);
  });
});
