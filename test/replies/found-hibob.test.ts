/**
 * What the spec-generated replies suite found in HiBob, each pinned by a reply the spec allows,
 * forged over the sandbox's real answer: the right data or a coded error at the path, never a
 * value the reply did not hold.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { hibobEmployeeId } from '../../src/sandbox/hibob/index.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { type HibobFixture, startHibob } from '../providers/hibob/fixture.js';
import { type ForgeRule, forgeReplies } from '../resilience/forge.js';

let bob: HibobFixture | undefined;
afterEach(async () => {
  await bob?.close();
  bob = undefined;
});

async function start(rules: readonly ForgeRule[]) {
  bob = await startHibob({
    company: { size: 12, seed: 5, customFieldCount: 0 },
    http: { maxAttempts: 1 },
    wrapHttp: forgeReplies(rules),
  });
  return bob;
}

const employee = (person: number) =>
  toGlobalId('Employee', {
    accountId: accountId('hibob'),
    remoteId: remoteId(hibobEmployeeId(person)),
  });

type Search = { employees: Record<string, unknown>[] };
const withAvatar = (avatarUrl: string): ForgeRule => ({
  operation: 'hibob.people.byIds',
  rewrite: (body) => ({
    employees: (body as Search).employees.map((record) => ({ ...record, avatarUrl })),
  }),
});

describe('HiBob: an avatar URL is an http(s) URL', () => {
  it('a value that is no http(s) URL is UPSTREAM_BAD_RESPONSE at the field, never rewritten by the URL scalar', async () => {
    const fixture = await start([withAvatar('Mjl:')]);
    const result = await fixture.query<{ employee: { lastName: string; avatarUrl: unknown } }>(
      /* GraphQL */ `query ($id: ID!) { employee(id: $id) { lastName avatarUrl } }`,
      { id: employee(3) },
    );
    expect(result.data?.employee.avatarUrl).toBeNull();
    expect(typeof result.data?.employee.lastName).toBe('string');
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['employee', 'avatarUrl'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });

  it('an https URL is shown as Bob sent it', async () => {
    const url = 'https://images.hibob.test/avatars/3.png';
    const fixture = await start([withAvatar(url)]);
    const result = await fixture.query<{ employee: { avatarUrl: unknown } }>(
      /* GraphQL */ `query ($id: ID!) { employee(id: $id) { avatarUrl } }`,
      { id: employee(3) },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data?.employee.avatarUrl).toBe(url);
  });
});
