/**
 * Google Workspace: walking the whole directory at Google's largest page (maxResults 500) visits
 * every person exactly once, one users.list per page, following nextPageToken forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleUserId } from '../../../../src/sandbox/google-workspace/index.js';
import {
  dataCalls,
  type GoogleFixture,
  startGoogleWorkspace,
} from '../../../support/google-workspace.js';
import type { GraphQLResult } from '../../../support/hrgraph.js';

const people = 2_100;
let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({ company: { seed: 3, size: people } });
});
afterAll(() => g.close());

const page = /* GraphQL */ `
  query Walk($after: String) {
    employees(account: "acme-google", first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { remoteId workEmail }
    }
  }
`;

interface WalkData {
  employees: {
    pageInfo: { hasNextPage: boolean; endCursor: string };
    nodes: { remoteId: string; workEmail: string }[];
  };
}

describe('Google Workspace: a forward walk of 2,100 users at maxResults 500', () => {
  it('gives everyone once, in order, with one users.list per page', async () => {
    const seen: string[] = [];
    const calls: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const result: GraphQLResult<WalkData> = await g.query<WalkData>(page, { after });
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo } = result.data!.employees;
      seen.push(...nodes.map((n) => n.remoteId));
      calls.push(...dataCalls(result.upstream));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const company = g.sandbox.company;
    expect(seen).toEqual(company.people.map((p) => googleUserId(p.id)));
    expect(new Set(seen).size).toBe(people);
    expect(calls).toEqual(Array(Math.ceil(people / 500)).fill('google.users.list'));
    const lists = g.sandbox.log.entries({ path: '/admin/directory/v1/users' });
    expect(lists.map((e) => e.query.maxResults)).toEqual(['500', '500', '500', '500', '500']);
    expect(lists.filter((e) => e.query.pageToken === undefined)).toHaveLength(1);
  });
});
