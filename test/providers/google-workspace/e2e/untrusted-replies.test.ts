/**
 * Issue 14 for Google Workspace: a reply the Directory API may send (the sandbox's real answer,
 * forged where no fault gives it) ends in the data it held or UPSTREAM_BAD_RESPONSE at its path:
 * never a silent null, never an id Google could not have issued, never the same people twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import { createGoogleWorkspaceAdapter } from '../../../../src/providers/google-workspace/index.js';
import { googleUserId } from '../../../../src/sandbox/google-workspace/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import {
  expectAnotherRecordRefused,
  type ForgeRule,
  forgeReplies,
  nodeAndEmployeeQuery,
} from '../../../resilience/forge.js';
import { type GoogleFixture, startGoogleWorkspace } from '../../../support/google-workspace.js';
import { graphqlOver } from '../../../support/hrgraph.js';

let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({ company: { seed: 11, size: 30 } });
});
afterAll(() => g.close());

const account = accountId('forged-google');

/** hrgraph over an adapter whose replies `rules` rewrite (the http client stays the fixture's). */
function forged(rules: readonly ForgeRule[]) {
  const adapter = createGoogleWorkspaceAdapter({
    accountId: account,
    company: 'my_customer',
    baseUrl: g.url,
    key: g.key,
    http: forgeReplies(rules)(g.http),
    now: g.clock.now,
  });
  return graphqlOver([adapter]);
}

const byEmail = (url: string) => decodeURIComponent(new URL(url).pathname).includes('@');

describe('issue 14 (Google Workspace): the record answered is the record asked for', () => {
  it('users.get answering another user is UPSTREAM_BAD_RESPONSE at the node, not a silent null', async () => {
    const query = forged([
      {
        operation: 'google.users.get',
        rewrite: (body) => ({ ...(body as object), id: googleUserId(4) }),
      },
    ]);
    const result = await query(nodeAndEmployeeQuery, {
      id: toGlobalId('Employee', { accountId: account, remoteId: remoteId(googleUserId(3)) }),
    });
    expectAnotherRecordRefused(result, {
      accountId: 'forged-google',
      operation: 'google.users.get',
    });
  });

  it('a manager read by email answering an id Google could not issue is UPSTREAM_BAD_RESPONSE at manager, never that id', async () => {
    const query = forged([
      {
        operation: 'google.users.get',
        rewrite: (body, request) =>
          byEmail(request.url) ? { ...(body as object), id: 'x-1' } : body,
      },
    ]);
    const result = await query<{
      employees: { nodes: { remoteId: string; manager: { remoteId: string } | null }[] };
    }>(
      // Ordered by family name, the first page's managers are not all on it.
      '{ employees(first: 5, orderBy: [{ field: LAST_NAME, direction: DESC }]) { nodes { remoteId manager { remoteId } } } }',
    );
    const nodes = result.data?.employees.nodes ?? [];
    expect(nodes).toHaveLength(5);
    expect(JSON.stringify(result.data)).not.toContain('x-1');
    const company = g.sandbox.company;
    const onPage = new Set(nodes.map((n) => n.remoteId));
    const offPage: (string | number)[][] = [];
    nodes.forEach((node, i) => {
      const person = company.people.find((p) => googleUserId(p.id) === node.remoteId)!;
      const managerId = company.currentJob(person).managerId;
      const manager = managerId === null ? null : googleUserId(managerId);
      // A manager on the page is known without a read; one read by email is lost, with an error.
      if (manager !== null && !onPage.has(manager)) {
        offPage.push(['employees', 'nodes', i, 'manager']);
        expect(node.manager).toBeNull();
      } else {
        expect(node.manager?.remoteId ?? null).toBe(manager);
      }
    });
    expect(offPage.length).toBeGreaterThan(0);
    expect(result.errors?.map((e) => e.path)).toHaveLength(offPage.length);
    expect(result.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(offPage));
    for (const error of result.errors ?? []) {
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_BAD_RESPONSE',
        operation: 'google.users.get',
      });
    }
  });
});

describe('issue 14 (Google Workspace): cursors that move', () => {
  it('a nextPageToken that does not advance is UPSTREAM_BAD_RESPONSE, never the same people twice', async () => {
    const query = forged([
      {
        operation: 'google.users.list',
        // From the second page on, Google hands back the token it was just given.
        rewrite: (body, request) => {
          const given = new URL(request.url).searchParams.get('pageToken');
          return given ? { ...(body as object), nextPageToken: given } : body;
        },
      },
    ]);
    const page = /* GraphQL */ `
      query ($after: String) {
        employees(first: 10, after: $after) { pageInfo { endCursor } nodes { remoteId } }
      }
    `;
    type Page = {
      employees: { pageInfo: { endCursor: string }; nodes: { remoteId: string }[] } | null;
    };
    const first = await query<Page>(page);
    expect(first.errors).toBeUndefined();
    const second = await query<Page>(page, { after: first.data!.employees!.pageInfo.endCursor });
    expect(second.data?.employees ?? null).toBeNull();
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      accountId: 'forged-google',
    });
  });
});
