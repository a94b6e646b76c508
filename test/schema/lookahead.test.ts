import { describe, expect, test } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import type { FakeCall } from '../support/fake-hr-loaders.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const acme = accountId('acme');
const employeeId = (id: string) =>
  toGlobalId('Employee', { accountId: acme, remoteId: remoteId(id) });

function setup() {
  return testServer([
    {
      id: 'acme',
      people: people(4, (i) => ({ manager: i ? '1' : undefined })),
      groups: [{ id: 'g1', name: 'Eng' }],
    },
  ]);
}

function listFields(calls: FakeCall[]) {
  const list = calls.find((call) => call.op === 'list');
  return list && 'fields' in list ? [...list.fields].sort() : undefined;
}

function prefetches(calls: FakeCall[]) {
  return calls.filter((call) => call.op === 'prefetch') as Extract<FakeCall, { op: 'prefetch' }>[];
}

describe('lookahead: the fields a list or node call carries', () => {
  test('fields under edges.node and nodes, through aliases, of this list only', async () => {
    const { query, fake } = setup();
    const { body } = await query(/* GraphQL */ `{
      employees(first: 2) {
        edges { node { given: firstName jobTitle } }
        nodes { lastName groups { name } manager { workEmail } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    // The manager's own workEmail is another employee's field: the field loaders plan it.
    expect(listFields(fake.calls)).toEqual([
      'department',
      'division',
      'firstName',
      'jobTitle',
      'lastName',
      'manager',
    ]);
  });

  test("the managers' fields: under manager { … } at any depth, through fragments, not under directReports", async () => {
    const { query, fake } = setup();
    const { body } = await query(/* GraphQL */ `
      query {
        employees(first: 2) {
          nodes {
            firstName
            manager { displayName ...Boss manager { workEmail } }
            directReports(first: 1) { nodes { lastName manager { hireDate } } }
          }
        }
      }
      fragment Boss on Employee { jobTitle }
    `);
    expect(body.errors).toBeUndefined();
    const list = fake.calls.find((call) => call.op === 'list');
    expect(list && 'managerFields' in list ? [...list.managerFields].sort() : undefined).toEqual([
      'displayName',
      'jobTitle',
      'manager',
      'workEmail',
    ]);
  });

  test('named fragments and inline fragments on Employee and Node', async () => {
    const { query, fake } = setup();
    const { body } = await query(/* GraphQL */ `
      query { employees(first: 1) { edges { node { ...Card ... on Node { ... on Employee { hireDate } } } } } }
      fragment Card on Employee { displayName ... on Employee { employmentStatusRaw } }
    `);
    expect(body.errors).toBeUndefined();
    expect(listFields(fake.calls)).toEqual(['displayName', 'employmentStatus', 'hireDate']);
  });

  test('@skip and @include with variables decide', async () => {
    const { query, fake } = setup();
    await query(
      /* GraphQL */ `query($a: Boolean!, $b: Boolean!) {
        employees(first: 1) { nodes { firstName @include(if: $a) lastName @skip(if: $b) jobTitle } }
      }`,
      { a: false, b: true },
    );
    expect(listFields(fake.calls)).toEqual(['jobTitle']);
  });

  test('node(id) prefetches the fields its Employee fragment selects, not those of other types', async () => {
    const { query, fake } = setup();
    const { body } = await query(
      /* GraphQL */ `query($id: ID!) { node(id: $id) { id ... on Employee { jobTitle } ... on Company { displayName } } }`,
      { id: employeeId('2') },
    );
    expect(body.errors).toBeUndefined();
    expect(prefetches(fake.calls)).toEqual([{ op: 'prefetch', ids: ['2'], fields: ['jobTitle'] }]);
  });

  test('node(id) selecting only id still checks existence, with an empty field list', async () => {
    const { query, fake } = setup();
    const { body } = await query('query($id: ID!) { node(id: $id) { id } }', {
      id: employeeId('3'),
    });
    expect(body.data).toEqual({ node: { id: employeeId('3') } });
    expect(prefetches(fake.calls)).toEqual([{ op: 'prefetch', ids: ['3'], fields: [] }]);
  });

  test('nodes, node aliases and _entities: one prefetch with the union of fields', async () => {
    const { query, fake } = setup();
    const { body } = await query(
      /* GraphQL */ `query($a: ID!, $b: ID!, $c: ID!) {
        x: node(id: $a) { ... on Employee { firstName } }
        y: node(id: $b) { ... on Employee { lastName } }
        nodes(ids: [$c]) { ... on Employee { jobTitle } }
      }`,
      { a: employeeId('1'), b: employeeId('2'), c: employeeId('3') },
    );
    expect(body.errors).toBeUndefined();
    const batch = prefetches(fake.calls);
    expect(batch).toHaveLength(1);
    expect(batch[0]?.ids).toEqual(['1', '2', '3']);
    expect([...(batch[0]?.fields ?? [])].sort()).toEqual(['firstName', 'jobTitle', 'lastName']);
  });

  test('_entities: every Employee representation in one prefetch, fields from its fragment', async () => {
    const { query, fake } = setup();
    const { body } = await query(
      /* GraphQL */ `query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { firstName manager { id } } } }`,
      { r: ['1', '2', 'nope', '4'].map((id) => ({ __typename: 'Employee', id: employeeId(id) })) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { firstName: 'First1', manager: null },
      { firstName: 'First2', manager: { id: employeeId('1') } },
      null,
      { firstName: 'First4', manager: { id: employeeId('1') } },
    ]);
    expect(prefetches(fake.calls)).toEqual([
      { op: 'prefetch', ids: ['1', '2', 'nope', '4'], fields: ['firstName', 'manager'] },
    ]);
  });
});
