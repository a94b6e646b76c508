/**
 * Cross-subgraph queries through a real gateway in both directions, the caller's identity
 * carried to hrgraph in forwarded headers, and entity lookups held to the caller's accounts: the
 * same queries, answers and provider-call counts through Apollo Gateway and Hive Gateway.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GatewayUpstream, totalUpstream } from '../../examples/gateway/upstream-extensions.js';
import {
  employeeId,
  type FederatedGraph,
  gatewayKinds,
  gatewayNames,
  hrgraphFor,
  hrgraphUrl,
  startFederatedGraph,
} from './support/federated-graph.js';

describe.each(gatewayKinds)('through the %s example gateway', (kind) => {
  let graph: FederatedGraph;
  beforeAll(async () => {
    graph = await startFederatedGraph({ size: 20, holders: 12, gateway: kind });
  });
  afterAll(() => graph.close());

  type Person = { displayName: string; jobTitle: string; manager: { id: string } | null };

  async function person(id: string) {
    const body = await graph.hrgraph<{ employee: Person }>(
      'query($id: ID!) { employee(id: $id) { displayName jobTitle manager { id } } }',
      { id },
    );
    return body.data!.employee;
  }

  /** The serials the example inventory gives the i-th holder (examples/inventory/devices.ts). */
  function serialsOf(i: number) {
    const n = String(i).padStart(5, '0');
    return [`LA-${n}`, ...(i % 2 === 0 ? [`PH-${n}`] : []), ...(i % 3 === 0 ? [`MO-${n}`] : [])];
  }

  describe(`Cross-subgraph queries through ${gatewayNames[kind]}`, () => {
    test('HR fields on the inventory’s employees: the gateway asks hrgraph’s _entities', async () => {
      const holder = graph.holderIds[4]!;
      const before = graph.requests.length;
      const { body } = await graph.query<{
        device: { holder: Person & { manager: { devices: { serial: string }[] } | null } };
      }>(/* GraphQL */ `{
      device(serial: "LA-00004") {
        holder { displayName jobTitle manager { id devices { serial } } }
      }
    }`);
      expect(body.errors).toBeUndefined();
      const expected = await person(holder);
      expect(body.data!.device.holder).toMatchObject({
        displayName: expected.displayName,
        jobTitle: expected.jobTitle,
        manager: { id: expected.manager!.id },
      });
      // The manager's devices come back from the inventory: a third hop.
      const managerIndex = graph.holderIds.indexOf(expected.manager!.id);
      expect(body.data!.device.holder.manager!.devices.map((d) => d.serial).sort()).toEqual(
        serialsOf(managerIndex).sort(),
      );
      const hops = graph.requests.slice(before).map((r) => r.subgraph);
      expect(hops).toEqual(['inventory', 'hrgraph', 'inventory']);
      expect(graph.requests[before + 1]!.query).toContain('_entities');
    });

    test('inventory fields on hrgraph’s employees: a page, node(id) and employee(id)', async () => {
      const { body } = await graph.query<{
        employees: { nodes: { id: string; devices: { serial: string }[] }[] };
        node: { displayName: string; devices: { serial: string; holder: { id: string } }[] };
        employee: { devices: { kind: string }[] };
      }>(
        /* GraphQL */ `query($id: ID!, $other: ID!) {
        employees(account: "acme", first: 3) { nodes { id devices { serial } } }
        node(id: $id) { ... on Employee { displayName devices(kind: LAPTOP) { serial holder { id } } } }
        employee(id: $other) { devices(kind: PHONE) { kind } }
      }`,
        { id: graph.holderIds[1], other: graph.holderIds[2] },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.employees.nodes).toEqual(
        graph.holderIds.slice(0, 3).map((id, i) => ({
          id,
          devices: expect.arrayContaining(serialsOf(i).map((serial) => ({ serial }))),
        })),
      );
      expect(body.data!.node).toEqual({
        displayName: (await person(graph.holderIds[1]!)).displayName,
        devices: [{ serial: 'LA-00001', holder: { id: graph.holderIds[1] } }],
      });
      expect(body.data!.employee.devices).toEqual([{ kind: 'PHONE' }]);
    });
  });

  describe('The example inventory knows everyone hrgraph serves, in every account', () => {
    test('its import reads every account and matches people across them by work email', async () => {
      const { holderIds, sameAs, accounts } = graph.imported;
      expect(accounts).toEqual(['acme', 'acme-oauth']);
      const people = graph.bamboo.sandbox.company.data.people;
      // `acme` (the employee dataset) lists everyone; each is one holder, under their acme ID.
      expect(holderIds).toEqual(people.map((p) => employeeId(p.id)));
      // Whoever `acme-oauth` lists is the same person: their ID there leads to their acme ID.
      const viaOAuth = await graph.hrgraph<{
        employees: { nodes: { id: string; remoteId: string }[] };
      }>('{ employees(account: "acme-oauth", first: 100) { nodes { id remoteId } } }');
      const oauthNodes = viaOAuth.data!.employees.nodes;
      expect(oauthNodes.length).toBeGreaterThan(10);
      expect(sameAs).toEqual(new Map(oauthNodes.map((n) => [n.id, employeeId(n.remoteId)])));
    });

    test('the README’s first query’s account (acme-oauth) shows the devices acme shows, through the gateway', async () => {
      type Devices = {
        employees: { nodes: { displayName: string; devices: { serial: string }[] }[] };
      };
      const document = /* GraphQL */ `query($a: ID!) {
      employees(account: $a, first: 5) { nodes { displayName devices { serial } } }
    }`;
      const acme = await graph.query<Devices>(document, { a: 'acme' });
      const oauth = await graph.query<Devices>(document, { a: 'acme-oauth' });
      expect(oauth.body.errors).toBeUndefined();
      expect(oauth.body.data).toEqual(acme.body.data);
      for (const [i, node] of oauth.body.data!.employees.nodes.entries()) {
        expect(node.devices.map((d) => d.serial).sort()).toEqual(serialsOf(i).sort());
      }
    });
  });

  describe('The caller’s identity through the gateway', () => {
    test('authorization and x-hrgraph-upstream reach hrgraph on every request; other headers do not', async () => {
      const before = graph.requests.length;
      const { body } = await graph.query(
        '{ deviceHolders(kind: PHONE) { displayName devices { serial } } }',
        {},
        { authorization: 'Bearer caller-1', 'x-hrgraph-upstream': '1', cookie: 'session=secret' },
      );
      expect(body.errors).toBeUndefined();
      const sent = graph.requests.slice(before);
      expect(sent.map((r) => r.subgraph)).toEqual(['inventory', 'hrgraph']);
      for (const request of sent) {
        expect(request.headers).toMatchObject({
          authorization: 'Bearer caller-1',
          'x-hrgraph-upstream': '1',
        });
        expect(request.headers).not.toHaveProperty('cookie');
      }
    });

    test('hrgraph acts on the forwarded headers: its provider-call accounting comes back per subgraph request', async () => {
      const calls = graph.bamboo.sandbox.log.count();
      const { upstream } = await graph.query(
        '{ deviceHolders(kind: LAPTOP) { displayName personalEmail } }',
        {},
        { 'x-hrgraph-upstream': '1' },
      );
      const summaries = upstream as { calls: number }[];
      expect(summaries).toHaveLength(1);
      expect(summaries[0]!.calls).toBeGreaterThan(0);
      expect(summaries[0]!.calls).toBe(graph.bamboo.sandbox.log.count() - calls);

      const quiet = await graph.query('{ deviceHolders(kind: LAPTOP) { displayName } }');
      expect(quiet.upstream).toEqual([]);
      expect(graph.requests.at(-1)!.headers).not.toHaveProperty('authorization');
    });
  });

  describe('Upstream accounting through the gateway', () => {
    const document = /* GraphQL */ `{
    employees(account: "acme", first: 3) {
      nodes { displayName devices { serial holder { personalEmail } } }
    }
  }`;

    test('x-hrgraph-upstream: the gateway response’s extensions.upstream totals hrgraph’s provider calls over its subgraph requests, in hrgraph’s shape', async () => {
      const calls = graph.bamboo.sandbox.log.count();
      const before = graph.requests.length;
      const { body } = await graph.query(document, {}, { 'x-hrgraph-upstream': '1' });
      expect(body.errors).toBeUndefined();
      // hrgraph → inventory → hrgraph: the page, then the holders' _entities.
      const hops = graph.requests.slice(before).map((r) => r.subgraph);
      expect(hops).toEqual(['hrgraph', 'inventory', 'hrgraph']);
      const upstream = body.extensions?.upstream as GatewayUpstream;
      expect(upstream).toMatchObject({
        calls: graph.bamboo.sandbox.log.count() - calls,
        retries: 0,
        requests: 2,
        durationMs: expect.any(Number),
      });
      expect(upstream.calls).toBeGreaterThanOrEqual(2);
      expect(upstream.entries).toHaveLength(upstream.calls);
      expect(upstream.entries).toContainEqual(
        expect.objectContaining({ accountId: 'acme', operation: expect.any(String) }),
      );
    });

    test('without the header: no extensions.upstream', async () => {
      const { body } = await graph.query(document);
      expect(body.errors).toBeUndefined();
      expect(body.extensions?.upstream).toBeUndefined();
    });

    test('summaries that are not hrgraph’s shape add nothing but the request', () => {
      expect(
        totalUpstream([
          { calls: 2, retries: 1, durationMs: 5, entries: [{ n: 1 }, { n: 2 }] },
          { calls: 'many', entries: 'all' },
          null,
          { calls: 1, retries: 0, durationMs: Number.NaN, entries: [{ n: 3 }] },
        ]),
      ).toEqual({
        calls: 3,
        retries: 1,
        durationMs: 5,
        entries: [{ n: 1 }, { n: 2 }, { n: 3 }],
        requests: 3,
      });
    });
  });

  describe('Entity lookups obey the caller’s account scope', () => {
    test('directly: _entities of an account the caller cannot read is null, exactly like a missing one', async () => {
      const acmeOnly = hrgraphFor([graph.bamboo.apiKey]);
      const representations = [employeeId(1), employeeId(1, 'acme-oauth'), employeeId(999_999)].map(
        (id) => ({ __typename: 'Employee', id }),
      );
      const response = await acmeOnly.fetch(hrgraphUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { firstName } } }',
          variables: { r: representations },
        }),
      });
      const body = (await response.json()) as { data: { _entities: unknown[] }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data._entities).toEqual([{ firstName: expect.any(String) }, null, null]);
    });

    test('through the gateway: the forwarded identity decides which holders hrgraph resolves', async () => {
      const document = '{ deviceHolders(kind: MONITOR) { id displayName } }';
      const all = await graph.query<{
        deviceHolders: { id: string; displayName: string | null }[];
      }>(document);
      const scoped = await graph.query<typeof all.body.data>(
        document,
        {},
        {
          authorization: 'Bearer acme-only',
        },
      );
      const foreign = new Set(graph.foreignHolderIds);
      expect(all.body.data!.deviceHolders.filter((h) => foreign.has(h.id))).toHaveLength(2);
      for (const holder of all.body.data!.deviceHolders) {
        expect(holder.displayName).toEqual(expect.any(String));
      }
      // An account outside the caller's scope answers like a missing employee: null, no error.
      expect(scoped.body.errors).toBeUndefined();
      expect(scoped.body.data!.deviceHolders.map((h) => h.id)).toEqual(
        all.body.data!.deviceHolders.map((h) => h.id),
      );
      for (const holder of scoped.body.data!.deviceHolders) {
        if (foreign.has(holder.id)) expect(holder.displayName).toBeNull();
        else expect(holder.displayName).toEqual(expect.any(String));
      }
    });
  });
});
