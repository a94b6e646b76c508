import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { type AuthFixture, startAuthFixture, twoCompanies } from './support.js';

let hr: AuthFixture;
let acmeOnly: Record<string, string>;
let globexOnly: Record<string, string>;
/** Real IDs of the other tenant's objects. */
const foreign: Record<'employee' | 'group' | 'company' | 'cursor', string> = {
  employee: '',
  group: '',
  company: '',
  cursor: '',
};
let own = '';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  hr = await startAuthFixture({
    apiTokens: true,
    sandbox: twoCompanies(20),
  });
  await hr.addApiKeyAccount('acme', hr.sandbox.apiKeyFor('acme'), 'acme');
  await hr.addApiKeyAccount('globex', hr.sandbox.apiKeyFor('globex'), 'globex');
  acmeOnly = bearer((await hr.tokens.create('acme app', [accountId('acme')])).secret);
  globexOnly = bearer((await hr.tokens.create('globex app', [accountId('globex')])).secret);
  const theirs = await hr.query(
    /* GraphQL */ `{
      employees(account: "globex", first: 2) { edges { cursor node { id } } }
      account(id: "globex") { company { id } groups(first: 1) { nodes { id } } }
    }`,
    globexOnly,
  );
  expect(theirs.errors).toBeUndefined();
  const data = theirs.data as {
    employees: { edges: { cursor: string; node: { id: string } }[] };
    account: { company: { id: string }; groups: { nodes: { id: string }[] } };
  };
  foreign.employee = data.employees.edges[1]!.node.id;
  foreign.cursor = data.employees.edges[0]!.cursor;
  foreign.company = data.account.company.id;
  foreign.group = data.account.groups.nodes[0]!.id;
  const mine = await hr.query(
    '{ employees(account: "acme", first: 1) { nodes { id } } }',
    acmeOnly,
  );
  own = (mine.data as { employees: { nodes: { id: string }[] } }).employees.nodes[0]!.id;
});
afterAll(() => hr.close());

/** An ID of the caller's own account that does not exist, and IDs guessed for the other one. */
const missing = () =>
  toGlobalId('Employee', { accountId: accountId('acme'), remoteId: '999999' as never });
const guessedForeign = () =>
  toGlobalId('Employee', { accountId: accountId('globex'), remoteId: '3' as never });

describe('tenant isolation: a token reads only its accounts, on every resolver path', () => {
  test('accounts and account(id:) list only the token’s accounts', async () => {
    const result = await hr.query(
      '{ accounts { id } globex: account(id: "globex") { id } nobody: account(id: "nobody") { id } }',
      acmeOnly,
    );
    expect(result).toEqual({ data: { accounts: [{ id: 'acme' }], globex: null, nobody: null } });
  });

  test('lists: another tenant’s account answers exactly as one that does not exist', async () => {
    const ask = (account: string) =>
      hr.query(`{ employees(account: "${account}", first: 1) { nodes { id } } }`, acmeOnly);
    const theirs = JSON.stringify(await ask('globex')).replaceAll('globex', 'X');
    const none = JSON.stringify(await ask('nobody')).replaceAll('nobody', 'X');
    expect(theirs).toBe(none);
    expect(theirs).toContain('BAD_USER_INPUT');
    expect(theirs).not.toContain('globex');
  });

  const nodeQuery = /* GraphQL */ `query ($id: ID!) {
    node(id: $id) { id ... on Employee { displayName remoteData } ... on Group { name } ... on Company { legalName } }
  }`;
  const employeeQuery = /* GraphQL */ `query ($id: ID!) { employee(id: $id) { id remoteData } }`;

  test('node and employee: a foreign global ID (real or guessed) looks exactly like a missing one', async () => {
    const missingNode = await hr.query(nodeQuery, acmeOnly, { id: missing() });
    expect(missingNode).toEqual({ data: { node: null } });
    for (const id of [foreign.employee, foreign.group, foreign.company, guessedForeign()]) {
      expect(await hr.query(nodeQuery, acmeOnly, { id })).toEqual(missingNode);
    }
    const missingEmployee = await hr.query(employeeQuery, acmeOnly, { id: missing() });
    expect(missingEmployee).toEqual({ data: { employee: null } });
    for (const id of [foreign.employee, guessedForeign()]) {
      expect(await hr.query(employeeQuery, acmeOnly, { id })).toEqual(missingEmployee);
    }
    // The owner does see them.
    const theirs = await hr.query(nodeQuery, globexOnly, { id: foreign.employee });
    expect((theirs.data?.node as { remoteData: unknown } | null)?.remoteData).toBeTruthy();
  });

  test('nodes(ids:): foreign and guessed IDs are nulls in place, the caller’s own resolve', async () => {
    const result = await hr.query(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Employee { remoteData } } }',
      acmeOnly,
      { ids: [foreign.employee, missing(), guessedForeign(), foreign.group, own] },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.nodes as ({ id: string } | null)[];
    expect(nodes.slice(0, 4)).toEqual([null, null, null, null]);
    expect(nodes[4]?.id).toBe(own);
  });

  test('federation _entities: foreign representations resolve to null like missing ones', async () => {
    const result = await hr.query(
      /* GraphQL */ `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id displayName remoteData } } }`,
      acmeOnly,
      {
        r: [foreign.employee, missing(), guessedForeign(), own].map((id) => ({
          __typename: 'Employee',
          id,
        })),
      },
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as ({ id: string } | null)[];
    expect(entities.slice(0, 3)).toEqual([null, null, null]);
    expect(entities[3]?.id).toBe(own);
  });

  test('a foreign cursor is refused as any tampered cursor', async () => {
    const result = await hr.query(
      `{ employees(account: "acme", first: 1, after: "${foreign.cursor}") { nodes { id } } }`,
      acmeOnly,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toContain('globex');
  });

  test('none of this sent a single call to the other tenant’s company', async () => {
    const before = hr.sandbox.log.count({ company: 'globex' });
    await hr.query(nodeQuery, acmeOnly, { id: foreign.employee });
    await hr.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', acmeOnly, {
      ids: [foreign.employee, guessedForeign()],
    });
    await hr.query('{ account(id: "globex") { company { legalName } } }', acmeOnly);
    expect(hr.sandbox.log.count({ company: 'globex' })).toBe(before);
  });
});
