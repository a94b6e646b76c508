/**
 * Issue 17, Entra ID: "`nodes(ids:)` of N costs ⌈N/20⌉ batched calls at most", a page carries its
 * managers (`$expand=manager`) and only the managers off the page cost a read, and `$select`
 * names exactly the selection. Every count is computed here from the company and Graph's
 * published limits ($batch: 20 requests; `in`: 15 values), never from the planner, and read from
 * the sandbox's request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import { entraUserId } from '../../../../src/sandbox/microsoft-entra-id/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { type EntraFixture, startEntra } from './fixture.js';

const BATCH_LIMIT = 20;
let entra: EntraFixture;
beforeAll(async () => {
  entra = await startEntra();
});
afterAll(() => entra.close());

const idOf = (personId: number) => entraUserId(entra.sandbox.company.domain, personId);
const globalId = (account: string, personId: number) =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(idOf(personId)) });

describe('nodes(ids:) of N', () => {
  it.each([1, 19, 20, 21, 45, 100])(
    'N = %i costs ⌈N/20⌉ $batch calls, each of at most 20 single-user GETs',
    async (n) => {
      // Warm the token first, so only Graph calls are counted.
      await entra.query(/* GraphQL */ `{ employees(account: "entra", first: 1) { nodes { id } } }`);
      entra.resetCounts();
      const ids = Array.from({ length: n }, (_, i) => globalId('entra', i + 1));
      const result = await entra.query<{ nodes: { remoteId: string; jobTitle: string }[] }>(
        /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { remoteId jobTitle } } }`,
        { ids },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.nodes.map((node) => node.remoteId)).toEqual(
        Array.from({ length: n }, (_, i) => idOf(i + 1)),
      );
      expect(entra.served('/v1.0/$batch')).toBe(Math.ceil(n / BATCH_LIMIT));
      expect(entra.served()).toBe(Math.ceil(n / BATCH_LIMIT));
      const inner = entra.sandbox.innerLog.entries().slice(-n);
      expect(inner.every((entry) => entry.query.$select === 'id,jobTitle')).toBe(true);
    },
  );
});

describe('a page with managers', () => {
  const page = /* GraphQL */ `
    query ($first: Int!) {
      employees(account: "entra", first: $first) {
        nodes { remoteId displayName manager { remoteId displayName jobTitle } }
      }
    }
  `;

  it('costs 1 list + ⌈managers off the page / 20⌉, the list carrying $select and $expand=manager', async () => {
    const first = 30;
    const people = entra.sandbox.company.people.slice(0, first);
    const onPage = new Set(people.map((p) => p.id));
    const managers = new Set(
      people
        .map((p) => entra.sandbox.company.currentJob(p).managerId)
        .filter((id): id is number => id !== null),
    );
    const off = [...managers].filter((id) => !onPage.has(id));
    await entra.query(/* GraphQL */ `{ employees(account: "entra", first: 1) { nodes { id } } }`);
    entra.resetCounts();
    const result = await entra.query<{
      employees: { nodes: { remoteId: string; manager: { remoteId: string } | null }[] };
    }>(page, { first });
    expect(result.errors).toBeUndefined();
    const offReads = off.length === 0 ? 0 : Math.ceil(off.length / BATCH_LIMIT);
    expect(entra.served()).toBe(1 + offReads);
    expect(entra.served('/v1.0/users')).toBe(1);
    const list = entra.sandbox.log.entries({ path: '/v1.0/users' }).at(-1)!;
    expect(list.query.$expand).toBe('manager($select=id)');
    expect(String(list.query.$select).split(',').sort()).toEqual(['displayName', 'id', 'jobTitle']);
    expect(list.query.$top).toBe(String(first));
    for (const node of result.data!.employees.nodes) {
      const person = entra.sandbox.company.people.find((p) => idOf(p.id) === node.remoteId)!;
      const manager = entra.sandbox.company.currentJob(person).managerId;
      expect(node.manager?.remoteId ?? null).toBe(manager === null ? null : idOf(manager));
    }
  });

  it('a page filtered by 40 ids is one $batch of ⌈40/15⌉ id-in lists', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => remoteId(idOf(150 + i)));
    entra.resetCounts();
    const result = await entra.query<{ employees: { nodes: { remoteId: string }[] } }>(
      /* GraphQL */ `query ($ids: [ID!]) { employees(account: "entra", first: 50, filter: { ids: $ids }) { nodes { remoteId } } }`,
      {
        ids: ids.map((id) =>
          toGlobalId('Employee', { accountId: accountId('entra'), remoteId: id }),
        ),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(ids);
    expect(entra.served()).toBe(1);
    const inner = entra.sandbox.innerLog.entries().slice(-Math.ceil(40 / 15));
    expect(inner.every((entry) => entry.path === '/v1.0/users')).toBe(true);
  });
});
