/**
 * What every provider's custom-field tests share: the `Account.customFields` listing, and the
 * clause that an unknown name is one error per request (at the first employee asking, with
 * every employee's field null), not one per employee.
 */
import { expect } from 'vitest';
import type { GraphQLResult, QueryFn } from '../../support/hrgraph.js';

export interface Definition {
  readonly name: string;
  readonly key: string;
  readonly label: string | null;
  readonly type: string | null;
}

/** `Account.customFields` of one account. */
export async function listCustomFields(query: QueryFn, account: string) {
  const result = await query<{ account: { customFields: Definition[] } | null }>(
    /* GraphQL */ `query($a: ID!) { account(id: $a) { customFields { name key label type } } }`,
    { a: account },
  );
  expect(result.errors).toBeUndefined();
  return { fields: result.data!.account!.customFields, upstream: result.upstream };
}

/** A page of `first` employees, each asking for `names`. */
export function customFieldsOfPage(query: QueryFn, account: string, names: string[], first = 10) {
  return query<{
    employees: { nodes: { remoteId: string; workEmail: string; customFields: unknown }[] };
  }>(
    /* GraphQL */ `query($a: ID!, $names: [String!]!, $first: Int!) {
      employees(account: $a, first: $first) { nodes { remoteId workEmail customFields(names: $names) } }
    }`,
    { a: account, names, first },
  );
}

/**
 * The one BAD_USER_INPUT naming `unknown`, at the first employee's `customFields`; every one of
 * the `first` employees is still there, its `customFields` null.
 */
export function expectReportedOnce(
  result: GraphQLResult<{
    employees: { nodes: { remoteId: string; workEmail: string; customFields: unknown }[] };
  }>,
  unknown: readonly string[],
  first = 10,
) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]).toMatchObject({
    path: ['employees', 'nodes', 0, 'customFields'],
    extensions: { code: 'BAD_USER_INPUT', unknownFields: unknown },
  });
  const nodes = result.data!.employees.nodes;
  expect(nodes).toHaveLength(first);
  expect(nodes).toEqual(
    nodes.map(() => ({
      remoteId: expect.any(String),
      workEmail: expect.any(String),
      customFields: null,
    })),
  );
}
