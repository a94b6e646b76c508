/**
 * Issue 13, item 2: "no request may be able to end the process". The reported request, against
 * `hrgraph serve` in its own process (with an API token): an `_entities` item that fails
 * asynchronously before one that @apollo/subgraph's resolver rejected synchronously left a
 * rejected promise unobserved, and Node exited on it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postGraphQL, type ServedHrGraph, startServedHrGraph } from './support/served-hrgraph.js';

let served: ServedHrGraph;
beforeAll(async () => {
  served = await startServedHrGraph();
});
afterAll(async () => {
  await served.stop();
});

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function post(query: string, variables: Record<string, unknown> = {}) {
  const { status, text } = await postGraphQL(served, query, variables);
  return { status, body: JSON.parse(text) as Body };
}

/** One tick for the child to die on an unhandled rejection, then a request it must answer. */
async function expectAlive() {
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(served.exited()).toBeNull();
  const health = await fetch(served.url.replace('/graphql', '/healthz'));
  expect(health.status).toBe(200);
}

describe('Issue 13 item 2: one request cannot end the process', () => {
  test('_entities [{Employee, bad id}, {unknown __typename}]: coded errors at their indices, and the process lives', async () => {
    const { status, body } = await post(/* GraphQL */ `{
      _entities(representations: [{ __typename: "Employee", id: "x" }, { __typename: "Nope" }]) {
        __typename
      }
    }`);
    await expectAlive();
    expect(status).toBe(200);
    expect(body.data?._entities).toEqual([null, null]);
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 0], 'BAD_USER_INPUT'],
      [['_entities', 1], 'BAD_USER_INPUT'],
    ]);
  });

  test('representations with no __typename, no id, a non-object, or a type that is no entity fail alone', async () => {
    const { body } = await post(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      {
        r: [
          { __typename: 'Employee', id: 'x' },
          { id: 'x' },
          { __typename: 'Employee' },
          { __typename: 'Employee', id: 7 },
          'Employee',
          [1],
          { __typename: 'Node', id: 'x' },
          { __typename: 'PageInfo', id: 'x' },
          { __typename: 'Query' },
          { __typename: '__proto__' },
        ],
      },
    );
    await expectAlive();
    expect(body.data?._entities).toEqual(Array(10).fill(null));
    expect(body.errors?.map((e) => e.path?.[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
