/**
 * What every provider's custom-field tests share: the `Account.customFields` listing (one
 * catalogue read, then none while cached), reading the names it lists, and the clause that an
 * unknown name is one error per request (at the first employee asking, with every employee's
 * field null), not one per employee.
 */
import { expect } from 'vitest';
import type { UpstreamSummary } from '../../../src/http/recorder.js';
import { operations, type QueryFn } from '../../support/hrgraph.js';

export interface Definition {
  readonly name: string;
  readonly key: string;
  readonly label: string | null;
  readonly type: string | null;
}

interface PageNode {
  readonly remoteId: string;
  readonly workEmail: string;
  readonly customFields: unknown;
}

/** Provider calls of a response; token mints left out, as they come and go with token lifetimes. */
const providerCalls = (upstream: UpstreamSummary) =>
  operations(upstream).filter((op) => !op.endsWith('.token'));

async function listCustomFields(query: QueryFn, account: string) {
  const result = await query<{ account: { customFields: Definition[] } | null }>(
    /* GraphQL */ `query($a: ID!) { account(id: $a) { customFields { name key label type } } }`,
    { a: account },
  );
  expect(result.errors).toBeUndefined();
  return { fields: result.data!.account!.customFields, calls: providerCalls(result.upstream) };
}

/**
 * `Account.customFields` lists `expected`; the first listing makes exactly `catalogueCalls`, the
 * second none (the catalogue is cached per account). Resolves to the names listed.
 */
export async function expectListedThenCached(
  query: QueryFn,
  account: string,
  expected: readonly Definition[],
  catalogueCalls: readonly string[],
): Promise<string[]> {
  const first = await listCustomFields(query, account);
  expect(first.fields).toEqual(expected);
  expect(first.calls).toEqual(catalogueCalls);
  const again = await listCustomFields(query, account);
  expect(again).toEqual({ fields: expected, calls: [] });
  return first.fields.map((field) => field.name);
}

function customFieldsOfPage(query: QueryFn, account: string, names: string[], first: number) {
  return query<{ employees: { nodes: PageNode[] } }>(
    /* GraphQL */ `query($a: ID!, $names: [String!]!, $first: Int!) {
      employees(account: $a, first: $first) { nodes { remoteId workEmail customFields(names: $names) } }
    }`,
    { a: account, names, first },
  );
}

/** A page of `first` employees reading `names`, without an error: its nodes and provider calls. */
export async function readNames(query: QueryFn, account: string, names: string[], first = 5) {
  const result = await customFieldsOfPage(query, account, names, first);
  expect(result.errors).toBeUndefined();
  return { nodes: result.data!.employees.nodes, calls: providerCalls(result.upstream) };
}

/**
 * A page of `first` employees asking for `known` and `unknown`: one BAD_USER_INPUT naming
 * `unknown`, at the first employee's `customFields`; every employee still there, its
 * `customFields` null. Resolves to the error's message and the request's provider calls.
 */
export async function expectUnknownReportedOnce(
  query: QueryFn,
  account: string,
  { known, unknown, first = 12 }: { known: string; unknown: string; first?: number },
) {
  const result = await customFieldsOfPage(query, account, [known, unknown], first);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error).toMatchObject({
    path: ['employees', 'nodes', 0, 'customFields'],
    extensions: { code: 'BAD_USER_INPUT', unknownFields: [unknown] },
  });
  const nodes = result.data!.employees.nodes;
  expect(nodes).toHaveLength(first);
  expect(nodes.map((node) => node.customFields)).toEqual(nodes.map(() => null));
  return { message: error!.message, calls: providerCalls(result.upstream) };
}
