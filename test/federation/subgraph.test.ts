/**
 * hrgraph as an Apollo Federation v2 subgraph: its `_service { sdl }` is schema.graphql, its
 * seven entity types resolve through `_entities`, and it composes with another subgraph (the
 * example inventory, and any Relay subgraph with its own PageInfo) with no errors and no hints.
 */
import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FederatedGraph, hrgraphUrl, startFederatedGraph } from './support/federated-graph.js';

let graph: FederatedGraph;
beforeAll(async () => {
  graph = await startFederatedGraph({ size: 30, holders: 10 });
});
afterAll(() => graph.close());

const schemaFile = () => readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('Federation v2 subgraph: _service and entities', () => {
  test('_service { sdl } returns the subgraph SDL, which is schema.graphql', async () => {
    const body = await graph.hrgraph<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(`${body.data!._service.sdl.trim()}\n`).toBe(await schemaFile());
  });

  test('Employee, Company, Group, Location, TimeOff, Employment and Compensation resolve by @key(fields: "id")', async () => {
    type Ref = { id: string } | null;
    const page = await graph.hrgraph<{
      employees: {
        nodes: {
          id: string;
          company: Ref;
          department: Ref;
          location: Ref;
          employments: Ref[];
          compensations: Ref[];
          timeOff: Ref[];
        }[];
      };
    }>(/* GraphQL */ `{
      employees(account: "acme", first: 30) {
        nodes {
          id company { id } department { id } location { id }
          employments { id } compensations { id }
          timeOff(start: "2025-06-01", end: "2026-12-31") { id }
        }
      }
    }`);
    expect(page.errors).toBeUndefined();
    const nodes = page.data!.employees.nodes;
    const first = <T>(pick: (node: (typeof nodes)[number]) => T | null | undefined) =>
      nodes.map(pick).find((value) => value != null)!;
    const ids = {
      Employee: nodes[0]!.id,
      Company: first((n) => n.company?.id),
      Group: first((n) => n.department?.id),
      Location: first((n) => n.location?.id),
      Employment: first((n) => n.employments[0]?.id),
      Compensation: first((n) => n.compensations[0]?.id),
      TimeOff: first((n) => n.timeOff[0]?.id),
    };
    for (const id of Object.values(ids)) expect(id).toEqual(expect.any(String));
    const representations = Object.entries(ids).map(([__typename, id]) => ({ __typename, id }));
    const body = await graph.hrgraph<{ _entities: { __typename: string; id: string }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Node { id } } }',
      { r: representations },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual(representations);
  });
});

describe('Composition with @apollo/composition', () => {
  test('hrgraph + the inventory subgraph: no errors, no hints', () => {
    expect(graph.composition.errors).toBeUndefined();
    expect(graph.composition.hints?.map((hint) => hint.message)).toEqual([]);
  });

  test('schema.graphql composes to the same supergraph as _service { sdl }', async () => {
    const fromFile = composeServices([
      { name: 'hrgraph', url: hrgraphUrl, typeDefs: parse(await schemaFile()) },
      graph.subgraphs[1]!,
    ]);
    expect(fromFile.errors).toBeUndefined();
    expect(fromFile.supergraphSdl).toBe(graph.composition.supergraphSdl);
  });

  test('hrgraph owns Query.node; Employee keeps its Node interface in the supergraph', () => {
    const sdl = graph.composition.supergraphSdl!;
    expect(sdl).toMatch(/\n {2}node\(id: ID!\): Node @join__field\(graph: HRGRAPH\)\n/);
    expect(sdl).toMatch(
      /type Employee implements Node\s+@join__implements\(graph: HRGRAPH, interface: "Node"\)/,
    );
  });

  test('Relay PageInfo is @shareable: another Relay subgraph with its own PageInfo composes cleanly', () => {
    const tickets = parse(/* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])
      type PageInfo @shareable {
        hasNextPage: Boolean!
        hasPreviousPage: Boolean!
        startCursor: String
        endCursor: String
      }
      type Ticket { id: ID! title: String! }
      type TicketEdge { cursor: String! node: Ticket! }
      type TicketConnection { edges: [TicketEdge!]! pageInfo: PageInfo! }
      type Employee @key(fields: "id") { id: ID! tickets(first: Int, after: String): TicketConnection! }
      type Query { tickets(first: Int, after: String): TicketConnection! }
    `);
    const result = composeServices([
      graph.subgraphs[0]!,
      { name: 'tickets', url: 'http://tickets.test/graphql', typeDefs: tickets },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.hints?.map((hint) => hint.message)).toEqual([]);
  });
});
