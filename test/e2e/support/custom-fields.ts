/**
 * What every provider's custom-field tests share: the `Account.customFields` listing, and a
 * page asking for custom fields by name.
 */
import { expect } from 'vitest';
import type { QueryFn } from '../../support/hrgraph.js';

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
