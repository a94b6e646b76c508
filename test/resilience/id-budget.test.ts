/**
 * Issue 13, item 4: "invalid IDs must not amplify". One operation names a bounded number of IDs in
 * all (`limits.maxSize`, 1,000 by default) across `nodes`, `node`, `employee`, `_entities` and the
 * ID filters, and at most 100 of them may be invalid; past either bound a field fails at once with
 * one BAD_USER_INPUT, instead of one error per ID.
 */
import { describe, expect, test } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const acme = accountId('acme');
const employeeId = (remote: number) =>
  toGlobalId('Employee', { accountId: acme, remoteId: remoteId(String(remote)) });

function setup(maxSize?: number) {
  return testServer([{ id: 'acme', people: people(5) }], maxSize ? { limits: { maxSize } } : {});
}

describe('Issue 13 item 4: IDs and their errors are bounded per operation', () => {
  test('30 aliases × nodes(ids:) of 1,000 invalid IDs: one error and a small response, not 30,000 errors', async () => {
    const { query } = setup();
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: nodes(ids: $ids) { id }`);
    const { status, body } = await query(`query($ids: [ID!]!) { ${aliases.join(' ')} }`, {
      ids: Array.from({ length: 1000 }, (_, i) => `invalid-${i}`),
    });
    expect(status).toBeLessThan(500);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      maxInvalidIds: 100,
    });
    expect(JSON.stringify(body).length).toBeLessThan(2_000);
  });

  test('up to 100 invalid IDs are errors at their own indices; the argument that passes 100 fails whole', async () => {
    const { query } = setup();
    const doc =
      'query($a: [ID!]!, $b: [ID!]!) { a: nodes(ids: $a) { id } b: nodes(ids: $b) { id } }';
    const bad = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `bad-${from + i}`);
    const within = await query(doc, { a: [employeeId(1), ...bad(60)], b: bad(40, 60) });
    expect(within.body.errors).toHaveLength(100);
    expect(within.body.data?.a).toEqual([{ id: employeeId(1) }, ...Array(60).fill(null)]);
    const past = await query(doc, { a: bad(60), b: bad(41, 60) });
    expect(past.body.errors).toHaveLength(61);
    expect(past.body.errors?.at(-1)).toMatchObject({
      path: ['b'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'ids', maxInvalidIds: 100 },
    });
  });

  test('node, nodes, employee, _entities and ID filters share one bound of limits.maxSize IDs', async () => {
    const { query } = setup(6);
    const { body } = await query(
      /* GraphQL */ `query($two: [ID!]!, $r: [_Any!]!, $one: ID!) {
        a: node(id: $one) { id }
        b: employee(id: $one) { id }
        c: employees(filter: { ids: $two }) { nodes { id } }
        d: _entities(representations: $r) { ... on Employee { id } }
        e: node(id: $one) { id }
      }`,
      {
        one: employeeId(1),
        two: [employeeId(2), employeeId(3)],
        r: [{ __typename: 'Employee', id: employeeId(4) }],
      },
    );
    expect(body.data).toMatchObject({
      a: { id: employeeId(1) },
      b: { id: employeeId(1) },
      c: { nodes: [{ id: employeeId(2) }, { id: employeeId(3) }] },
      d: [{ id: employeeId(4) }],
      e: { id: employeeId(1) },
    });
    const over = await query(
      'query($four: [ID!]!, $one: ID!) { a: employees(filter: { ids: $four }) { nodes { id } } b: node(id: $one) { id } c: node(id: $one) { id } d: node(id: $one) { id } }',
      { four: [1, 2, 3, 4].map(employeeId), one: employeeId(5) },
    );
    expect(over.body.data).toMatchObject({
      a: { nodes: expect.any(Array) },
      b: {},
      c: {},
      d: null,
    });
    expect(over.body.errors).toEqual([
      expect.objectContaining({
        path: ['d'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'id', maxIds: 6 },
      }),
    ]);
  });

  test('a second operation starts with the whole bound again', async () => {
    const { query } = setup(3);
    const doc = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    for (let i = 0; i < 3; i++) {
      const { body } = await query(doc, { ids: [1, 2, 3].map(employeeId) });
      expect(body.errors).toBeUndefined();
    }
  });
});
