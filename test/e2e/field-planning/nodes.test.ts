/** `nodes(ids:)` of N employees × F fields: ⌈F / 400⌉ calls, existence check included. */
import { describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../src/core/ids.js';
import { minimumCalls } from '../../../src/loaders/planner.js';
import { toGlobalId } from '../../../src/schema/global-id.js';
import {
  checkValues,
  matrix,
  names,
  type PageData,
  report,
  useFieldPlanningFixture,
} from './support.js';

const hr = useFieldPlanningFixture();

describe('N node lookups × F fields cost ⌈F/400⌉ calls', () => {
  it.each(matrix)('N=%i, F=%i through nodes(ids:)', async (n, f) => {
    const ids = hr()
      .bamboo.sandbox.company.data.people.slice(0, n)
      .map((p) =>
        toGlobalId('Employee', { accountId: accountId('acme'), remoteId: remoteId(p.id) }),
      );
    const result = await hr().query<{ nodes: PageData['employees']['nodes'] }>(
      /* GraphQL */ `
        query Lookups($ids: [ID!]!, $names: [String!]!) {
          nodes(ids: $ids) { ... on Employee { remoteId customFields(names: $names) } }
        }
      `,
      { ids, names: names(hr(), f) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toHaveLength(n);
    expect(result.upstream.calls).toBe(
      minimumCalls([report], ids, names(hr(), f), { companySize: 0 }),
    );
    expect(result.upstream.calls).toBe(Math.ceil(f / 400));
    checkValues(hr(), result.data!.nodes.slice(0, 60), f);
  });
});
