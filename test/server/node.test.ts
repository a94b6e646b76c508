import { describe, expect, test } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const acme = accountId('acme');
const globex = accountId('globex');
const id = (typename: 'Employee' | 'Group' | 'Company', account: typeof acme, remote: string) =>
  toGlobalId(typename, { accountId: account, remoteId: remoteId(remote) });

function setup(visible?: string[]) {
  return testServer(
    [
      { id: 'acme', people: people(3), groups: [{ id: 'g1', name: 'Engineering' }] },
      { id: 'globex', people: people(3) },
    ],
    visible ? { visible } : {},
  );
}

describe('Global Object Identification', () => {
  test('node(id) refetches the object the ID was handed out for', async () => {
    const { query } = setup();
    const list = await query('{ employees(account: "acme", first: 1) { nodes { id firstName } } }');
    const [first] = (list.body.data!.employees as { nodes: { id: string; firstName: string }[] })
      .nodes;
    const { body } = await query(
      'query($id: ID!) { node(id: $id) { id ... on Employee { firstName } } }',
      {
        id: first!.id,
      },
    );
    expect(body.data?.node).toEqual(first);
  });

  test('an ID of an account you cannot read resolves to null, exactly like a missing one', async () => {
    const { query } = setup(['acme']);
    const doc = 'query($id: ID!) { node(id: $id) { id } }';
    const foreign = await query(doc, { id: id('Employee', globex, '1') });
    const missing = await query(doc, { id: id('Employee', acme, '999') });
    expect(foreign.body).toEqual({ data: { node: null } });
    expect(missing.body).toEqual(foreign.body);
  });

  test('nodes(ids) keeps order and length, null for the missing', async () => {
    const { query } = setup();
    const ids = [
      id('Employee', acme, '2'),
      id('Employee', acme, '404'),
      id('Group', acme, 'g1'),
      id('Company', acme, 'company'),
    ];
    const { body } = await query('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids,
    });
    expect(body.data?.nodes).toEqual([
      { __typename: 'Employee', id: ids[0] },
      null,
      { __typename: 'Group', id: ids[2] },
      { __typename: 'Company', id: ids[3] },
    ]);
  });

  test('a malformed ID in nodes is a BAD_USER_INPUT at its own index; the others resolve', async () => {
    const { query } = setup();
    const { body } = await query('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [id('Employee', acme, '1'), 'garbage', id('Employee', acme, '3')],
    });
    expect(body.data?.nodes).toEqual([
      { id: id('Employee', acme, '1') },
      null,
      { id: id('Employee', acme, '3') },
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['nodes', 1],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  test('history rows and time off refetch through their employee', async () => {
    const { query } = setup();
    const list = await query(
      '{ employees(account: "acme", first: 1) { nodes { employments { id jobTitle } timeOff { id startDate } } } }',
    );
    const node = (
      list.body.data!.employees as {
        nodes: { employments: { id: string }[]; timeOff: { id: string }[] }[];
      }
    ).nodes[0]!;
    const { body } = await query(
      'query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Employment { jobTitle } } b: node(id: $b) { ... on TimeOff { startDate } } }',
      { a: node.employments[0]!.id, b: node.timeOff[0]!.id },
    );
    expect(body).toEqual({ data: { a: { jobTitle: 'Engineer' }, b: { startDate: '2026-03-01' } } });
  });

  test('employee(id) with the ID of another type is BAD_USER_INPUT', async () => {
    const { query } = setup();
    const { body } = await query('query($id: ID!) { employee(id: $id) { id } }', {
      id: id('Group', acme, 'g1'),
    });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toMatch(/Expected the ID of Employee, got the ID of Group/);
  });

  test('_entities: a representation whose ID names another type fails alone', async () => {
    const { query } = setup();
    const { body } = await query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Group { name } } }',
      {
        r: [
          { __typename: 'Group', id: id('Group', acme, 'g1') },
          { __typename: 'Group', id: id('Employee', acme, '1') },
        ],
      },
    );
    expect(body.data?._entities).toEqual([{ name: 'Engineering' }, null]);
    expect(body.errors?.[0]).toMatchObject({
      path: ['_entities', 1],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
