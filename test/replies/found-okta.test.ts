/**
 * What the spec-generated replies suite found in Okta, each pinned by a reply the spec allows (or,
 * for text, one a real org could send and the spec's types forbid), forged over the sandbox's
 * real answer: the right data or a coded error at the path, never a value the reply did not hold.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { oktaUserId } from '../../src/sandbox/okta/index.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { type ForgeRule, forgeReplies } from '../resilience/forge.js';
import { type OktaFixture, startOkta } from '../support/okta.js';

let okta: OktaFixture | undefined;
afterEach(async () => {
  await okta?.close();
  okta = undefined;
});

async function start(rules: readonly ForgeRule[]) {
  okta = await startOkta({
    company: { size: 12, seed: 5, customFieldCount: 0 },
    http: { maxAttempts: 1 },
    wrapHttp: forgeReplies(rules),
  });
  return okta;
}

const employee = (person: number) =>
  toGlobalId('Employee', { accountId: accountId('okta'), remoteId: remoteId(oktaUserId(person)) });

type Group = { id: string; profile: { name: string } };
type User = { id: string; profile: Record<string, unknown> };

describe('Okta groups: a group the spec allows without a usable id', () => {
  it('a group whose id is empty is left out of the groups and never a department, not a null without an error', async () => {
    const fixture = await start([
      {
        operation: 'okta.listGroups',
        rewrite: (body) => (body as Group[]).map((group) => ({ ...group, id: '' })),
      },
    ]);
    const result = await fixture.query<{
      employee: { department: unknown };
      account: { groups: { nodes: { remoteId: string }[] } };
    }>(
      /* GraphQL */ `
        query ($id: ID!) {
          employee(id: $id) { department { remoteId name } }
          account(id: "okta") { groups(first: 50) { nodes { remoteId name } } }
        }
      `,
      { id: employee(3) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.employee.department).toBeNull();
    expect(result.data?.account.groups.nodes).toEqual([]);
  });
});

describe('Okta profiles: text is text', () => {
  it('an object where a text attribute belongs is UPSTREAM_BAD_RESPONSE at the field, never "[object Object]"', async () => {
    const fixture = await start([
      {
        operation: 'okta.getUser',
        rewrite: (body) => {
          const user = body as User;
          return { ...user, profile: { ...user.profile, title: { name: 'x' } } };
        },
      },
    ]);
    const result = await fixture.query<{ employee: { firstName: string; jobTitle: unknown } }>(
      /* GraphQL */ `query ($id: ID!) { employee(id: $id) { firstName jobTitle } }`,
      { id: employee(3) },
    );
    expect(result.data?.employee.jobTitle).toBeNull();
    expect(typeof result.data?.employee.firstName).toBe('string');
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['employee', 'jobTitle'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });
});
