/**
 * `_entities` resolves through the same loaders and planner as every other path: 200 Employee
 * representations cost what `nodes(ids:)` over the same 200 IDs costs — ⌈F/400⌉ BambooHR calls
 * for F provider fields — asked directly or planned by a real gateway (Apollo Gateway and Hive
 * Gateway alike). Calls are counted in the sandbox's request log, which sees every provider call
 * whichever subgraph request made it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type FederatedGraph,
  gatewayKinds,
  startFederatedGraph,
} from './support/federated-graph.js';

/** Thirty Employee fields; BambooHR serves them from 21 of its own fields. */
const thirtyFields = `
  remoteId employeeNumber firstName middleName lastName preferredName displayName
  workEmail personalEmail workPhone mobilePhone homePhone jobTitle
  employmentStatus employmentStatusRaw employmentRelationship employmentRelationshipRaw
  employmentSchedule employmentScheduleRaw gender genderRaw maritalStatus maritalStatusRaw
  startDate hireDate terminationDate dateOfBirth avatarUrl createdAt modifiedAt`;
/** With the 21 above, 401 provider fields: one past BambooHR's 400 per call. */
const customFieldCount = 380;

describe.each(gatewayKinds)('through the %s example gateway', (kind) => {
  let graph: FederatedGraph;
  beforeAll(async () => {
    graph = await startFederatedGraph({ size: 250, holders: 200, customFieldCount, gateway: kind });
    // Each account's field catalogue is read once and cached: warm it so counts are per query.
    await graph.hrgraph(
      'query($id: ID!) { node(id: $id) { ... on Employee { customFields(names: ["firstName"]) } } }',
      { id: graph.holderIds[0] },
    );
  });
  afterAll(() => graph.close());

  /** Provider calls a piece of work made, from the sandbox's own request log. */
  async function providerCalls<T>(work: () => Promise<T>): Promise<{ calls: number; result: T }> {
    const before = graph.bamboo.sandbox.log.count();
    const result = await work();
    return { calls: graph.bamboo.sandbox.log.count() - before, result };
  }

  type Body = { data?: Record<string, unknown[]> | null; errors?: unknown };

  /**
   * The same Employee selection by `nodes`, by `_entities`, and through the gateway, for the
   * holders of devices of one kind (laptops: all 200; phones: every second one).
   */
  async function threeWays(kind: 'LAPTOP' | 'PHONE', selection: string, names?: readonly string[]) {
    const ids = graph.holderIds.filter((_, i) => kind === 'LAPTOP' || i % 2 === 0);
    const extra = names ? { names } : {};
    const declare = (first: string) =>
      `query(${[first, ...(names ? ['$names: [String!]!'] : [])].join(', ')})`;
    const nodes = await providerCalls(() =>
      graph.hrgraph(
        `${declare('$ids: [ID!]!')} { nodes(ids: $ids) { ... on Employee { ${selection} } } }`,
        { ids, ...extra },
      ),
    );
    const entities = await providerCalls(() =>
      graph.hrgraph(
        `${declare('$r: [_Any!]!')} { _entities(representations: $r) { ... on Employee { ${selection} } } }`,
        { r: ids.map((id) => ({ __typename: 'Employee', id })), ...extra },
      ),
    );
    const requestsBefore = graph.requests.length;
    const gateway = await providerCalls(() =>
      graph.query(
        `${names ? 'query($names: [String!]!)' : ''} { deviceHolders(kind: ${kind}) { ${selection} } }`,
        extra,
      ),
    );
    const planned = graph.requests.slice(requestsBefore).filter((r) => r.subgraph === 'hrgraph');
    return { nodes, entities, gateway, planned };
  }

  function expectSameData(ways: Awaited<ReturnType<typeof threeWays>>, count: number) {
    const nodes = ways.nodes.result as Body;
    const entities = ways.entities.result as Body;
    const gateway = ways.gateway.result.body as Body;
    for (const body of [nodes, entities, gateway]) expect(body.errors).toBeUndefined();
    expect(nodes.data!.nodes).toHaveLength(count);
    expect(entities.data!._entities).toEqual(nodes.data!.nodes);
    expect(gateway.data!.deviceHolders).toEqual(nodes.data!.nodes);
  }

  describe('_entities costs what nodes(ids:) costs: ⌈F/400⌉ provider calls', () => {
    test('200 Employees × 30 fields: one call by nodes, by _entities, and through the gateway', async () => {
      const ways = await threeWays('LAPTOP', thirtyFields);
      expectSameData(ways, 200);
      // The gateway's plan: the inventory lists the holders, then one hrgraph _entities for all 200.
      expect(ways.planned).toHaveLength(1);
      expect(ways.planned[0]!.query).toMatch(/\b_entities\(representations: ?\$representations\)/);
      expect(ways.planned[0]!.variables.representations).toHaveLength(200);
      expect(ways.nodes.calls).toBe(1);
      expect(ways.entities.calls).toBe(ways.nodes.calls);
      expect(ways.gateway.calls).toBe(ways.nodes.calls);
    });

    test('100 Employees × 401 provider fields (the 30 and 380 custom ones): two calls each way', async () => {
      const names = graph.bamboo.sandbox.company.data.customFields.map((c) => c.alias);
      expect(names).toHaveLength(customFieldCount);
      const ways = await threeWays('PHONE', `${thirtyFields} customFields(names: $names)`, names);
      expectSameData(ways, 100);
      expect(ways.planned).toHaveLength(1);
      expect(ways.planned[0]!.variables.representations).toHaveLength(100);
      expect(ways.nodes.calls).toBe(2);
      expect(ways.entities.calls).toBe(ways.nodes.calls);
      expect(ways.gateway.calls).toBe(ways.nodes.calls);
    });
  });
});
