/**
 * "Every argument is validated with a clear message": each bad input the issue lists is a
 * BAD_USER_INPUT that says what was wrong and what to send instead, and none reaches a provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResult, type HrGraphFixture, startHrGraph } from '../support/hrgraph.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 30, customFieldCount: 3, seed: 9 } });
});
afterAll(async () => {
  await hr.close();
});

interface Page {
  employees: { pageInfo: { endCursor: string } } | null;
}

const list = /* GraphQL */ `
  query List($account: ID!, $first: Int, $last: Int, $after: String, $before: String,
             $filter: EmployeeFilter) {
    employees(account: $account, first: $first, last: $last, after: $after, before: $before,
              filter: $filter) {
      edges { node { remoteId } }
      pageInfo { endCursor }
    }
  }
`;

async function endCursor(variables: Record<string, unknown>): Promise<string> {
  const result = await hr.query<Page>(list, { first: 2, ...variables });
  return result.data!.employees!.pageInfo.endCursor;
}

/** The one error, which must be BAD_USER_INPUT with a message matching `message`. */
function expectBadInput(result: GraphQLResult, message: RegExp) {
  expect(result.status).toBeLessThan(500);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error!.message).toMatch(message);
}

describe('cursors', () => {
  it('a tampered cursor', async () => {
    const cursor = await endCursor({ account: 'acme' });
    const [body, mac] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { s: number };
    const edited = JSON.stringify({ ...payload, s: payload.s + 1 });
    const tampered = `${Buffer.from(edited).toString('base64url')}.${mac}`;
    expect(tampered).not.toBe(cursor);
    const result = await hr.query(list, { account: 'acme', first: 2, after: tampered });
    expectBadInput(result, /^`after` is not a valid cursor: it was altered/);
    expect(result.upstream.calls).toBe(0);
  });

  it('a cursor that is not one at all', async () => {
    const result = await hr.query(list, { account: 'acme', last: 2, before: 'page=3' });
    expectBadInput(result, /^`before` is not a cursor this API issued/);
  });

  it('a cursor foreign to the query (another filter)', async () => {
    const cursor = await endCursor({ account: 'acme', filter: { status: 'ACTIVE' } });
    const result = await hr.query(list, { account: 'acme', first: 2, after: cursor });
    expectBadInput(result, /issued for a different filter or order; start again without a cursor/);
    expect(result.upstream.calls).toBe(0);
  });

  it('a cursor from another account', async () => {
    const cursor = await endCursor({ account: 'acme-oauth' });
    const result = await hr.query(list, { account: 'acme', first: 2, after: cursor });
    expectBadInput(result, /belongs to another account/);
    expect(result.upstream.calls).toBe(0);
  });

  it('a cursor of another connection (groups) on employees', async () => {
    const groups = await hr.query<{ account: { groups: { pageInfo: { endCursor: string } } } }>(
      /* GraphQL */ `{ account(id: "acme") { groups(first: 1) { pageInfo { endCursor } } } }`,
    );
    const cursor = groups.data!.account.groups.pageInfo.endCursor;
    const result = await hr.query(list, { account: 'acme', first: 2, after: cursor });
    expectBadInput(result, /different filter or order/);
  });
});

describe('page sizes', () => {
  it.each([
    [{ first: 1001 }, /^`first` may be at most 1000; page with `after` for more\.$/],
    [{ last: 5000 }, /^`last` may be at most 1000/],
    [{ first: -1 }, /^`first` must be a non-negative integer\.$/],
    [{ last: -20 }, /^`last` must be a non-negative integer\.$/],
    [{ first: 2, last: 2 }, /^Pass either `first` or `last`, not both\.$/],
  ])('%j', async (args, message) => {
    const result = await hr.query(list, { account: 'acme', ...args });
    expectBadInput(result, message);
    expect(result.upstream.calls).toBe(0);
  });

  it('nested connections are held to the same maximum', async () => {
    const result = await hr.query(/* GraphQL */ `
      { employees(account: "acme", first: 1) {
          edges { node { directReports(first: 1001) { edges { node { remoteId } } } } } } }
    `);
    expectBadInput(result, /^`first` may be at most 1000/);
    expect(result.errors![0]!.path).toEqual(['employees', 'edges', 0, 'node', 'directReports']);
  });
});

describe('names and filters', () => {
  it('unknown custom field names are named back', async () => {
    const result = await hr.query(/* GraphQL */ `
      { employees(account: "acme", first: 1) {
          edges { node { customFields(names: ["shirtSizeX", "nope"]) } } } }
    `);
    expectBadInput(result, /^Unknown BambooHR fields: shirtSizeX, nope$/);
  });

  it('a filter the provider cannot do says which it can', async () => {
    const result = await hr.query(list, { account: 'acme', first: 2, filter: { firstName: 'a' } });
    expectBadInput(result, /cannot filter employees by `firstName`; it can filter by: status, /);
    expect(result.upstream.calls).toBe(0);
  });

  it('an ID that is not one of ours in a filter', async () => {
    const result = await hr.query(list, { account: 'acme', first: 2, filter: { ids: ['42'] } });
    expectBadInput(result, /^Invalid ID/);
  });

  it('more IDs than a call can take', async () => {
    const ids = Array.from({ length: 1001 }, () => 'x');
    const result = await hr.query(/* GraphQL */ `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids,
    });
    expectBadInput(result, /^`ids` takes at most 1000 IDs\.$/);
  });
});

describe('dates', () => {
  const timeOff = /* GraphQL */ `
    query($start: Date, $end: Date) {
      employees(account: "acme", first: 1) { edges { node { timeOff(start: $start, end: $end) { id } } } }
    }
  `;
  const balances = /* GraphQL */ `
    query($asOf: Date) {
      employees(account: "acme", first: 1) { edges { node { timeOffBalances(asOf: $asOf) { balance } } } }
    }
  `;

  it.each([
    [timeOff, { start: '1800-01-01' }, /^`start` must be between 1900-01-01 and 2100-12-31\.$/],
    [timeOff, { end: '9999-12-31' }, /^`end` must be between 1900-01-01 and 2100-12-31\.$/],
    [timeOff, { start: '2026-05-02', end: '2026-05-01' }, /^`start` must not be after `end`\.$/],
    [balances, { asOf: '0001-01-01' }, /^`asOf` must be between 1900-01-01 and 2100-12-31\.$/],
  ])('%#: %j', async (document, dates, message) => {
    const result = await hr.query(document, dates);
    expectBadInput(result, message);
    const operations = result.upstream.entries.map((e) => e.operation);
    expect(operations.filter((op) => /timeOff/.test(op))).toEqual([]);
  });
});

describe('query shape', () => {
  it('over-deep: more levels than maxDepth', async () => {
    const deep = `${'manager { '.repeat(15)}remoteId${' }'.repeat(15)}`;
    const result = await hr.query(
      `{ employees(account: "acme", first: 1) { edges { node { ${deep} } } } }`,
    );
    expectBadInput(result, /levels deep; at most 15 are allowed/);
    expect(result.upstream.calls).toBe(0);
  });

  it('over-wide: more aliases than maxAliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: firstName`).join(' ');
    const result = await hr.query(
      `{ employees(account: "acme", first: 1) { edges { node { ${aliases} } } } }`,
    );
    expectBadInput(result, /31 aliases; at most 30 are allowed/);
    expect(result.upstream.calls).toBe(0);
  });
});
