/**
 * Issue 14 for Okta, "the record answered is the record asked for": a read by id that answers
 * another user is UPSTREAM_BAD_RESPONSE at the paths that asked, never a silent null, and never
 * another person's data under the id asked for. The sandbox's real answers, forged between the
 * adapter and the http client where no fault gives them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import { oktaUserId } from '../../../../src/sandbox/okta/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import {
  expectAnotherRecordRefused,
  type ForgeRule,
  forgeReplies,
  nodeAndEmployeeQuery,
} from '../../../resilience/forge.js';
import { operations } from '../../../support/hrgraph.js';
import { type OktaFixture, startOkta } from '../../../support/okta.js';

let okta: OktaFixture | undefined;
afterEach(async () => {
  await okta?.close();
  okta = undefined;
});

async function start(rules: readonly ForgeRule[]) {
  okta = await startOkta({
    company: { size: 20, seed: 5, customFieldCount: 0 },
    http: { maxAttempts: 1 },
    wrapHttp: forgeReplies(rules),
  });
  return okta;
}

const employeeId = (person: number) =>
  toGlobalId('Employee', { accountId: accountId('okta'), remoteId: remoteId(oktaUserId(person)) });

type User = { id: string };

describe('issue 14: the record answered is the record asked for (Okta)', () => {
  it('GET /users/{id} answering another user is UPSTREAM_BAD_RESPONSE at node and employee, not a silent null', async () => {
    const fixture = await start([
      { operation: 'okta.getUser', rewrite: (body) => ({ ...(body as User), id: oktaUserId(4) }) },
    ]);
    const result = await fixture.query(nodeAndEmployeeQuery, { id: employeeId(3) });
    expectAnotherRecordRefused(result, { accountId: 'okta', operation: 'okta.getUser' });
    expect(operations(result.upstream)).toEqual(['okta.getUser']);
  });

  it('users by id answering a user not asked for is UPSTREAM_BAD_RESPONSE at those nodes, and the other account still answers', async () => {
    const fixture = await start([
      {
        operation: 'okta.listUsersById',
        accountId: 'okta',
        rewrite: (body) =>
          (body as User[]).map((user, i) => (i === 0 ? { ...user, id: oktaUserId(9) } : user)),
      },
    ]);
    const other = (person: number) =>
      toGlobalId('Employee', {
        accountId: accountId('okta-app'),
        remoteId: remoteId(oktaUserId(person)),
      });
    const result = await fixture.query<{ nodes: ({ remoteId: string } | null)[] }>(
      /* GraphQL */ `
        query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { remoteId firstName } } }
      `,
      { ids: [employeeId(2), employeeId(3), other(2)] },
    );
    expect(result.data?.nodes).toEqual([
      null,
      null,
      { remoteId: oktaUserId(2), firstName: fixture.sandbox.company.people[1]!.firstName },
    ]);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['nodes', 0],
      ['nodes', 1],
    ]);
    for (const error of result.errors ?? []) {
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_BAD_RESPONSE',
        accountId: 'okta',
        operation: 'okta.listUsersById',
      });
    }
  });
});
