/** Pages of N employees × F fields through OAuth (GET /v1/employees): the planned minimum, every value present. */
import { describe, expect, it } from 'vitest';
import {
  checkValues,
  expected,
  matrix,
  names,
  type PageData,
  useFieldPlanningFixture,
} from './support.js';

const hr = useFieldPlanningFixture();

const account = 'acme-oauth';

describe('acme-oauth: a page of N employees × F fields', () => {
  it.each(matrix)('N=%i, F=%i: list + the planned minimum, every value present', async (n, f) => {
    const result = await hr().query<PageData>(
      /* GraphQL */ `
        query Page($account: ID!, $n: Int!, $names: [String!]!) {
          employees(account: $account, first: $n) { nodes { remoteId customFields(names: $names) } }
        }
      `,
      { account, n, names: names(hr(), f) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes).toHaveLength(n);
    expect(result.upstream.calls).toBe(expected(hr(), account, n, f, false));
    // Spot-check values on large pages; every value on small ones.
    checkValues(hr(), result.data!.employees.nodes.slice(0, 60), f);
  });

  it.each(matrix)('N=%i, F=%i with each manager’s fields too', async (n, f) => {
    const result = await hr().query<PageData>(
      /* GraphQL */ `
        query Nested($account: ID!, $n: Int!, $names: [String!]!) {
          employees(account: $account, first: $n) {
            nodes { remoteId customFields(names: $names) manager { remoteId customFields(names: $names) } }
          }
        }
      `,
      { account, n, names: names(hr(), f) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.upstream.calls).toBe(expected(hr(), account, n, f, true));
    checkValues(hr(), result.data!.employees.nodes.slice(0, 60), f);
  });
});
